/**
 * The kinds of markup mismatch the Gmail adapter reports. Each is the `what` of a MissLogger
 * call, so the logger can report a kind once however many elements share it; `detail` names
 * the offending value when there is one.
 */
export const GMAIL_MISS = {
  /** A row with neither thread ids nor people: nothing to annotate, skipped. */
  rowWithoutIds: 'thread row without ids or people',
  /** A row with people but no usable thread id: returned with threadId null. */
  rowWithoutThreadId: 'thread row without thread id',
  /** A row without a subject: returned with subject ''. */
  rowWithoutSubject: 'thread row without subject',
  /** An open thread heading without a usable id: no thread reported. */
  threadWithoutId: 'thread heading without id',
  /** An open thread with no expanded message container: the card anchor falls back. */
  threadWithoutMessageList: 'thread without expanded messages',
  /** A message with no id attribute at all: skipped. */
  messageWithoutId: 'message without id',
  /** A message without a sender span: returned with from null. */
  messageWithoutSender: 'message without sender',
  /** An id attribute whose value is in no format we know. */
  unrecognisedId: 'id in an unknown format',
  /** An address attribute that is not an email address: that person is skipped. */
  invalidAddress: 'invalid email address',
  /** A draft sent without a recipient chip we can read: its send is not logged. */
  draftWithoutRecipients: 'draft without recipients',
  /** A draft whose send button does not match: no follow-up control is placed beside it. */
  draftWithoutSendButton: 'draft without send button',
} as const;

export type GmailMiss = (typeof GMAIL_MISS)[keyof typeof GMAIL_MISS];
