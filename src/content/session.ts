import type { Prospect } from '../domain/types';
import { send } from '../platform/messages';
import { t, uiLanguage } from '../platform/i18n';
import type { CardAction } from './cardForms';
import type { ProspectCache } from './prospectCache';
import { RecentSet } from './bounded';
import { annotateRow, chipContext } from './rowChips';
import { renderCard, type CardOutcome } from './threadCard';
import { settingsStamp } from './settingsStamp';
import { TouchDetector } from './touchDetector';
import { unreadReplyTouches } from './unreadReplies';
import { pestWarningText } from '../ui/pestText';
import type { MissLogger, OpenThread, Person, ThreadRow, WebmailAdapter } from './webmail/types';

/** What one draw saw, for the follow-up that comes after it. */
export interface View {
  readonly mailbox: string;
  readonly rows: readonly ThreadRow[];
  readonly thread: OpenThread | null;
  readonly others: (people: readonly Person[]) => string[];
  readonly otherThreadEmails: string[];
  readonly now: number;
  readonly locale: string;
}

/**
 * One pass over what Gmail shows: rows get chips, the open thread gets its card, and messages
 * the rep sent or received in a tracked thread become touches. Everything the page needs from
 * the store comes from ONE lookup message per pass (through the cache).
 */
export class Session {
  private readonly detector = new TouchDetector();
  /** Prospect × thread links already asked for on this page (a bounded memory: a repeat is harmless). */
  private readonly linked = new RecentSet<string>(2_000);
  /** Provisional replies already sent from this page (a bounded memory: the store dedups by id). */
  private readonly unreadLogged = new RecentSet<string>(2_000);
  private cardKey = '';
  /**
   * The mailbox the page opened with. Gmail switches accounts only by loading a new page, so a
   * later title naming another address comes from a script on the page, not from Gmail: it must
   * not reveal that other mailbox's prospects.
   */
  private mailbox: string | null = null;

  /** The mailbox the page opened with, once Gmail has named it. */
  get openedMailbox(): string | null {
    return this.mailbox;
  }

  constructor(
    private readonly adapter: WebmailAdapter,
    private readonly cache: ProspectCache,
    private readonly miss: MissLogger,
  ) {}

  /** A whole pass: the chips, then what the view logs and the card (see draw and followUp). */
  async pass(doc: Document, root: ParentNode): Promise<void> {
    const view = await this.draw(doc, root);
    if (view) await this.followUp(view);
  }

  /**
   * Reads what Gmail shows and draws the rows' chips. Drawing is idempotent and, once the tab
   * holds its mailbox, needs no message: it runs on every batch, even while a previous follow-up
   * is still sending, so a list gets its chips in the frame its rows are first drawn in.
   */
  async draw(doc: Document, root: ParentNode): Promise<View | null> {
    const titled = this.adapter.mailbox(doc);
    if (!titled) return (this.miss('mailbox', 'the signed-in address is not in the title yet'), null);
    if (this.mailbox === null) {
      this.mailbox = titled;
      // Lists drawn from now on find their chips in the tab (load waits for this answer).
      void this.cache.hold(titled);
    }
    if (titled !== this.mailbox) this.miss('mailbox', 'the title names another mailbox than the page opened with');
    const mailbox = this.mailbox;
    const rows = this.adapter.rows(root, this.miss);
    const thread = this.adapter.openThread(doc, this.miss);
    const others = (people: readonly Person[]) => people.map((p) => p.email).filter((email) => email !== mailbox);
    const threadPeople = thread ? participants(thread) : [];
    await this.cache.load(
      mailbox,
      [...rows.map((row) => row.threadId), thread?.threadId].filter((id): id is string => Boolean(id)),
      [...rows.flatMap((row) => others(row.people)), ...others(threadPeople)],
    );
    if (!this.cache.settings) return null;
    const now = Date.now();
    const locale = uiLanguage();
    const chips = chipContext(this.cache.settings, now, t, locale);
    for (const row of rows) annotateRow(row, this.prospectOfRow(row, others), chips);
    return { mailbox, rows, thread, others, otherThreadEmails: others(threadPeople), now, locale };
  }

  /** What a drawn view sends (replies read from unread rows, the open thread's touches) and its card. One at a time. */
  async followUp(view: View): Promise<void> {
    await this.logUnreadReplies(view.rows, view.others, view.now);
    if (view.thread) await this.threadPass(view.thread, view.mailbox, view.otherThreadEmails, view.now, view.locale);
    else this.cardKey = '';
  }

  private prospectOfRow(row: ThreadRow, others: (people: readonly Person[]) => string[]): Prospect | null {
    return this.cache.find(row.threadId, others(row.people));
  }

