import { mergeProspects, mergeTouches, type SyncedProspect, type SyncedTouch } from '../../domain/merge';
import type { Problem } from '../../domain/problems';
import { mergeSettings, type SyncedSettings } from '../../domain/settingsSync';
import { prospectFromDoc, prospectToDoc, SETTINGS_DOC_ID, settingsFromDoc, settingsToDoc, touchFromDoc, touchToDoc } from '../../domain/syncDocs';
import { CouchError, type CouchClient } from './couch';

/**
 * One replication run: pull what changed on the server since the checkpoint, then push what
 * waits in the outbox. Both sides merge with the same rules (src/domain/merge.ts), so the order
 * devices run in never matters. Batches are bounded; a run cut off anywhere resumes from the
 * last checkpoint (pulls) or the outbox (pushes), and applying a page twice changes nothing.
 */

/** What replication needs from the local store. Each call is one transaction. */
export interface SyncLocal {
  /** The server sequence the last applied pull page ended at; '0' before the first pull. */
  checkpoint(): Promise<string>;
  /**
   * Merges a pulled page into the store (derived fields recomputed, with the merged settings when
   * the page brought settings) and moves the checkpoint with it.
   */
  applyPulled(prospects: readonly SyncedProspect[], touches: readonly SyncedTouch[], checkpoint: string, settings?: SyncedSettings): Promise<void>;
  /** Up to `limit` records changed here and not yet pushed, and the settings if they changed too. */
  outbox(limit: number): Promise<{ readonly prospects: readonly SyncedProspect[]; readonly touches: readonly SyncedTouch[]; readonly settings?: SyncedSettings }>;
  /** These were pushed as they were read from the outbox; a record edited since stays in it. */
  pushed(prospects: readonly SyncedProspect[], touches: readonly SyncedTouch[], settings?: SyncedSettings): Promise<void>;
}

export interface RunReport {
  readonly pulled: number;
  readonly pushed: number;
  /** Server documents refused by the checks, by id: left on the server, never applied. */
  readonly refused: readonly { readonly id: string; readonly problem: Problem }[];
  /** Records the server refused to take, or that another device wrote first twice in a row: they stay in the outbox. */
  readonly waiting: number;
}

export const PAGE_SIZE = 200;
/** A run ends after this many pages either way; the next run continues. */
const MAX_PAGES = 50;

export async function replicate(client: CouchClient, local: SyncLocal, pageSize = PAGE_SIZE): Promise<RunReport> {
  const refused: { id: string; problem: Problem }[] = [];
  let pulled = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const since = await local.checkpoint();
    const { changes, lastSeq } = await client.changes(since, pageSize);
    // Changes "since" a sequence that end at that same sequence: asking again would bring the
    // same page forever. Not CouchDB's protocol: refused before anything is applied.
    if (changes.length > 0 && lastSeq === since) throw new CouchError('badAnswer', null);
    const prospects: SyncedProspect[] = [];
    const touches: SyncedTouch[] = [];
    let settings: SyncedSettings | undefined;
    for (const { id, doc } of changes) {
      if (id.startsWith('_design/')) continue;
      if (id === SETTINGS_DOC_ID) {
        const read = settingsFromDoc(doc);
        if (read.ok) settings = settings === undefined ? read.value : mergeSettings(settings, read.value);
        else refused.push({ id, problem: read.problem });
      } else if (id.startsWith('prospect:')) {
        const read = prospectFromDoc(doc);
        if (read.ok) prospects.push(read.value);
        else refused.push({ id, problem: read.problem });
      } else if (id.startsWith('touch:')) {
        const read = touchFromDoc(doc);
        if (read.ok) touches.push(read.value);
        else refused.push({ id, problem: read.problem });
      } else {
        refused.push({ id, problem: { key: 'badFormat', values: [], path: '_id' } });
      }
    }
    if (changes.length === 0 && lastSeq === since) break;
    await local.applyPulled(prospects, touches, lastSeq, settings);
    pulled += prospects.length + touches.length + (settings === undefined ? 0 : 1);
    if (changes.length < pageSize) break;
  }

  let pushed = 0;
  let waiting = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const batch = await local.outbox(pageSize);
    if (batch.prospects.length + batch.touches.length === 0 && batch.settings === undefined) break;
    const outcome = await pushBatch(client, batch.prospects, batch.touches, batch.settings);
    const through = outcome.prospects.length + outcome.touches.length + (outcome.settings === undefined ? 0 : 1);
    pushed += through;
    waiting += outcome.waiting;
    await local.pushed(outcome.prospects, outcome.touches, outcome.settings);
    // Nothing went through: what is left waits for the next run rather than spinning here.
    if (through === 0) break;
  }
  return { pulled, pushed, refused, waiting };
}

interface PushOutcome {
  readonly prospects: SyncedProspect[];
  readonly touches: SyncedTouch[];
  readonly settings?: SyncedSettings;
  readonly waiting: number;
}

/**
 * Reads the server's copy of each record, merges it in, and writes the merge on top of the
 * server's revision. Another device writing in between makes a conflict: the record stays in
 * the outbox and the next run merges again (nothing is overwritten blind).
 */
async function pushBatch(client: CouchClient, prospects: readonly SyncedProspect[], touches: readonly SyncedTouch[], settings: SyncedSettings | undefined): Promise<PushOutcome> {
  const ids = [...prospects.map((p) => p.key), ...touches.map((t) => t.id), ...(settings === undefined ? [] : [SETTINGS_DOC_ID])];
  const remote = await client.read(ids);
  const docs: Record<string, unknown>[] = [];
  for (const prospect of prospects) {
    const current = remote.get(prospect.key);
    const theirs = current === undefined ? null : prospectFromDoc(current);
    // A damaged server copy is replaced by ours merged with nothing: our data is the good one.
    const merged = theirs?.ok ? mergeProspects(prospect, theirs.value) : prospect;
    docs.push(withRevision(prospectToDoc(merged), current));
  }
  for (const touch of touches) {
    const current = remote.get(touch.id);
    const theirs = current === undefined ? null : touchFromDoc(current);
    const merged = theirs?.ok ? (mergeTouches([touch], [theirs.value])[0] ?? touch) : touch;
    docs.push(withRevision(touchToDoc(merged), current));
  }
  if (settings !== undefined) {
    const current = remote.get(SETTINGS_DOC_ID);
    const theirs = current === undefined ? null : settingsFromDoc(current);
    docs.push(withRevision(settingsToDoc(theirs?.ok ? mergeSettings(settings, theirs.value) : settings), current));
  }
  if (docs.length === 0) return { prospects: [], touches: [], waiting: 0 };
  const outcomes = await client.write(docs);
  const done = new Set(outcomes.filter((outcome) => 'rev' in outcome).map((outcome) => outcome.id));
  const missing = ids.filter((id) => !outcomes.some((outcome) => outcome.id === id));
  if (missing.length > 0) throw new CouchError('badAnswer', null);
  return {
    prospects: prospects.filter((p) => done.has(p.key)),
    touches: touches.filter((t) => done.has(t.id)),
    ...(settings !== undefined && done.has(SETTINGS_DOC_ID) ? { settings } : {}),
    waiting: ids.length - done.size,
  };
}

function withRevision(doc: Record<string, unknown>, current: Record<string, unknown> | undefined): Record<string, unknown> {
  const rev = current?.['_rev'];
  return typeof rev === 'string' ? { ...doc, _rev: rev } : doc;
}
