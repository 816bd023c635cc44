// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watchMailbox } from '../../../src/content/mailboxWatcher';
import { gmailAdapter } from '../../../src/content/webmail/gmail';

/** Lets the MutationObserver deliver what the test just changed. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the rep address appearing in the tab title after the rows rendered', () => {
  const stop = new AbortController();
  afterEach(() => stop.abort());

  it('wakes the content script once the title names the rep, and once per new address only', async () => {
    document.title = 'Gmail';
    let wakes = 0;
    watchMailbox(document, gmailAdapter.mailbox, () => (wakes += 1), stop.signal);
    document.title = 'Loading… - Gmail';
    await settle();
    expect(wakes).toBe(0);
    document.title = 'Inbox (3) - rep@example.com - Gmail';
    await settle();
    expect(wakes).toBe(1);
    document.title = 'Inbox (4) - rep@example.com - Gmail';
    await settle();
    expect(wakes).toBe(1);
  });

  it('notices a title element Gmail puts in place of the old one', async () => {
    const local = new AbortController();
    document.head.querySelector('title')?.remove();
    let wakes = 0;
    watchMailbox(document, gmailAdapter.mailbox, () => (wakes += 1), local.signal);
    const title = document.createElement('title');
    title.textContent = 'Inbox - other@example.com - Gmail';
    document.head.append(title);
    await settle();
    expect(wakes).toBe(1);
    local.abort();
    title.textContent = 'Inbox - third@example.com - Gmail';
    await settle();
    expect(wakes).toBe(1);
  });
});
