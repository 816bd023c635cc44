import { MAILBOX_HOLD_LIMIT, type MessageName, type RequestOf, type ResponseOf } from '../messaging/protocol';
import { latestThread } from '../domain/reminders';
import type { CommandContext, CommandResult } from './commandContext';
import { StoreError } from '../store/errors';
import { createProspect, decideProspect, getProspect, linkThread, updateProspect } from '../store/prospects';
import { lookupProspects, mailboxProspects } from '../store/queries';
import { readSettings, writeCardOpen } from '../store/settings';
import { writeSettings } from '../store/settingsWrites';
import { deleteAllData } from '../store/wipe';
import { checkSettingsChange } from '../domain/settingsInput';
import { runImport } from './imports';
import { oneBulkJob } from './oneBulkJob';
import { listTouches, logTouch, withdrawProvisional } from '../store/touches';
import type { SyncControl } from './sync/service';

type Handlers = {
  [K in MessageName]: (payload: RequestOf<K>, ctx: CommandContext) => Promise<CommandResult<ResponseOf<K>>>;
};

const wrote = <T extends { id: string }>(prospect: T): CommandResult<T> => ({ value: prospect, changed: [prospect.id] });
const read = <T>(value: T): CommandResult<T> => ({ value, changed: [] });

function relayOf(ctx: CommandContext): NonNullable<CommandContext['relaySend']> {
  if (ctx.relaySend === undefined) throw new Error('relaying sends is not available here');
  return ctx.relaySend;
}

function syncOf(ctx: CommandContext): SyncControl {
  if (ctx.sync === undefined) throw new Error('sync is not available here');
  return ctx.sync;
}

/**
 * The one write path: every change a page or a Gmail tab asks for is executed here, against the
 * store, with the rules applied inside the store's transaction. One handler per command declared
 * in src/messaging/declarations.ts (the type requires each); the router checks the sender and the
 * payload against that declaration before a handler runs.
 */
export const handlers: Handlers = {
  'prospect.create': async (payload, { db, now }) => wrote(await createProspect(db, payload, now)),
  'prospect.update': async ({ id, patch }, { db, now }) => wrote(await updateProspect(db, id, patch, now)),
  'prospect.decide': async ({ id, outcome }, { db, now }) => wrote(await decideProspect(db, id, outcome, now)),
  'prospect.linkThread': async ({ id, thread }, { db, now }) => wrote(await linkThread(db, id, thread, now)),
  'touch.log': async (payload, { db, now }) => {
    const result = await logTouch(db, payload, now);
    // A resent command (its touchId is stored) announces the change again: the worker that
    // applied it the first time may have died before the change event went out.
    const resent = result.duplicate && result.touch.id === payload.touchId;
    return { value: result, changed: result.duplicate && !resent ? [] : [result.prospect.id] };
  },
  'touch.withdraw': async (payload, { db, now }) => {
    const result = await withdrawProvisional(db, payload, now);
    return { value: result, changed: result.prospect ? [result.prospect.id] : [] };
  },
  'send.relay': async (payload, ctx) => read({ tabs: await relayOf(ctx)(payload) }),
  lookup: async (payload, { db }) =>
    read({ prospects: await lookupProspects(db, payload), settings: await readSettings(db) }),
  'lookup.mailbox': async ({ mailbox }, { db }) =>
    read({ ...(await mailboxProspects(db, mailbox, MAILBOX_HOLD_LIMIT)), settings: await readSettings(db) }),
  'touch.recent': async ({ prospectId, limit }, { db }) => read((await listTouches(db, prospectId)).slice(0, limit)),
  'settings.get': async (_payload, { db }) => read(await readSettings(db)),
  'prospect.openThread': async ({ id }, ctx) => {
    const { db } = ctx;
    const prospect = await getProspect(db, id);
    if (!prospect) throw StoreError.of('not_found', '', 'noSuchProspect', id);
    const thread = latestThread(prospect);
    if (thread) await ctx.openThread(thread);
    return read({ opened: thread ? 'thread' : 'none' });
  },
  'settings.update': async ({ settings }, { db, now }) => {
    const checked = checkSettingsChange(await readSettings(db), settings);
    if (!checked.ok) throw new StoreError('invalid', checked.problem);
    return { value: checked.value, changed: await writeSettings(db, checked.value, now), settingsChanged: true };
  },
  'settings.cardOpen': async ({ open }, { db }) => ({ value: await writeCardOpen(db, open), changed: [], settingsChanged: true }),
  'import.preview': (payload, ctx) => oneBulkJob(() => runImport(payload, ctx, false)),
  'import.apply': (payload, ctx) => oneBulkJob(() => runImport(payload, ctx, true)),
  'data.deleteAll': (_payload, { db }) =>
    oneBulkJob(async () => {
      const { counts, ids } = await deleteAllData(db);
      return { value: counts, changed: ids, settingsChanged: true };
    }),
  'sync.connect': async (payload, ctx) => read(await syncOf(ctx).connect(payload)),
  'sync.disconnect': async (_payload, ctx) => read(await syncOf(ctx).disconnect()),
  'sync.status': async (_payload, ctx) => read(await syncOf(ctx).status()),
  'sync.now': async (_payload, ctx) => read(await syncOf(ctx).run()),
};

export type { CommandContext, CommandResult } from './commandContext';
