import { classifyDue } from '../domain/classify';
import { findStage, type Settings } from '../domain/settings';
import { stageLabel } from '../domain/stages';
import type { Millis, Prospect } from '../domain/types';
import { plural, type Translate } from './plural';

/** A prospect's status in a few words, for chips and cards. */
export interface StatusView {
  readonly stageName: string;
  readonly stageColor: string;
  readonly touches: string;
  /** overdue / today / upcoming / reply / decision / none: drives the chip's colour. */
  readonly tone: 'overdue' | 'today' | 'upcoming' | 'reply' | 'decision' | 'none';
  readonly due: string;
  /** "Proposal · 3 touches · overdue 2 days": the accessible name and tooltip. */
  readonly label: string;
}

export function statusView(prospect: Prospect, settings: Settings, now: Millis, t: Translate, locale: string): StatusView {
  const stage = findStage(settings, prospect.stageId);
  const stageName = stage ? stageLabel(stage, t) : prospect.stageId;
  const touches = plural(t, 'touchCount', prospect.touchCount, locale);
  const { tone, due } = dueWords(prospect, now, t, locale);
  return {
    stageName,
    stageColor: stage?.color ?? '#9aa0a6',
    touches,
    tone,
    due,
    label: [stageName, touches, due].filter(Boolean).join(' · '),
  };
}

function dueWords(prospect: Prospect, now: Millis, t: Translate, locale: string): Pick<StatusView, 'tone' | 'due'> {
  if (prospect.dueAt === undefined || prospect.dueKind === undefined) return { tone: 'none', due: '' };
  const status = classifyDue({ at: prospect.dueAt, kind: prospect.dueKind }, now);
  switch (status.section) {
    case 'replyNeeded':
      return { tone: 'reply', due: prospect.replyUnread ? `${t('statusWaitingOnMe')} · ${t('statusUnread')}` : t('statusWaitingOnMe') };
    case 'decision':
      return { tone: 'decision', due: t('statusDecision') };
    case 'overdue':
      return { tone: 'overdue', due: plural(t, 'dueOverdue', status.daysOverdue, locale) };
    case 'today':
      return { tone: 'today', due: t('dueToday') };
    default:
      // Relative words, not a formatted date: Intl date formatting costs a Gmail tab ~15 ms the
      // first time, which a list of chips cannot afford.
      return { tone: 'upcoming', due: plural(t, 'statusNextIn', status.daysUntil, locale) };
  }
}

const shortDates = new Map<string, Intl.DateTimeFormat>();

/** "27 Nov": short, in the UI language (one formatter per language, reused). */
export function dateText(at: Millis, locale: string): string {
  let format = shortDates.get(locale);
  if (!format) shortDates.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' })));
  return format.format(at);
}
