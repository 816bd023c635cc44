import { describe, expect, it } from 'vitest';
import { deriveProspect } from '../../../src/domain/derive';
import { latestThread, needsReminder, planReminders, prospectOfReminder, reminderId, threadUrl } from '../../../src/domain/reminders';
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

describe('which reminders to show', () => {
  const now = local(2026, 11, 23, 9, 0);
  const due = prospect('a', local(2026, 11, 19, 10)); // due Mon 09:00

  it('shows a due instance once', () => {
    expect(needsReminder(due, now)).toBe(true);
    expect(needsReminder({ ...due, notified: { dueAt: due.dueAt!, at: now } }, now)).toBe(false);
    expect(needsReminder(due, now - 1)).toBe(false);
  });

  it('shows a new due instance again after the old one was shown', () => {
    expect(needsReminder({ ...due, notified: { dueAt: due.dueAt! - 86_400_000, at: now } }, now)).toBe(true);
  });

  it('shows up to three reminders one by one, with why they are due', () => {
    const plan = planReminders([due, prospect('b', local(2026, 11, 19, 11))], defaults, now, t);
    expect(plan).toEqual({
      kind: 'single',
      reminders: [
        { notificationId: reminderId('a', due.dueAt!), prospectId: 'a', dueAt: due.dueAt, title: 'Name a · Acme', message: 'reminder_followUp · stage_new' },
        expect.objectContaining({ prospectId: 'b', title: 'Name b · Acme' }),
      ],
    });
  });

  it('groups more than three into one summary that covers them all', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => prospect(id, local(2026, 11, 19, 10)));
    const plan = planReminders(many, defaults, now, t);
    expect(plan.kind).toBe('summary');
    if (plan.kind === 'summary') {
      expect(plan.title).toBe('reminderSummaryTitle(5)');
      expect(plan.message).toBe('Name a, Name b, Name c, Name d, Name e');
      expect(plan.covers.map((r) => r.prospectId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    }
  });

  it('plans nothing when nothing new is due', () => {
    expect(planReminders([], defaults, now, t)).toEqual({ kind: 'none' });
  });
});

describe('where a reminder leads', () => {
  it('round-trips the prospect id through the notification id and rejects foreign ids', () => {
    expect(prospectOfReminder(reminderId('5f0c-aa', 123))).toBe('5f0c-aa');
    expect(prospectOfReminder('summary:1')).toBeNull();
    expect(prospectOfReminder('due:../../x:1')).toBeNull();
  });

  it('opens the last linked thread in the right Gmail account', () => {
    const threads = [
      { threadId: '18a', mailbox: 'rep@example.com', subject: 'old' },
      { threadId: '18bc1a2b3c4d5e6f', mailbox: 'rep@example.com', subject: 'new' },
    ];
    const thread = latestThread({ threads });
    expect(thread && threadUrl(thread)).toBe('https://mail.google.com/mail/u/rep%40example.com/#inbox/18bc1a2b3c4d5e6f');
    expect(latestThread({ threads: [] })).toBeNull();
  });
});
