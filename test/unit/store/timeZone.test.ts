import { afterEach, describe, expect, it } from 'vitest';
import { createProspect } from '../../../src/store/prospects';
import { followTimeZone } from '../../../src/store/timeZone';
import { freshDB } from './helpers';

const startZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = startZone;
});

describe('due times follow the rep to another time zone', () => {
  // Thu 19 Nov 2026 15:00 UTC: 10:00 in New York, 22:00 in Bangkok. A New lead is due two working
  // days later at 09:00 local: Mon 23rd 09:00 in either city.
  const created = Date.UTC(2026, 10, 19, 15, 0);
  const mondayNineNewYork = Date.UTC(2026, 10, 23, 14, 0); // 09:00 at UTC−5
  const mondayNineBangkok = Date.UTC(2026, 10, 23, 2, 0); // 09:00 at UTC+7

  it('recomputes every due time at the reminder hour of the new zone, once', async () => {
    process.env.TZ = 'America/New_York';
    const db = await freshDB();
    const prospect = await createProspect(db, { email: 'a@x.test', mailbox: '' }, created);
    expect(prospect.dueAt).toBe(mondayNineNewYork);
    expect(await followTimeZone(db, 'America/New_York', 'clock-a')).toEqual([]); // no zone recorded yet: computed again, nothing moves
    expect((await db.get('prospects', prospect.id))?.dueAt).toBe(mondayNineNewYork);

    process.env.TZ = 'Asia/Bangkok';
    expect(await followTimeZone(db, 'Asia/Bangkok', 'clock-a')).toEqual([prospect.id]);
    expect((await db.get('prospects', prospect.id))?.dueAt).toBe(mondayNineBangkok);
    expect(await followTimeZone(db, 'Asia/Bangkok', 'clock-a')).toEqual([]);
  });
});
