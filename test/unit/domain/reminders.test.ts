import { describe, expect, it } from 'vitest';
import { deriveProspect } from '../../../src/domain/derive';
import { latestThread, needsReminder, planNotifications, prospectOfReminder, summaryText, type NotificationPlanInput } from '../../../src/domain/reminders';
import type { Prospect } from '../../../src/domain/types';
import { local, settings } from './fixtures';

const defaults = settings();
const t = (key: string, sub?: string | readonly string[]) => (sub === undefined ? key : `${key}(${String(sub)})`);

function prospect(id: string, createdAt: number, extra: Partial<Prospect> = {}): Prospect {
  return deriveProspect(
    {
      id, email: `${id}@x.test`, mailbox: 'rep@example.com', name: `Name ${id}`, company: 'Acme', stageId: 'new', value: null, currency: '',
      decisionMaker: 'unknown', expectedCloseDate: null, channel: 'email', cadenceDays: null, nextMeetingAt: null, snoozedUntil: null,
      notes: '', threads: [], createdAt, updatedAt: createdAt, stageEnteredAt: createdAt, ...extra,
    },
    [],
    defaults,
  );
}

const now = local(2026, 11, 23, 9, 0);
/** Created Thu 19th 10:00: a New lead's 2 working days make it due Mon 23rd at 09:00, i.e. `now`. */
const createdThursday = local(2026, 11, 19, 10);
const dueMonday = local(2026, 11, 23, 9);

/** A prospect whose current instance was already shown. */
const shownBefore = (p: Prospect): Prospect => ({ ...p, notified: { dueAt: p.dueAt!, at: p.dueAt! } });

function plan(input: Partial<NotificationPlanInput>) {
  return planNotifications({ live: [], fresh: [], liveProspects: [], settings: defaults, now, t, ...input });
}

