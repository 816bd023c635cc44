import { isPopOutUrl } from '../../../domain/gmailPopOut';
import type { SendHooks } from '../sends';
import { draftAt, recipientsOf, sendingDraft } from './compose';
import { sentNotice, undoes } from './sent';

/** Gmail's sends as plain values (see SendHooks). */
export const gmailSendHooks: SendHooks = { sendingDraft, sentNotice, undoes, draftAt, recipientsOf, inPopOut: (doc) => isPopOutUrl(doc.URL) };
