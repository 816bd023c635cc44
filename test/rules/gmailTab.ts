/**
 * What a Gmail tab may ask the background for, written from what the Gmail features use (read
 * lookups (by row, and of its whole mailbox), recent touches and the settings; log a touch; create, update, decide and link a thread
 * to a prospect; open a thread; keep the thread card open or compact; take back the provisional touch of a send the rep undid; hand a pop-out window's send to the tabs, one of which shows its notice) — never read from the declarations it checks. Bulk and
 * settings-wide changes belong to Touchbase's own pages.
 */
export const SERVED_TO_GMAIL_TAB: readonly string[] = [
  'lookup',
  'lookup.mailbox',
  'touch.recent',
  'settings.get',
  'touch.log',
  'prospect.create',
  'prospect.update',
  'prospect.decide',
  'prospect.linkThread',
  'prospect.openThread',
  'settings.cardOpen',
  'touch.withdraw',
  'send.relay',
];
