import { followUpAt } from '../domain/followUp';
import type { Prospect } from '../domain/types';
import { onRelayedSend, send } from '../platform/messages';
import { followUpControls } from './followUpControl';
import type { ProspectCache } from './prospectCache';
import type { SendHooks } from './webmail/sends';
import type { MissLogger, Person } from './webmail/types';

/**
 * How long a send may wait for Gmail's "sent" notice. Gmail shows "Sending…" while it uploads
 * (attachments can take a while); a send refused by Gmail (a bad address) never gets the notice
 * and is dropped after this.
 */
const NOTICE_WAIT_MS = 120_000;

interface PendingSend {
  /** The draft's element (one send per draft); null for a send handed over from a pop-out window. */
  readonly draft: Element | null;
  readonly recipients: readonly Person[];
  /** When the rep sent it: the provisional touch's time. */
  readonly at: number;
  /** The notice already showing then (an earlier send's): this send's notice is another one. */
  readonly before: Element | null;
  /** The follow-up the rep chose in the draft (days), or null. */
  readonly days: number | null;
}

interface ConfirmedSend {
  readonly notice: Element;
  /** The provisional touches logged for it (a send that was already its real touch adds none). */
  readonly touchIds: Promise<readonly string[]>;
}

/**
 * Logs a message the rep sends to tracked people the moment Gmail confirms it, wherever it was
 * written (a new-message window, an inline reply or forward, a pop-out window): the draft's
 * recipients are read when the rep sends it, and once the "sent" notice shows, each tracked
 * recipient gets a provisional outbound touch. The real message, when a thread shows it, becomes
 * that touch in the store (domain/reconcile.ts): one touch, in either order. The rep's *Undo* on
 * that notice takes the touches back. Only the rep's own (trusted) input counts; schedule send and saved
 * drafts never press the send button, so they log nothing. A follow-up chosen in the draft
 * (followUpControl.ts) is set after the touch; to a draft without tracked recipients it first
 * tracks them.
 *
 * A pop-out window may show its notice itself or close as it sends and leave the notice to the
 * tab that opened it, so the pop-out hands the send to the background, which hands it to every
 * Gmail tab (the pop-out included): the tab that then shows a notice it did not expect for a send
 * of its own logs it, once.
 */
export function watchSends(doc: Document, hooks: SendHooks, cache: ProspectCache, mailbox: () => string | null, miss: MissLogger, signal: AbortSignal): void {
  const followUps = followUpControls(hooks, cache, mailbox, miss);
  let pending: PendingSend[] = [];
  let last: ConfirmedSend | null = null;
  let observer: MutationObserver | null = null;
  let giveUp: ReturnType<typeof setTimeout> | undefined;

  const stopWaiting = () => {
    clearTimeout(giveUp);
    observer?.disconnect();
    observer = null;
  };

  /**
   * The oldest waiting send takes the first notice that was not showing when it was sent; this
   * tab's own sends come before those handed over, whose notice may show in another tab.
   */
  const check = () => {
    const notice = hooks.sentNotice(doc);
    const first = pending.find((p) => p.draft) ?? pending[0];
    if (!notice || !first || notice === first.before) return;
    pending = pending.filter((p) => p !== first).map((later) => ({ ...later, before: notice }));
    if (pending.length === 0) stopWaiting();
    last = { notice, touchIds: logSend(first) };
  };

  const logSend = async (sent: PendingSend): Promise<readonly string[]> => {
    const rep = mailbox();
    if (!rep) return [];
    const others = sent.recipients.filter((person) => person.email !== rep);
    const emails = others.map((person) => person.email);
    await cache.load(rep, [], emails);
    // Read before the first write: the change events of the writes below empty the cache.
    const settings = cache.settings;
    const prospects: Prospect[] = cache.tracked(null, emails);
    const logged: string[] = [];
    try {
      // *Track and remind*: a draft to no tracked person tracks its recipients now that it is sent.
      if (sent.days !== null && prospects.length === 0) {
        for (const person of others) prospects.push(await send('prospect.create', { email: person.email, name: person.name, mailbox: rep }));
      }
      for (const prospect of prospects) {
        const touchId = crypto.randomUUID();
        const result = await send('touch.log', { touchId, prospectId: prospect.id, channel: 'email', direction: 'outbound', source: 'gmail', at: sent.at, provisional: true, note: '' });
        if (!result.duplicate) logged.push(touchId);
        // After the touch, which ends any snooze: the follow-up the rep chose is the next one.
        if (sent.days !== null && settings) await send('prospect.update', { id: prospect.id, patch: { snoozedUntil: followUpAt(sent.at, sent.days, settings) } });
      }
    } catch (error) {
      miss('send', String(error));
    }
    return logged;
  };

  const onInput = (event: Event) => {
    if (!event.isTrusted) return;
    const confirmed = last;
    if (confirmed && hooks.undoes(event, confirmed.notice)) {
      last = null;
      void withdraw(confirmed);
      return;
    }
    const draft = hooks.sendingDraft(event, miss);
    if (!draft) return;
    const days = followUps.daysFor(draft.draft);
    // A pop-out may close as it sends: the tab that shows its notice logs it (onRelayedSend below).
    if (hooks.inPopOut(doc)) {
      // Gmail sends nothing without a recipient: no notice will come.
      if (draft.recipients.length > 0) send('send.relay', { recipients: draft.recipients, at: Date.now(), ...(days === null ? {} : { days }) }).catch((error: unknown) => miss('send', String(error)));
      return;
    }
    awaitNotice({ ...draft, at: Date.now(), before: hooks.sentNotice(doc), days });
  };

  const awaitNotice = (sent: PendingSend) => {
    // One send per draft: a retry after Gmail refused it replaces the first attempt.
    pending = [...pending.filter((p) => !sent.draft || p.draft !== sent.draft), sent];
    clearTimeout(giveUp);
    giveUp = setTimeout(() => {
      pending = [];
      stopWaiting();
    }, NOTICE_WAIT_MS);
    if (observer) return;
    observer = new MutationObserver(check);
    observer.observe(doc.body, { childList: true, subtree: true });
    check();
  };

  const withdraw = async (sent: ConfirmedSend) => {
    const rep = mailbox();
    try {
      for (const touchId of rep ? await sent.touchIds : []) await send('touch.withdraw', { touchId, mailbox: rep! });
    } catch (error) {
      miss('undo', String(error));
    }
  };

  // Capture phase: the draft and its chips are read before Gmail's own handler removes them.
  doc.addEventListener('click', onInput, { capture: true, signal });
  doc.addEventListener('keydown', onInput, { capture: true, signal });
  // A notice already showing when the send arrives is its own unless this tab logged a send at it.
  onRelayedSend((sent) => awaitNotice({ ...sent, draft: null, days: sent.days ?? null, before: last?.notice ?? null }), signal);
  // A draft takes the focus when it opens, and again as the rep moves between its fields.
  doc.addEventListener('focusin', (event) => void followUps.place(event.target), { signal });
  signal.addEventListener('abort', stopWaiting, { once: true });
}
