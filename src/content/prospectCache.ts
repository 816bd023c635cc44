import type { Settings } from '../domain/settings';
import type { Prospect } from '../domain/types';
import type { LookupRequest, LookupResponse } from '../messaging/protocol';

/**
 * What this tab knows of the store: thread id / address → prospect (or "not tracked"). Unknown
 * keys of a batch are asked in ONE lookup message; answers are kept until a change event clears
 * them, so scrolling a list or re-rendering rows asks the background nothing new.
 */
export class ProspectCache {
  private readonly byThread = new Map<string, Prospect | null>();
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
    for (const id of missingThreads) this.byThread.set(id, null);
    for (const email of missingEmails) this.byEmail.set(email, null);
    for (const prospect of prospects) this.remember(prospect);
  }

  /** Records a prospect the background just returned (after a command), under all its keys. */
  remember(prospect: Prospect): void {
    for (const id of prospect.threadIds) this.byThread.set(id, prospect);
    this.byEmail.set(prospect.email, prospect);
  }

  /** The prospect of a thread: linked by thread id first, else the first tracked participant. */
  find(threadId: string | null, emails: readonly string[]): Prospect | null {
    const linked = threadId ? this.byThread.get(threadId) : undefined;
    if (linked) return linked;
    for (const email of emails) {
      const prospect = this.byEmail.get(email);
      if (prospect) return prospect;
    }
    return null;
  }

  clear(): void {
    this.byThread.clear();
    this.byEmail.clear();
    this.settingsValue = null;
  }
}
