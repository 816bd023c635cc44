import browser from 'webextension-polyfill';
import { planReminders } from '../domain/reminders';
import { t } from '../platform/i18n';
import { badgeCounts, dueWithoutReminder, markReminded, nextWakeAt } from '../store/reminders';
import { readSettings } from '../store/settings';
import { showBadge } from './badge';
import { database } from './database';
import { showReminders } from './notifications';

export const DUE_ALARM = 'touchbase-due';

let running: Promise<void> = Promise.resolve();

/**
 * The whole scheduler, run on every wake (worker start, browser start-up, install/update, the
 * alarm, every committed command). It trusts nothing in worker memory: it re-reads IndexedDB,
 * shows what is due and not yet shown (including what came due while the browser was closed),
 * records it, updates the badge and arms one alarm for the next moment anything changes.
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
  const now = Date.now();
  const settings = await readSettings(db);
  const due = await dueWithoutReminder(db, now);
  if (due.length > 0) {
    // Shown before being recorded: a worker killed in between shows it again on the next wake,
    // under the same notification id, which replaces rather than repeats it.
    const shown = settings.notificationsEnabled ? await showReminders(planReminders(due, settings, now, t)) : [];
    const recorded = settings.notificationsEnabled ? shown : due.map((p) => ({ prospectId: p.id, dueAt: p.dueAt ?? 0 }));
    await markReminded(db, recorded, now);
  }
  await showBadge(await badgeCounts(db, now));
  const wakeAt = await nextWakeAt(db, now);
  // Periodic, so a run cut short right after the alarm went off (the worker stopped mid-run) is
  // retried; every run replaces the alarm, so in normal operation the period never elapses.
  await browser.alarms.create(DUE_ALARM, { when: Math.max(wakeAt, Date.now() + 1_000), periodInMinutes: 0.5 });
}