  private async threadPass(thread: OpenThread, mailbox: string, otherEmails: string[], now: number, locale: string): Promise<void> {
    const settings = this.cache.settings!;
    // Everyone tracked on the thread is linked to it and gets their own touches; the card shows
    // the most urgent of them, as the chip does.
    // Who the card shows is decided before anything is sent: the change events those sends cause
    // may clear the cache mid-pass (a mailbox looked up key by key), and a card drawn from an
    // emptied cache would replace the rep's card (and what they are typing) with "Track as
    // prospect". The next pass draws the news.
    const tracked = this.cache.tracked(thread.threadId, otherEmails);
    const prospect = this.cache.find(thread.threadId, otherEmails);
    for (const person of tracked) await this.linkThread(person, thread, mailbox);
    if (tracked.length > 0) await this.logDetectedTouches(thread, tracked, mailbox, now);
    const key = `${settingsStamp(settings)}:` + (prospect ? `${thread.threadId}:${prospect.id}:${prospect.updatedAt}` : `${thread.threadId}:untracked:${otherEmails.join(',')}`);
    const hasCard = thread.cardAnchor.querySelector(':scope > [data-touchbase="card"]');
    if (key === this.cardKey && hasCard) return;
    this.cardKey = key;
    const ctx = { settings, now, t, locale, act: (action: CardAction) => this.act(action, prospect), track: (person: Person) => this.track(person, thread, mailbox), keepOpen: (open: boolean) => this.keepOpen(open) };
    if (prospect) {
      const touches = await send('touch.recent', { prospectId: prospect.id, limit: 3 });
      renderCard(thread.cardAnchor, { prospect, touches }, ctx);
    } else {
      const candidates = uniqueByEmail(participants(thread).filter((p) => p.email !== mailbox));
      if (candidates.length > 0) renderCard(thread.cardAnchor, { candidates }, ctx);
    }
  }

  private async linkThread(prospect: Prospect, thread: OpenThread, mailbox: string): Promise<void> {
    const key = `${prospect.id}:${thread.threadId}`;
    if (prospect.threadIds.includes(thread.threadId) || this.linked.has(key)) return;
    this.linked.add(key);
    this.cache.remember(await send('prospect.linkThread', { id: prospect.id, thread: { threadId: thread.threadId, mailbox, subject: thread.subject.slice(0, 500) } }));
  }

  /** The change each logged reply causes redraws the row's chip on the next pass. */
  private async logUnreadReplies(rows: readonly ThreadRow[], others: (people: readonly Person[]) => string[], now: number): Promise<void> {
    // Only unread rows can imply a reply: the others are not looked up a second time in the pass.
    for (const row of rows.filter((candidate) => candidate.unread)) {
      for (const request of unreadReplyTouches(row, this.cache.tracked(row.threadId, others(row.people)), now)) {
        if (this.unreadLogged.has(request.touchId)) continue;
        this.unreadLogged.add(request.touchId);
        try {
          this.cache.remember((await send('touch.log', request)).prospect);
        } catch (error) {
          this.unreadLogged.delete(request.touchId);
          this.miss('touch', String(error));
        }
      }
    }
  }

  private async logDetectedTouches(thread: OpenThread, prospects: readonly Prospect[], mailbox: string, now: number): Promise<void> {
    for (const request of this.detector.detect(thread, prospects, mailbox, now)) {
      try {
        await send('touch.log', request);
      } catch (error) {
        this.detector.forget(request);
        this.miss('touch', String(error));
      }
    }
  }

  private async act(action: CardAction, prospect: Prospect | null): Promise<CardOutcome> {
    if (!prospect) return { message: '', done: false };
    try {
      if (action.kind === 'logTouch') {
        const result = await send('touch.log', { prospectId: prospect.id, channel: action.channel, direction: 'outbound', source: 'manual', note: action.note });
        return { message: result.warning ? pestWarningText(result.warning, Date.now(), t, uiLanguage()) : t('logged'), done: true };
      }
      if (action.kind === 'update') await send('prospect.update', { id: prospect.id, patch: action.patch });
      else await send('prospect.decide', { id: prospect.id, outcome: action.outcome });
      return { message: t('saved'), done: true };
    } catch (error) {
      return { message: error instanceof Error ? error.message : String(error), done: false };
    }
  }

  /** Remembered in the settings (settings.cardOpen), so every thread, tab and reload opens the card alike. */
  private keepOpen(open: boolean): void {
    send('settings.cardOpen', { open }).catch((error: unknown) => this.miss('cardOpen', String(error)));
  }

  private async track(person: Person, thread: OpenThread, mailbox: string): Promise<string> {
    try {
      const created = await send('prospect.create', { email: person.email, name: person.name, mailbox, thread: { threadId: thread.threadId, mailbox, subject: thread.subject.slice(0, 500) } });
      this.cache.remember(created);
      return t('tracked');
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}

function participants(thread: OpenThread): Person[] {
  return thread.messages.flatMap((m) => [...(m.from ? [m.from] : []), ...m.to]);
}

function uniqueByEmail(people: readonly Person[]): Person[] {
  const seen = new Map<string, Person>();
  for (const person of people) if (!seen.has(person.email) || (!seen.get(person.email)?.name && person.name)) seen.set(person.email, person);
  return [...seen.values()];
}
