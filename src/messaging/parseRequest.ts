import { isPlainObject, num, refuse, type Result } from '../domain/validate';
import { declarationOf, isMessageName, senderChosenId } from './declarations';
import { PROTOCOL_TAG, type MessageName, type RequestEnvelope } from './protocol';

const attemptNumber = num({ min: 0, max: 10, integer: true });

/**
 * Turns whatever arrived on the runtime channel into a typed request, or a message that says
 * exactly what is wrong. Nothing past this function sees unvalidated data.
 */
export function parseRequest(message: unknown): Result<RequestEnvelope> {
  const name = parseCommandName(message);
  return name.ok ? parsePayload(name.value, message) : name;
}

/** The command a message names, read before its payload (the router checks the sender in between). */
export function parseCommandName(message: unknown): Result<MessageName> {
  if (!isPlainObject(message) || message['tag'] !== PROTOCOL_TAG) {
    return refuse('', 'notTouchbaseMessage');
  }
  const name = message['name'];
  // Only text is echoed back: String() throws on plain data such as {"toString": 1}.
  if (!isMessageName(name)) {
    const shown = typeof name === 'string' ? `"${name.slice(0, 40)}"` : `(${name === null ? 'null' : typeof name})`;
    return refuse('', 'unknownMessage', shown);
  }
  return { ok: true, value: name };
}

/**
 * The payload of a message already known to name `name`, checked against the command's
 * declaration. A creating command whose payload carries no id of its own gets the request's id,
 * so every resend of it names the same record.
 */
export function parsePayload(name: MessageName, message: unknown): Result<RequestEnvelope> {
  const fields = isPlainObject(message) ? message : {};
  const payload = declarationOf(name).payload(fields['payload'], 'payload');
  // The English text names the command for the logs; the problem keeps the field path (payload.…).
  if (!payload.ok) return { ...payload, error: `${name}: ${payload.error}` };
  const requestId = fields['requestId'] === undefined ? undefined : senderChosenId(fields['requestId'], 'requestId');
  if (requestId && !requestId.ok) return { ...requestId, error: `${name}: ${requestId.error}` };
  const attempt = fields['attempt'] === undefined ? undefined : attemptNumber(fields['attempt'], 'attempt');
  if (attempt && !attempt.ok) return { ...attempt, error: `${name}: ${attempt.error}` };
  const policy = declarationOf(name).resend;
  const value: Record<string, unknown> = { ...payload.value };
  if (policy.kind === 'createsWithId' && value[policy.idField] === undefined && requestId) value[policy.idField] = requestId.value;
  return {
    ok: true,
    value: {
      tag: PROTOCOL_TAG,
      name,
      payload: value,
      ...(requestId ? { requestId: requestId.value } : {}),
      ...(attempt ? { attempt: attempt.value } : {}),
    } as RequestEnvelope,
  };
}
