import { declarationOf } from '../messaging/declarations';
import { parseCommandName, parsePayload } from '../messaging/parseRequest';
import type { ErrorCode, Reply, RequestEnvelope } from '../messaging/protocol';
import { problem, type Problem } from '../domain/problems';
import type { TouchbaseDB } from '../store/db';
import { StoreError } from '../store/errors';
import type { CommandContext, CommandResult } from './commandContext';
import { handlers } from './commands';
import { classifySender, type SenderInfo } from './senders';

export interface RouterDeps {
  readonly extensionId: string;
  readonly extensionOrigin: string;
  readonly db: () => Promise<TouchbaseDB>;
  readonly now: () => number;
  /** Runs after a write has committed: change events, the scheduler, the badge. */
  readonly afterWrite: (changedProspectIds: readonly string[], settingsChanged?: boolean) => Promise<void>;
  readonly log?: (message: string) => void;
  readonly openThread: CommandContext['openThread'];
  readonly translate?: CommandContext['translate'];
  readonly progress?: CommandContext['progress'];
  readonly sync?: CommandContext['sync'];
  readonly relaySend?: CommandContext['relaySend'];
}

/**
 * Turns one runtime message into one reply. Order matters: the sender is checked (who it is, then
 * whether the command serves it) before the payload is parsed, and the payload is validated before
 * anything touches the store.
 *
 * The reply follows the commit: once a handler has returned, its write is stored, and the work
 * after it (change events, reminders, badge) cannot turn the reply into a failure. A failure
 * there is logged on its own; a rep told "failed" would try again and write twice.
 */
export function createRouter(deps: RouterDeps) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    const kind = classifySender(sender, deps.extensionId, deps.extensionOrigin);
    if (!kind) {
      deps.log?.(`refused a message from ${sender.url ?? 'an unknown sender'}`);
      return refuse('forbidden', 'sender is not allowed');
    }
    const name = parseCommandName(message);
    if (!name.ok) return refuse('invalid', name.error, name.problem);
    if (!declarationOf(name.value).senders.includes(kind)) {
      deps.log?.(`refused ${name.value} from ${kind} at ${sender.url ?? 'an unknown address'}`);
      const refusal = problem('', 'notInThisTab', name.value);
      return refuse('forbidden', `${name.value}: not served to ${kind}`, refusal);
    }
    const parsed = parsePayload(name.value, message);
    if (!parsed.ok) return refuse('invalid', parsed.error, parsed.problem);
    // The first attempt may have run before its reply was lost; this one must not run it again.
    if ((parsed.value.attempt ?? 0) > 0 && declarationOf(name.value).resend.kind === 'never') {
      return refuse('conflict', `${name.value}: not run again after a lost reply`, problem('', 'mayHaveRun'));
    }
    let result: CommandResult<unknown>;
    try {
      result = await dispatch(parsed.value, deps);
    } catch (error) {
      if (error instanceof StoreError) return refuse(error.code, error.message, error.problem);
      deps.log?.(`command ${parsed.value.name} failed: ${String(error)}`);
      return refuse('internal', `${parsed.value.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (result.changed.length > 0 || result.settingsChanged) await afterCommit(parsed.value.name, result, deps);
    return { ok: true, value: result.value };
  };
}

async function dispatch(request: RequestEnvelope, deps: RouterDeps): Promise<CommandResult<unknown>> {
  const handler = handlers[request.name] as (payload: unknown, ctx: unknown) => Promise<CommandResult<unknown>>;
  return handler(request.payload, { db: await deps.db(), now: deps.now(), openThread: deps.openThread, ...(deps.translate ? { translate: deps.translate } : {}), ...(deps.progress ? { progress: deps.progress } : {}), ...(deps.sync ? { sync: deps.sync } : {}), ...(deps.relaySend ? { relaySend: deps.relaySend } : {}) });
}

/** The write is stored: whatever fails now is logged, never replied as the command's failure. */
async function afterCommit(name: string, result: CommandResult<unknown>, deps: RouterDeps): Promise<void> {
  try {
    await deps.afterWrite(result.changed, result.settingsChanged);
  } catch (error) {
    deps.log?.(`${name} was stored; the work after it failed: ${String(error)}`);
  }
}

function refuse(code: ErrorCode, error: string, problem?: Problem): Reply<never> {
  return problem ? { ok: false, code, error, problem } : { ok: false, code, error };
}

export type Route = ReturnType<typeof createRouter>;
