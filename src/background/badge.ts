import browser from 'webextension-polyfill';
import type { DueCounts } from '../domain/dueCounts';
import { t } from '../platform/i18n';

const OVERDUE_COLOR = '#c5221f';
const DUE_COLOR = '#0b7a75';

/** The toolbar badge: the due-now count of the due list (domain/dueCounts.ts), red when any is overdue. */
export async function showBadge({ dueNow, overdue }: Pick<DueCounts, 'dueNow' | 'overdue'>): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: dueNow > 0 ? String(Math.min(dueNow, 999)) : '' }),
    browser.action.setBadgeBackgroundColor({ color: overdue > 0 ? OVERDUE_COLOR : DUE_COLOR }),
    browser.action.setTitle({ title: dueNow > 0 ? t('badgeTitle', String(dueNow)) : t('extName') }),
  ]);
}
