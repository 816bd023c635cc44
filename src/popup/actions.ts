import { addDays } from 'date-fns';
import { deliveryOn } from '../domain/calendar';
import type { Settings } from '../domain/settings';
import type { Channel, Prospect } from '../domain/types';
import { t, uiLanguage } from '../platform/i18n';
import { pestWarningText } from '../ui/pestText';
import { send } from '../platform/messages';

/** Every popup action is a command to the background; each resolves to words for the live region. */
async function attempt(work: () => Promise<string>): Promise<string> {
  try {
    return await work();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function logTouch(prospect: Prospect, channel: Channel, note: string): Promise<string> {
  return attempt(async () => {
    const result = await send('touch.log', { prospectId: prospect.id, channel, direction: 'outbound', source: 'manual', note });
    return result.warning ? pestWarningText(result.warning, Date.now(), t, uiLanguage()) : t('loggedFor', prospect.name || prospect.email);
  });
}

/** Snoozes to the reminder hour `days` ahead (moved to a working day), or to a picked date. */
export function snooze(prospect: Prospect, settings: Settings, until: { days: number } | { date: string }): Promise<string> {
  return attempt(async () => {
    const target = 'days' in until ? addDays(new Date(), until.days) : parseLocalDate(until.date);
    if (!target) return t('invalidDate');
    await send('prospect.update', { id: prospect.id, patch: { snoozedUntil: deliveryOn(target, settings) } });
    return t('snoozedFor', prospect.name || prospect.email);
  });
}

export function setStage(prospect: Prospect, stageId: string): Promise<string> {
  return attempt(async () => {
    await send('prospect.update', { id: prospect.id, patch: { stageId } });
    return t('saved');
  });
}

export function decide(prospect: Prospect, outcome: 'nurture' | 'lost'): Promise<string> {
  return attempt(async () => {
    await send('prospect.decide', { id: prospect.id, outcome });
    return t('saved');
  });
}

export function openThread(prospect: Prospect): Promise<string> {
  return attempt(async () => {
    const { opened } = await send('prospect.openThread', { id: prospect.id });
    return opened === 'thread' ? t('threadOpened') : t('noThread');
  });
}

function parseLocalDate(value: string): Date | null {
  const [y, m, d] = value.split('-').map(Number);
  return y && m && d ? new Date(y, m - 1, d) : null;
}
