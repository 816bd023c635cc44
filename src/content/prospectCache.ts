import type { Settings } from '../domain/settings';
import { mostUrgent } from '../domain/urgency';
import type { Prospect } from '../domain/types';
import type { LookupRequest, LookupResponse, MailboxResponse } from '../messaging/protocol';
import { trimOldest } from './bounded';
import { settingsStamp } from './settingsStamp';

/**
 * Thread ids and addresses remembered. Gmail shows at most 100 rows a page (a few people each), so
 * this holds many pages; older keys are dropped before a batch is fetched, never during one.
 */
export const CACHE_LIMIT = 2_000;

/** Beyond this many prospects changed at once (an import, a sync), the whole mailbox is read again. */
export const REREAD_BY_ID_LIMIT = 200;

/** The two questions the cache asks the background. */
export interface CacheQuestions {
  lookup(request: LookupRequest): Promise<LookupResponse>;
  mailbox(mailbox: string): Promise<MailboxResponse>;
}

/**
 * What this tab knows of the store: thread id / address → prospect (or "not tracked").
 *
 * Held: once the tab knows its mailbox, it asks for every prospect that mailbox can see (hold).
 * When they are few enough (MAILBOX_HOLD_LIMIT), any list Gmail draws gets its chips in the same
 * frame as its rows, since nothing needs asking; a change event re-reads only the prospects it
 * names. Looked up: a larger mailbox, or before the answer, unknown keys of a batch are asked in
 * ONE lookup message and kept until a change event clears them, so scrolling a list or
 * re-rendering rows asks the background nothing new.
 */
export class ProspectCache {
  private readonly byThread = new Map<string, Prospect[]>();
  private readonly byEmail = new Map<string, Prospect | null>();
  private settingsValue: Settings | null = null;
  /** Raised by every change event: an answer asked for before the change it missed is not kept. */
  private generation = 0;
  /** The mailbox whose every prospect is held here; null while keys are looked up as shown. */
  private held: string | null = null;
  /** Holds and re-reads, applied one after another in the order they were asked. */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly ask: CacheQuestions,
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
   * Asks for every prospect `mailbox` can see. A mailbox with more than the background's limit
   * stays looked up key by key; a failed ask too (the rows still get their chips, a lookup later).
   */
  hold(mailbox: string): Promise<void> {
    return this.queue(async () => {
      for (;;) {
        const asked = this.generation;
        const answer = await this.ask.mailbox(mailbox);
        if (asked !== this.generation) continue;
        this.forget();
        this.takeSettings(answer.settings);
        if (!answer.complete) return;
        for (const prospect of answer.prospects) this.remember(prospect);
        this.held = mailbox;
        return;
      }
    });
  }

  /**
   * Fetches whatever of these keys is not cached yet; resolves when the cache can answer all.
   * An answer that was in flight when the store changed may predate that change: it is dropped
   * and the keys are asked again.
   */
  async load(mailbox: string, threadIds: Iterable<string>, emails: Iterable<string>): Promise<void> {
    // A held mailbox answers at once, even while a re-read is on its way (its end brings a pass).
    if (this.held !== mailbox) await this.pending;
    if (this.held === mailbox && this.settingsValue) return;
    const [threads, addresses] = [[...new Set(threadIds)], [...new Set(emails)]];
    trimOldest(this.byThread, Math.max(0, this.limit - threads.length));
    trimOldest(this.byEmail, Math.max(0, this.limit - addresses.length));
    for (;;) {
      const missingThreads = threads.filter((id) => !this.byThread.has(id));
      const missingEmails = addresses.filter((email) => !this.byEmail.has(email));
      if (missingThreads.length === 0 && missingEmails.length === 0 && this.settingsValue) return;
      const asked = this.generation;
      const { prospects, settings } = await this.ask.lookup({ mailbox, threadIds: missingThreads, emails: missingEmails });
      if (asked !== this.generation) continue;
      this.takeSettings(settings);
      for (const id of missingThreads) this.byThread.set(id, []);
      for (const email of missingEmails) this.byEmail.set(email, null);
      for (const prospect of prospects) this.remember(prospect);
      return;
    }
  }

  /**
   * The store changed (a change event); resolves when the cache shows it. Held: the named
   * prospects and the settings are read again, and until then the tab keeps showing what it
   * knew; looked up: everything is forgotten and asked again as it is shown.
   */
  changed(prospectIds: readonly string[]): Promise<void> {
    this.generation += 1;
    const mailbox = this.held;
    if (mailbox === null) {
      this.forget();
      return Promise.resolve();
    }
    if (prospectIds.length > REREAD_BY_ID_LIMIT) return this.hold(mailbox);
    return this.queue(async () => {
      const { prospects, settings } = await this.ask.lookup({ mailbox, threadIds: [], emails: [], prospectIds });
      if (this.held !== mailbox) return;
      this.takeSettings(settings);
      const reread = new Set(prospectIds);
      for (const [id, known] of this.byThread) if (known.some((prospect) => reread.has(prospect.id))) this.byThread.set(id, known.filter((prospect) => !reread.has(prospect.id)));
      for (const [email, known] of this.byEmail) if (known && reread.has(known.id)) this.byEmail.delete(email);
      for (const prospect of prospects) this.remember(prospect);
    });
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

  /**
   * The settings of an answer. Their stamp (which every chip's key holds) is worked out here, in
   * the task that took the answer, not in the frame of the next list Gmail draws.
   */
  private takeSettings(settings: Settings): void {
    this.settingsValue = settings;
    settingsStamp(settings);
  }

  /** A failed hold or re-read leaves the tab looking keys up, as a large mailbox does. */
  private queue(work: () => Promise<void>): Promise<void> {
    this.pending = this.pending.then(work).catch(() => {
      this.generation += 1;
      this.forget();
    });
    return this.pending;
  }

  private forget(): void {
    this.held = null;
    this.byThread.clear();
    this.byEmail.clear();
    this.settingsValue = null;
  }
}
