// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../src/domain/settings';
import type { Prospect } from '../../../src/domain/types';
import { useStore, type StoreState } from '../../../src/popup/useStore';

/**
 * The popup's reads, held until the test lets each one finish. Like an IndexedDB transaction, a
 * read answers with the store as it was when the read started, however late it finishes.
 */
const reads = vi.hoisted(() => ({
  stored: [] as { id: string }[],
  pending: [] as { kind: 'due' | 'all'; finish: () => void }[],
  changeListener: null as (() => void) | null,
}));

function held<T>(kind: 'due' | 'all', answer: T): Promise<T> {
  return new Promise((resolve) => reads.pending.push({ kind, finish: () => resolve(answer) }));
}

vi.mock('../../../src/popup/connection', () => ({ connection: Promise.resolve({}) }));
vi.mock('../../../src/store/settings', () => ({ readSettings: () => Promise.resolve({}) }));
vi.mock('../../../src/store/queries', () => ({
  prospectsDueBy: () => held('due', []),
  allProspects: () => held('all', [...reads.stored]),
  dueWindowHead: () => Promise.reject(new Error('the head is read only before the first render')),
}));
vi.mock('../../../src/platform/messages', () => ({
  onChange: (listener: () => void, signal: AbortSignal) => {
    reads.changeListener = listener;
    signal.addEventListener('abort', () => reads.changeListener === listener && (reads.changeListener = null));
  },
}));

const ann = { id: 'ann' };
const lars = { id: 'lars' };
let shown: StoreState | null = null;
let root: HTMLElement;

function Probe({ wantAll, initial }: { wantAll: boolean; initial: StoreState }) {
  shown = useStore(wantAll, initial);
  return null;
}

/** A first snapshot that already holds every prospect, as after the rep searched. */
function readyWithAll(all: { id: string }[]): StoreState {
  return { status: 'ready', snapshot: { due: [], complete: true, settings: {} as Settings, now: 0, all: all as unknown as Prospect[] } };
}

async function show(wantAll: boolean, initial: StoreState): Promise<void> {
  await act(() => render(<Probe wantAll={wantAll} initial={initial} />, root));
}

/** Lets the held reads finish, in the order given (oldest first by default), and the popup settle. */
async function finishReads(order: 'oldest first' | 'newest first' = 'oldest first'): Promise<void> {
  // The connection and settings answer at once; wait until every read of this round is held.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const round = reads.pending.splice(0);
    for (const read of order === 'oldest first' ? round : round.reverse()) read.finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function prospectsShown(): string[] | null {
  if (shown?.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(shown)}`);
  return shown.snapshot.all?.map((p) => p.id) ?? null;
}

async function changeEvent(): Promise<void> {
  await act(() => reads.changeListener?.());
}

beforeEach(() => {
  reads.stored = [ann];
  reads.pending = [];
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the popup store hook', () => {
  it('shows a prospect added while the rep switches to the pipeline, even if the read in flight is dropped by the switch', async () => {
    // Searching read everything; clearing the search leaves that list in the snapshot.
    const initial = readyWithAll([ann]);
    await show(true, initial);
    await show(false, initial);
    // Lars is added: the change starts a read for the due list only…
    reads.stored = [ann, lars];
    await changeEvent();
    expect(reads.pending.map((r) => r.kind)).toEqual(['due']);
    // …and the rep opens the pipeline before it finishes, which drops it.
    await show(true, initial);
    await finishReads();
    expect(prospectsShown()).toEqual(['ann', 'lars']);
  });

  it('keeps the newest read when two finish out of order', async () => {
    await show(true, readyWithAll([ann]));
    reads.stored = [ann];
    await changeEvent();
    reads.stored = [ann, lars];
    await changeEvent();
    expect(reads.pending.filter((r) => r.kind === 'all')).toHaveLength(2);
    await finishReads('newest first');
    expect(prospectsShown()).toEqual(['ann', 'lars']);
  });

  it('reads nothing on a switch when no change came since the snapshot shown', async () => {
    const initial = readyWithAll([ann]);
    await show(true, initial);
    await show(false, initial);
    await show(true, initial);
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(reads.pending).toEqual([]);
    expect(prospectsShown()).toEqual(['ann']);
  });
});
