import type { Settings } from '../domain/settings';
import { mostUrgent } from '../domain/urgency';
import type { Prospect } from '../domain/types';
import type { LookupRequest, LookupResponse } from '../messaging/protocol';

/**
 * What this tab knows of the store: thread id / address → prospect (or "not tracked"). Unknown
 * keys of a batch are asked in ONE lookup message; answers are kept until a change event clears
 * them, so scrolling a list or re-rendering rows asks the background nothing new.
 */
export class ProspectCache {
  private readonly byThread = new Map<string, Prospect[]>();
  private readonly byEmail = new Map<string, Prospect | null>();
  private settingsValue: Settings | null = null;

  constructor(private readonly lookup: (request: LookupRequest) => Promise<LookupResponse>) {}

  get settings(): Settings | null {
    return this.settingsValue;
  }

  /** Fetches whatever of these keys is not cached yet; resolves when the cache can answer all. */
  async load(mailbox: string, threadIds: Iterable<string>, emails: Iterable<string>): Promise<void> {
    const missingThreads = [...new Set(threadIds)].filter((id) => !this.byThread.has(id));
    const missingEmails = [...new Set(emails)].filter((email) => !this.byEmail.has(email));
    if (missingThreads.length === 0 && missingEmails.length === 0 && this.settingsValue) return;
    const { prospects, settings } = await this.lookup({ mailbox, threadIds: missingThreads, emails: missingEmails });
    this.settingsValue = settings;
    for (const id of missingThreads) this.byThread.set(id, []);
    for (const email of missingEmails) this.byEmail.set(email, null);
    for (const prospect of prospects) this.remember(prospect);
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
   * The prospect a thread stands for: those linked to it by thread id, else its tracked
   * participants; when several qualify (two people of one deal), the most urgent one.
   */
  find(threadId: string | null, emails: readonly string[]): Prospect | null {
    const linked = threadId ? (this.byThread.get(threadId) ?? []) : [];
    if (linked.length > 0) return mostUrgent(linked);
    return mostUrgent(emails.map((email) => this.byEmail.get(email)).filter((p): p is Prospect => Boolean(p)));
  }

  clear(): void {
    this.byThread.clear();
    this.byEmail.clear();
    this.settingsValue = null;
  }
}