describe('which reminders to show', () => {
  const due = prospect('a', createdThursday);

  it('the fixture is due at the rule’s moment', () => {
    expect(due.dueAt).toBe(dueMonday);
  });

  it('shows a due instance once', () => {
    expect(needsReminder(due, now)).toBe(true);
    expect(needsReminder(shownBefore(due), now)).toBe(false);
    expect(needsReminder(due, now - 1)).toBe(false);
  });

  it('shows a new due instance again after the old one was shown', () => {
    expect(needsReminder({ ...due, notified: { dueAt: dueMonday - 86_400_000, at: now } }, now)).toBe(true);
  });

  it('shows up to three reminders one by one, earliest first, each under its prospect’s id, with why they are due', () => {
    const earlier = now - 3_600_000;
    const b = { ...prospect('b', createdThursday), dueAt: earlier, remindAt: earlier };
    expect(plan({ fresh: [due, b] })).toEqual({
      clear: [],
      show: [
        { notificationId: 'due:b', prospectId: 'b', dueAt: earlier, title: 'Name b · Acme', message: 'reminder_followUp · stage_new' },
        { notificationId: 'due:a', prospectId: 'a', dueAt: dueMonday, title: 'Name a · Acme', message: 'reminder_followUp · stage_new' },
      ],
      singles: ['b', 'a'],
      summary: 'none',
      record: [{ prospectId: 'a', dueAt: dueMonday }, { prospectId: 'b', dueAt: earlier }],
    });
  });

  it('groups more than three into the one summary and records them all', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => prospect(id, createdThursday));
    const result = plan({ fresh: many });
    expect(result).toMatchObject({ clear: [], show: [], singles: [], summary: 'show' });
    expect(result.record.map((r) => r.prospectId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('plans nothing when nothing is due and nothing is on screen', () => {
    expect(plan({})).toEqual({ clear: [], show: [], singles: [], summary: 'none', record: [] });
  });
});

describe('what stays on screen', () => {
  const a = shownBefore(prospect('a', createdThursday));

  it('keeps a notification whose instance is still the one due, without showing it again', () => {
    expect(plan({ live: ['due:a'], liveProspects: [a] })).toEqual({ clear: [], show: [], singles: ['a'], summary: 'none', record: [] });
  });

  it('takes away the notification of a prospect that was touched, snoozed, decided or deleted', () => {
    const touched = { ...a, lastTouchAt: now, dueAt: local(2026, 11, 25, 9) };
    const snoozed = { ...a, snoozedUntil: local(2026, 11, 24, 9), dueAt: local(2026, 11, 24, 9) };
    const lost: Prospect = (({ dueAt: _gone, ...rest }) => ({ ...rest, stageId: 'lost' }))(a);
    for (const changed of [touched, snoozed, lost]) {
      expect(plan({ live: ['due:a'], liveProspects: [changed] }).clear).toEqual(['due:a']);
    }
    expect(plan({ live: ['due:a'], liveProspects: [] }).clear).toEqual(['due:a']);
  });

  it('replaces the notification of a prospect due anew under the same id instead of adding one', () => {
    const dueAgain = { ...a, dueKind: 'replyNeeded' as const, dueAt: now - 60_000 };
    const result = plan({ live: ['due:a'], fresh: [dueAgain], liveProspects: [dueAgain] });
    expect(result.clear).toEqual([]);
    expect(result.show.map((r) => r.notificationId)).toEqual(['due:a']);
    expect(result.record).toEqual([{ prospectId: 'a', dueAt: now - 60_000 }]);
  });

  it('takes away notifications under ids of earlier versions (one per due instance, summaries per run)', () => {
    const result = plan({ live: [`due:a:${dueMonday}`, `due:a:${dueMonday - 1}`, 'summary:1700000000000'], liveProspects: [a] });
    expect(result.clear).toEqual([`due:a:${dueMonday}`, `due:a:${dueMonday - 1}`, 'summary:1700000000000']);
  });

  it('shows up to three newcomers one by one beside the notifications already on screen', () => {
    const b = shownBefore(prospect('b', createdThursday));
    const result = plan({ live: ['due:a', 'due:b'], liveProspects: [a, b], fresh: [prospect('c', createdThursday), prospect('d', createdThursday)] });
    expect(result).toMatchObject({ clear: [], singles: ['a', 'b', 'c', 'd'], summary: 'none' });
    expect(result.show.map((r) => r.notificationId)).toEqual(['due:c', 'due:d']);
  });

  it('refreshes a summary on screen quietly, and alerts again only when more than three newcomers join it', () => {
    expect(plan({ live: ['summary'], fresh: [prospect('c', createdThursday)] })).toMatchObject({ clear: [], singles: ['c'], summary: 'refresh' });
    expect(plan({ live: ['summary'] })).toMatchObject({ clear: [], show: [], summary: 'refresh' });
    const four = ['c', 'd', 'e', 'f'].map((id) => prospect(id, createdThursday));
    expect(plan({ live: ['summary', 'due:a'], liveProspects: [a], fresh: four })).toMatchObject({ clear: [], show: [], singles: ['a'], summary: 'show' });
  });

  it('with notifications off, takes everything away and records what came due without showing it', () => {
    const result = plan({ settings: settings({ notificationsEnabled: false }), live: ['due:a', 'summary'], liveProspects: [a], fresh: [prospect('c', createdThursday)] });
    expect(result).toEqual({ clear: ['due:a', 'summary'], show: [], singles: [], summary: 'none', record: [{ prospectId: 'c', dueAt: dueMonday }] });
  });
});

describe('the summary text', () => {
  const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `P${i}`, email: `p${i}@x.test` }));

  it('counts everyone it covers and names the newest six', () => {
    expect(summaryText({ count: 8, newest: people(6) }, t)).toEqual({ title: 'reminderSummaryTitle(8)', message: 'P0, P1, P2, P3, P4, P5 +2' });
    expect(summaryText({ count: 2, newest: [{ name: '', email: 'ann@x.test' }, { name: 'Bo', email: 'bo@x.test' }] }, t)).toEqual({
      title: 'reminderSummaryTitle(2)',
      message: 'ann@x.test, Bo',
    });
  });

  it('is taken away when it covers nobody', () => {
    expect(summaryText({ count: 0, newest: [] }, t)).toBeNull();
  });
});

describe('where a reminder leads', () => {
  it('reads the prospect id from a notification id, also from earlier versions, and rejects foreign ids', () => {
    expect(prospectOfReminder('due:5f0c-aa')).toBe('5f0c-aa');
    expect(prospectOfReminder('due:5f0c-aa:1764000000000')).toBe('5f0c-aa');
    expect(prospectOfReminder('summary')).toBeNull();
    expect(prospectOfReminder('summary:1')).toBeNull();
    expect(prospectOfReminder('due:../../x:1')).toBeNull();
  });

  it('opens the last linked thread', () => {
    const threads = [
      { threadId: '18a', mailbox: 'rep@example.com', subject: 'old' },
      { threadId: '18bc1a2b3c4d5e6f', mailbox: 'rep@example.com', subject: 'new' },
    ];
    expect(latestThread({ threads })).toBe(threads[1]);
    expect(latestThread({ threads: [] })).toBeNull();
  });
});
