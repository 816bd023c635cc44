import { parseRequest } from '../messaging/parseRequest';
import type { ErrorCode, Reply, RequestEnvelope } from '../messaging/protocol';
import type { Problem } from '../domain/problems';
import type { TouchbaseDB } from '../store/db';
import { StoreError } from '../store/errors';
import { handlers, type CommandContext, type CommandResult } from './commands';
import { classifySender, type SenderInfo } from './senders';

export interface RouterDeps {
  readonly extensionId: string;
  readonly extensionOrigin: string;
  readonly db: () => Promise<TouchbaseDB>;
  readonly now: () => number;
  /** Runs after a write has committed: change events, and later the scheduler and badge. */
  readonly afterWrite: (changedProspectIds: readonly string[], settingsChanged?: boolean) => Promise<void>;
  readonly log?: (message: string) => void;
  readonly openThread: CommandContext['openThread'];
  readonly translate?: CommandContext['translate'];
}

/**
 * Turns one runtime message into one reply. Order matters: the sender is checked before the
 * payload is parsed, and the payload is validated before anything touches the store.
 */
export function createRouter(deps: RouterDeps) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    if (!classifySender(sender, deps.extensionId, deps.extensionOrigin)) {
      deps.log?.(`refused a message from ${sender.url ?? 'an unknown sender'}`);
      return refuse('forbidden', 'sender is not allowed');
    }
    const parsed = parseRequest(message);
    if (!parsed.ok) return refuse('invalid', parsed.error, parsed.problem);
    try {
      const result = await dispatch(parsed.value, deps);
      if (result.changed.length > 0 || result.settingsChanged) await deps.afterWrite(result.changed, result.settingsChanged);
      return { ok: true, value: result.value };
    } catch (error) {
      if (error instanceof StoreError) return refuse(error.code, error.message, error.problem);
      deps.log?.(`command ${parsed.value.name} failed: ${String(error)}`);
      return refuse('internal', `${parsed.value.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

async function dispatch(request: RequestEnvelope, deps: RouterDeps): Promise<CommandResult<unknown>> {
  const handler = handlers[request.name] as (payload: unknown, ctx: unknown) => Promise<CommandResult<unknown>>;
  return handler(request.payload, { db: await deps.db(), now: deps.now(), openThread: deps.openThread, ...(deps.translate ? { translate: deps.translate } : {}) });
}

function refuse(code: ErrorCode, error: string, problem?: Problem): Reply<never> {
  return problem ? { ok: false, code, error, problem } : { ok: false, code, error };
}

export type Route = ReturnType<typeof createRouter>;
