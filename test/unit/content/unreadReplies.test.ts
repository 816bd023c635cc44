import { describe, expect, it } from 'vitest';
import { touchIdFor, unreadReplyTouches } from '../../../src/content/unreadReplies';
import type { Person, ThreadRow } from '../../../src/content/webmail/types';
import { DAY, NOW, REP, storedProspect } from './prospects';

const THREAD = '1a19b8a62200bd1f';
/** A Gmail id for a message sent at `at`: epoch ms above 20 bits of sequence number. */
const idAt = (at: number, sequence = 0x2a) => ((BigInt(at) << 20n) | BigInt(sequence)).toString(16);
const person = (email: string): Person => ({ email, name: '' });

const ARRIVED = NOW - 3_600_000;
/** Touched a day before the reply arrived (one outbound touch). */
const prospect = storedProspect('anna', 'qualified', [THREAD], [[NOW - DAY - 3_600_000, 'outbound']]);

function row(overrides: Partial<ThreadRow> = {}): ThreadRow {
  return {
    element: null as unknown as HTMLElement,
    chipAnchor: null as unknown as HTMLElement,
    threadId: THREAD,
    people: [person(REP), person(prospect.email)],
    subject: 'Pilot',
    unread: true,
    lastMessageId: idAt(ARRIVED),
    lastMessageAt: ARRIVED,
    ...overrides,
  };
}

describe('replies noticed on an unread inbox row', () => {
  it('log one provisional inbound touch at the time the newest message id encodes, in the thread', () => {
    expect(unreadReplyTouches(row(), [prospect], NOW)).toEqual([
      {
        touchId: touchIdFor(idAt(ARRIVED), prospect.id),
        prospectId: prospect.id,
        channel: 'email',
        direction: 'inbound',
        source: 'gmail',
        at: ARRIVED,
        threadId: THREAD,
        provisional: true,
        note: '',
      },
    ]);
  });

  it('log nothing for a read row, a row without a thread id or without a newest message id', () => {
    expect(unreadReplyTouches(row({ unread: false }), [prospect], NOW)).toEqual([]);
    expect(unreadReplyTouches(row({ threadId: null }), [prospect], NOW)).toEqual([]);
    expect(unreadReplyTouches(row({ lastMessageId: null, lastMessageAt: null }), [prospect], NOW)).toEqual([]);
  });

  it('log nothing when the newest sender is a bounce, a colleague on the thread or the rep', () => {
    for (const last of ['mailer-daemon@googlemail.com', 'colleague@deal.test', REP]) {
      expect(unreadReplyTouches(row({ people: [person(prospect.email), person(last)] }), [prospect], NOW)).toEqual([]);
    }
  });

  it('log nothing when the newest message is not newer than the last touch Touchbase knows', () => {
    const touchedSince = storedProspect('anna', 'qualified', [THREAD], [[ARRIVED, 'outbound']]);
    expect(unreadReplyTouches(row(), [touchedSince], NOW)).toEqual([]);
  });

  it('never date a reply after now, even when the id runs ahead of this clock', () => {
    const ahead = NOW + 60_000;
    expect(unreadReplyTouches(row({ lastMessageId: idAt(ahead), lastMessageAt: ahead }), [prospect], NOW)[0]?.at).toBe(NOW);
  });

  it('pick, of several tracked people on the row, only the one who wrote the newest message', () => {
    const colleague = storedProspect('ben', 'qualified', [THREAD]);
    expect(unreadReplyTouches(row({ people: [person(colleague.email), person(prospect.email)] }), [colleague, prospect], NOW).map((r) => r.prospectId)).toEqual([prospect.id]);
  });
});

describe('the id of a provisional reply', () => {
  it('is a UUID made of the message id and the prospect, the same in every tab', () => {
    const id = touchIdFor('1a19b8a62200bd1f', 'anna');
    expect(id).toMatch(/^1a19b8a6-2200-bd1f-8000-[0-9a-f]{12}$/);
    expect(touchIdFor('1a19b8a62200bd1f', 'anna')).toBe(id);
    expect(touchIdFor('1a19b8a62200bd1f', 'ben')).not.toBe(id);
    expect(touchIdFor('a19b8a62200bd1f', 'anna')).toMatch(/^0a19b8a6-2200-bd1f-8000-/);
  });
});
