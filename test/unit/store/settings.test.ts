import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { createProspect } from '../../../src/store/prospects';
import { readSettings } from '../../../src/store/settings';
import { writeSettings } from '../../../src/store/settingsWrites';
import { DAY, NOW, freshDB } from './helpers';

describe('writing settings', () => {
  it('stores them and recomputes every due time in the same transaction', async () => {
    const db = await freshDB();
    const ana = await createProspect(db, { email: 'ana@x.test', mailbox: '' }, NOW - 3 * DAY);
    const won = await createProspect(db, { email: 'wo@x.test', mailbox: '', stageId: 'won' }, NOW - 3 * DAY);
    const later = { ...DEFAULT_SETTINGS, reminderHour: 15 };
    const changed = await writeSettings(db, later, NOW);
    expect(await readSettings(db)).toEqual(later);
    const after = await db.get('prospects', ana.id);
    expect(new Date(after!.dueAt!).getHours()).toBe(15);
    expect(new Date(ana.dueAt!).getHours()).toBe(9);
    expect(changed).toContain(ana.id);
    expect(changed).toContain(won.id);
    expect(await writeSettings(db, later, NOW)).toEqual([]); // nothing to recompute the second time
  });
});
