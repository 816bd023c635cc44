import browser from 'webextension-polyfill';
import { planNotifications, prospectOfReminder, SUMMARY_ID, summaryText } from '../domain/reminders';
import { t } from '../platform/i18n';
import type { TouchbaseDB } from '../store/db';
import { badgeCounts, dueDigest, dueWithoutReminder, markReminded, nextWakeAt, prospectsWithIds } from '../store/reminders';
import { readSettings } from '../store/settings';
import { followTimeZone } from '../store/timeZone';
import { showBadge } from './badge';
import { broadcastChange } from './broadcast';
import { database } from './database';
import { clearNotifications, liveNotificationIds, showReminders, showSummary } from './notifications';

export const DUE_ALARM = 'touchbase-due';

let running: Promise<void> = Promise.resolve();

/**
 * The whole scheduler, run on every wake (worker start, browser start-up, install/update, the
 * alarm, every committed command). It trusts nothing in worker memory: it re-reads IndexedDB and
 * the notifications on screen, takes away those no longer current, shows what is due and not
 * yet shown (including what came due while the browser was closed), records it, updates the
 * badge and arms one alarm for the next moment anything changes.
 * Runs are chained so two wakes never notify the same instance twice.
 */
export function reconcile(): Promise<void> {
  running = running.then(reconcileOnce, reconcileOnce);
  return running;
}

/** The latest run's duration stays readable as a performance measure (npm run bench reads it). */
const MEASURE = 'touchbase:reconcile';

async function reconcileOnce(): Promise<void> {
  const started = performance.now();
  try {
    await reconcileSteps();
  } finally {
    performance.clearMeasures(MEASURE);
    performance.measure(MEASURE, { start: started, end: performance.now() });
  }
}

async function reconcileSteps(): Promise<void> {
  const db = await database();
  // A rep who travelled gets reminders at the reminder hour where they are now, not where they were.
  const moved = await followTimeZone(db, Intl.DateTimeFormat().resolvedOptions().timeZone);
  if (moved.length > 0) await broadcastChange(moved);
  const now = Date.now();
  await notify(db, now);
  await showBadge(await badgeCounts(db, now));
  const wakeAt = await nextWakeAt(db, now);
  // Periodic, so a run cut short right after the alarm went off (the worker stopped mid-run) is
  // retried; every run replaces the alarm, so in normal operation the period never elapses.
  await browser.alarms.create(DUE_ALARM, { when: Math.max(wakeAt, Date.now() + 1_000), periodInMinutes: 0.5 });
}

async function notify(db: TouchbaseDB, now: number): Promise<void> {
  const [settings, fresh, live] = await Promise.all([readSettings(db), dueWithoutReminder(db, now), liveNotificationIds()]);
  const onScreen = live.flatMap((id) => prospectOfReminder(id) ?? []);
  const plan = planNotifications({ live, fresh, liveProspects: await prospectsWithIds(db, onScreen), settings, now, t });
  await clearNotifications(plan.clear);
  // Shown before being recorded: a worker killed in between shows it again on the next wake,
  // under the same id, which replaces rather than repeats it.
  await showReminders(plan.show);
  if (plan.summary !== 'none') {
    const text = summaryText(await dueDigest(db, now, new Set(plan.singles)), t);
    if (text) await showSummary(text, plan.summary === 'show');
    else await clearNotifications([SUMMARY_ID]);
  }
  await markReminded(db, plan.record, now);
}
