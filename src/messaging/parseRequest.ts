import {
  channel,
  direction,
  email,
  gmailId,
  mailbox,
  millis,
  prospectFieldChecks,
  recordId,
  threadLink,
  stageId,
  touchSource,
} from '../domain/inputs';
import { arrayOf, isPlainObject, num, object, oneOf, recordOf, refuse, str, type Check, type Result } from '../domain/validate';
import { fileText } from '../domain/backup';
import { settingsShape } from '../domain/settingsInput';
import { PROTOCOL_TAG, type MessageName, type RequestEnvelope, type RequestOf } from './protocol';

const fieldKeys = Object.keys(prospectFieldChecks) as (keyof typeof prospectFieldChecks)[];

/** An id the sender picks for a record it creates, so resending the command is safe: a UUID. */
const senderChosenId = str({ min: 36, max: 36, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i });

const importRequest = object({
  kind: oneOf(['backup', 'csv'] as const),
  text: fileText,
  stageChoices: recordOf(str({ min: 1, max: 200 }), stageId, { max: 1000 }),
}, ['stageChoices']);

/** Runtime checks for each request payload: the boundary where unknown data becomes typed. */
const payloadChecks: { [K in MessageName]: Check<RequestOf<K>> } = {
  'prospect.create': object({ email, mailbox, thread: threadLink, ...prospectFieldChecks, id: senderChosenId }, [
    'thread',
    ...fieldKeys,
    'id',
  ]),
  'prospect.update': object({ id: recordId, patch: object(prospectFieldChecks, fieldKeys) }),
  'prospect.decide': object({ id: recordId, outcome: oneOf(['nurture', 'lost']) }),
  'prospect.linkThread': object({ id: recordId, thread: threadLink }),
  'touch.log': object(
    {
      prospectId: recordId,
      channel,
      direction,
      source: touchSource,
      at: millis,
      messageId: gmailId,
      threadId: gmailId,
      note: str({ max: 2000, trim: false }),
      touchId: senderChosenId,
    },
    ['at', 'messageId', 'threadId', 'touchId'],
  ),
  // A list view can hold a thousand rows (and as many people again); one lookup covers them.
  lookup: object({
    mailbox,
    threadIds: arrayOf(gmailId, { max: 2_000 }),
    emails: arrayOf(email, { max: 5_000 }),
  }),
  'touch.recent': object({ prospectId: recordId, limit: num({ min: 1, max: 50, integer: true }) }),
  'settings.get': object({}),
  'prospect.openThread': object({ id: recordId }),
  // Shape and ranges here; the background checks the change against the stored stages.
  'settings.update': object({ settings: settingsShape }),
  'import.preview': importRequest,
  'import.apply': importRequest,
  'data.deleteAll': object({}),
};

export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.hasOwn(payloadChecks, name);
}

/**
 * Turns whatever arrived on the runtime channel into a typed request, or a message that says
 * exactly what is wrong. Nothing past this function sees unvalidated data.
 */
export function parseRequest(message: unknown): Result<RequestEnvelope> {
  if (!isPlainObject(message) || message['tag'] !== PROTOCOL_TAG) {
    return refuse('', 'notTouchbaseMessage');
  }
  const name = message['name'];
  // Only text is echoed back: String() throws on plain data such as {"toString": 1}.
  if (!isMessageName(name)) {
    const shown = typeof name === 'string' ? `"${name.slice(0, 40)}"` : `(${name === null ? 'null' : typeof name})`;
    return refuse('', 'unknownMessage', shown);
  }
  const payload = payloadChecks[name](message['payload'], 'payload');
  // The English text names the command for the logs; the problem keeps the field path (payload.…).
  if (!payload.ok) return { ...payload, error: `${name}: ${payload.error}` };
  return { ok: true, value: { tag: PROTOCOL_TAG, name, payload: payload.value } as RequestEnvelope };
}
