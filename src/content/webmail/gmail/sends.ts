import type { SendHooks } from '../sends';
import { sendingDraft } from './compose';
import { sentNotice, undoes } from './sent';

/** Gmail's sends as plain values (see SendHooks). */
export const gmailSendHooks: SendHooks = { sendingDraft, sentNotice, undoes };
