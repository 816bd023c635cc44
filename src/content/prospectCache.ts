import type { Settings } from '../domain/settings';
import { mostUrgent } from '../domain/urgency';
import type { Prospect } from '../domain/types';
import type { LookupRequest, LookupResponse } from '../messaging/protocol';
import { trimOldest } from './bounded';

/**
 * Thread ids and addresses remembered. Gmail shows at most 100 rows a page (a few people each), so
 * this holds many pages; older keys are dropped before a batch is fetched, never during one.
 */
export const CACHE_LIMIT = 2_000;

/**
 * What this tab knows of the store: thread id / address → prospect (or "not tracked"). Unknown
 * keys of a batch are asked in ONE lookup message; answers are kept until a change event clears
 * them, so scrolling a list or re-rendering rows asks the background nothing new.
 */
export class ProspectCache {
  private readonly byThread = new Map<string, Prospect[]>();
  private readonly byEmail = new Map<string, Prospect | null>();
  private settingsValue: Settings | null = null;
  /** Raised by every clear: a lookup answered before the change it missed is not kept. */
  private generation = 0;

  constructor(
    private readonly lookup: (request: LookupRequest) => Promise<LookupResponse>,
    private readonly limit = CACHE_LIMIT,
  ) {}

  get settings(): Settings | null {
    return this.settingsValue;
  }

  /** Keys remembered (threads + addresses). */
  get size(): number {
    return this.byThread.size + this.byEmail.size;
  }

  /**
   * Fetches whatever of these keys is not cached yet; resolves when the cache can answer all.
   * An answer that was in flight when the store changed may predate that change: it is dropped
   * and the keys are asked again.
   */
  async load(mailbox: string, threadIds: Iterable<string>, emails: Iterable<string>): Promise<void> {
    const [threads, addresses] = [[...new Set(threadIds)], [...new Set(emails)]];
    trimOldest(this.byThread, Math.max(0, this.limit - threads.length));
    trimOldest(this.byEmail, Math.max(0, this.limit - addresses.length));
    for (;;) {
      const missingThreads = threads.filter((id) => !this.byThread.has(id));
      const missingEmails = addresses.filter((email) => !this.byEmail.has(email));
      if (missingThreads.length === 0 && missingEmails.length === 0 && this.settingsValue) return;
      const asked = this.generation;
      const { prospects, settings } = await this.lookup({ mailbox, threadIds: missingThreads, emails: missingEmails });
      if (asked !== this.generation) continue;
      this.settingsValue = settings;
      for (const id of missingThreads) this.byThread.set(id, []);
      for (const email of missingEmails) this.byEmail.set(email, null);
      for (const prospect of prospects) this.remember(prospect);
      return;
    }
  }

  /** Records a prospect the background just returned (after a command), under all its keys. */
  remember(prospect: Prospect): void {
    for (const id of prospect.threadIds) {
      const others = (this.byThread.get(id) ?? []).filter((known) => known.id !== prospect.id);
      this.byThread.set(id, [...others, prospect]);
    }
    this.byEmail.set(prospect.email, prospect);
  }

  /**
   * Every tracked person of a thread: those linked to it by thread id and those among its
   * participants' addresses, each once (its latest record).
   */
  tracked(threadId: string | null, emails: readonly string[]): Prospect[] {
    const linked = threadId ? (this.byThread.get(threadId) ?? []) : [];
    const byAddress = emails.map((email) => this.byEmail.get(email)).filter((p): p is Prospect => Boolean(p));
    const found = new Map<string, Prospect>();
    for (const prospect of [...linked, ...byAddress]) {
      const known = found.get(prospect.id);
      if (!known || prospect.updatedAt > known.updatedAt) found.set(prospect.id, prospect);
    }
    return [...found.values()];
  }

  /** The prospect a thread shows: the most urgent of its tracked people (see mostUrgent). */
  find(threadId: string | null, emails: readonly string[]): Prospect | null {
    return mostUrgent(this.tracked(threadId, emails));
  }

  clear(): void {
    this.generation += 1;
    this.byThread.clear();
    this.byEmail.clear();
    this.settingsValue = null;
  }
}
