// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gmailSendHooks } from '../../../../src/content/webmail/gmail/sends';
import { GMAIL_MISS } from '../../../../src/content/webmail/gmail/misses';
import { ignoreMisses, loadFixture, missRecorder } from './helpers';

/** Sends as the adapter reads them: which of the rep's events send a draft, to whom, and the notice. */

function click(target: Element): Event {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

function key(target: Element, init: KeyboardEventInit): Event {
  const event = new KeyboardEvent('keydown', { bubbles: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('a draft being sent', () => {
  it('is a click on its send button, with the recipient chips read by address', () => {
    const doc = loadFixture('compose.html');
    const form = doc.querySelector('div.M9')!;
    const sent = gmailSendHooks.sendingDraft(click(form.querySelector('div.aoO')!), ignoreMisses);
    expect(sent?.draft).toBe(form);
    // One chip names its address in `email`, the other only in a capitalised hovercard id.
    expect(sent?.recipients.map((p) => p.email)).toEqual(['ops@acme.io', 'grace@wayne.co']);
  });

  it('is Ctrl+Enter or Cmd+Enter anywhere in the draft, and Enter or Space on the send button', () => {
    const doc = loadFixture('sent-notice.html');
    const body = doc.querySelector('div.M9 [role=textbox]')!;
    const button = doc.querySelector('div.M9 div.aoO')!;
    const recipientsOf = (event: Event) => gmailSendHooks.sendingDraft(event, ignoreMisses)?.recipients.map((p) => p.email) ?? null;
    expect(recipientsOf(key(body, { key: 'Enter', ctrlKey: true }))).toEqual(['lena@nordwind.example']);
    expect(recipientsOf(key(body, { key: 'Enter', metaKey: true }))).toEqual(['lena@nordwind.example']);
    expect(recipientsOf(key(button, { key: 'Enter' }))).toEqual(['lena@nordwind.example']);
    expect(recipientsOf(key(button, { key: ' ' }))).toEqual(['lena@nordwind.example']);
  });

  it('is not typing, Enter in the body, the schedule-send menu, or a click outside a draft', () => {
    const doc = loadFixture('sent-notice.html');
    const body = doc.querySelector('div.M9 [role=textbox]')!;
    const none = (event: Event) => expect(gmailSendHooks.sendingDraft(event, ignoreMisses)).toBeNull();
    none(key(body, { key: 'Enter' }));
    none(key(body, { key: 'a', ctrlKey: true }));
    none(click(body));
    none(click(doc.querySelector('div.M9 .hG[role=button]')!));
    none(click(doc.querySelector('h2.hP')!));
    none(click(doc.querySelector('#link_vsm')!));
  });

  it('without a chip it can read, names no one and is logged as a miss', () => {
    const doc = loadFixture('sent-notice.html');
    doc.querySelector('div.M9 [role=option]')!.remove();
    const { miss, misses } = missRecorder();
    expect(gmailSendHooks.sendingDraft(click(doc.querySelector('div.M9 div.aoO')!), miss)?.recipients).toEqual([]);
    expect(misses.map((m) => m.what)).toEqual([GMAIL_MISS.draftWithoutRecipients]);
  });
});

describe('the sent notice', () => {
  it('is found by its View message link, and its Undo is the rep undoing that send', () => {
    const doc = loadFixture('sent-notice.html');
    const notice = gmailSendHooks.sentNotice(doc)!;
    expect(notice.id).toBe('link_vsm');
    const undo = doc.querySelector('#link_undo')!;
    expect(gmailSendHooks.undoes(click(undo), notice)).toBe(true);
    expect(gmailSendHooks.undoes(key(undo, { key: 'Enter' }), notice)).toBe(true);
    expect(gmailSendHooks.undoes(click(notice), notice)).toBe(false);
  });

  it('is none while Gmail is still sending, and an Undo of a later notice (say, an archive) is not its undo', () => {
    const doc = loadFixture('sent-notice.html');
    const notice = gmailSendHooks.sentNotice(doc)!;
    const bar = doc.querySelector('.vh')!;
    // "Sending…": the bar holds text only.
    const sending = doc.createElement('span');
    sending.textContent = 'Sending…';
    bar.replaceChildren(sending);
    expect(gmailSendHooks.sentNotice(doc)).toBeNull();
    // Another action's notice with its own Undo replaces the send's.
    const undo = doc.createElement('span');
    undo.id = 'link_undo';
    bar.replaceChildren(undo);
    expect(gmailSendHooks.undoes(click(undo), notice)).toBe(false);
  });
});

describe('where a follow-up control goes', () => {
  it('beside the send button of the draft around the focus', () => {
    const doc = loadFixture('sent-notice.html');
    const found = gmailSendHooks.draftAt(doc.querySelector('div.M9 [role=textbox]'), ignoreMisses);
    expect(found?.draft).toBe(doc.querySelector('div.M9'));
    expect(found?.sendButton).toBe(doc.querySelector('div.M9 div.aoO'));
    expect(gmailSendHooks.draftAt(doc.querySelector('h2.hP'), ignoreMisses)).toBeNull();
  });

  it('nowhere in a draft whose send button does not match, with one miss logged', () => {
    const doc = loadFixture('sent-notice.html');
    doc.querySelector('div.M9 div.aoO')!.classList.remove('aoO');
    const { miss, misses } = missRecorder();
    expect(gmailSendHooks.draftAt(doc.querySelector('div.M9 [role=textbox]'), miss)).toBeNull();
    expect(misses.map((m) => m.what)).toEqual([GMAIL_MISS.draftWithoutSendButton]);
  });
});
