import { send } from '../platform/messages';
import type { ProspectCache } from './prospectCache';
import type { DraftSend, SendHooks } from './webmail/sends';
import type { MissLogger } from './webmail/types';

/**
 * How long a send may wait for Gmail's "sent" notice. Gmail shows "Sending…" while it uploads
 * (attachments can take a while); a send refused by Gmail (a bad address) never gets the notice
 * and is dropped after this.
 */
const NOTICE_WAIT_MS = 120_000;

interface PendingSend extends DraftSend {
  /** When the rep sent it: the provisional touch's time. */
  readonly at: number;
  /** The notice already showing then (an earlier send's): this send's notice is another one. */
  readonly noticeBefore: Element | null;
}

interface ConfirmedSend {
  readonly notice: Element;
  /** The provisional touches logged for it (a send that was already its real touch adds none). */
  readonly touchIds: Promise<readonly string[]>;
}

/**
 * Logs a message the rep sends to tracked people the moment Gmail confirms it, wherever it was
 * written (a new-message window, an inline reply or forward): the draft's recipients are read
 * when the rep sends it, and once the "sent" notice shows, each tracked recipient gets a
 * provisional outbound touch. The real message, when a thread shows it, becomes that touch in
 * the store (domain/reconcile.ts): one touch, in either order. The rep's *Undo* on that notice
 * takes the touches back. Only the rep's own (trusted) input counts; schedule send and saved
 * drafts never press the send button, so they log nothing.
 */
export class SendWatcher {
  private pending: PendingSend[] = [];
  private last: ConfirmedSend | null = null;
  private observer: MutationObserver | null = null;
  private giveUp: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly hooks: SendHooks,
    private readonly cache: ProspectCache,
    /** The mailbox the page opened with (null until Gmail names it). */
    private readonly mailbox: () => string | null,
    private readonly miss: MissLogger,
    signal: AbortSignal,
  ) {
    const listen = (event: Event) => this.onInput(event);
    // Capture phase: the draft and its chips are read before Gmail's own handler removes them.
    doc.addEventListener('click', listen, { capture: true, signal });
    doc.addEventListener('keydown', listen, { capture: true, signal });
    signal.addEventListener('abort', () => this.stopWaiting(), { once: true });
  }

  private onInput(event: Event): void {
    if (!event.isTrusted) return;
    const last = this.last;
    if (last && this.hooks.undoes(event, last.notice)) {
      this.last = null;
      void this.withdraw(last);
      return;
    }
    const draft = this.hooks.sendingDraft(event, this.miss);
    if (!draft || draft.recipients.length === 0) return;
    // One send per draft: a retry after Gmail refused it replaces the first attempt.
    this.pending = [...this.pending.filter((p) => p.draft !== draft.draft), { ...draft, at: Date.now(), noticeBefore: this.hooks.sentNotice(this.doc) }];
    this.waitForNotice();
  }

  private waitForNotice(): void {
    clearTimeout(this.giveUp);
    this.giveUp = setTimeout(() => {
      this.miss('send', 'no "sent" notice after the send button');
      this.pending = [];
      this.stopWaiting();
    }, NOTICE_WAIT_MS);
    if (this.observer) return;
    this.observer = new MutationObserver(() => this.check());
    this.observer.observe(this.doc.body, { childList: true, subtree: true });
    this.check();
  }

  private stopWaiting(): void {
    clearTimeout(this.giveUp);
    this.observer?.disconnect();
    this.observer = null;
  }

  /** The oldest waiting send takes the first notice that was not showing when it was sent. */
  private check(): void {
    const notice = this.hooks.sentNotice(this.doc);
    const first = this.pending[0];
    if (!notice || !first || notice === first.noticeBefore) return;
    this.pending = this.pending.slice(1).map((later) => ({ ...later, noticeBefore: notice }));
    if (this.pending.length === 0) this.stopWaiting();
    this.last = { notice, touchIds: this.logSend(first) };
  }

  private async logSend(sent: PendingSend): Promise<readonly string[]> {
    const mailbox = this.mailbox();
    if (!mailbox) {
      this.miss('send', 'the signed-in address is not known yet');
      return [];
    }
    const emails = sent.recipients.map((person) => person.email).filter((email) => email !== mailbox);
    await this.cache.load(mailbox, [], emails);
    const logged: string[] = [];
    for (const prospect of this.cache.tracked(null, emails)) {
      const touchId = crypto.randomUUID();
      try {
        const result = await send('touch.log', { touchId, prospectId: prospect.id, channel: 'email', direction: 'outbound', source: 'gmail', at: sent.at, provisional: true, note: '' });
        if (!result.duplicate) logged.push(touchId);
      } catch (error) {
        this.miss('touch', String(error));
      }
    }
    return logged;
  }

  private async withdraw(sent: ConfirmedSend): Promise<void> {
    const mailbox = this.mailbox();
    if (!mailbox) return;
    for (const touchId of await sent.touchIds) {
      try {
        await send('touch.withdraw', { touchId, mailbox });
      } catch (error) {
        this.miss('undo', String(error));
      }
    }
  }
}
