import { describe, expect, it } from 'vitest';
import { isPopOutUrl, isTabOfMailbox, mailboxInTitle, mailboxOfTab, threadHash, threadUrl } from '../../../src/domain/gmail';

describe('Gmail URLs', () => {
  it('addresses a thread by mailbox, so the right account opens', () => {
    expect(threadUrl({ threadId: '18bc1a2b3c4d5e6f', mailbox: 'rep@example.com', subject: 'Pricing' })).toBe(
      'https://mail.google.com/mail/u/rep%40example.com/#inbox/18bc1a2b3c4d5e6f',
    );
    expect(threadHash('18bc1a2b3c4d5e6f')).toBe('#inbox/18bc1a2b3c4d5e6f');
  });

  it('tells a pop-out window by its /popout page, or by the view=btop parameter Gmail used before', () => {
    expect(isPopOutUrl('https://mail.google.com/mail/u/0/popout?ver=1g3ytthb29lwb#cmid%253D1')).toBe(true);
    expect(isPopOutUrl('https://mail.google.com/mail/u/2/popout?ver=abc&th=%23thread-f%3A1780000000000000000&cvid=1')).toBe(true);
    expect(isPopOutUrl('https://mail.google.com/mail/u/0/?view=btop')).toBe(true);
    expect(isPopOutUrl('https://mail.google.com/mail/u/1/?ui=2&ik=0123456789&view=btop&ver=abc&search=inbox&cvid=2')).toBe(true);
    expect(isPopOutUrl('https://mail.google.com/mail/u/0/#inbox?compose=new')).toBe(false);
    expect(isPopOutUrl('https://mail.google.com/mail/u/0/?view=cv#inbox')).toBe(false);
    // Only the parameter counts: the words in a hash or another parameter's value do not.
    expect(isPopOutUrl('https://mail.google.com/mail/u/0/#search/view=btop')).toBe(false);
    expect(isPopOutUrl('https://mail.google.com/mail/u/0/?q=view%3Dbtop')).toBe(false);
    expect(isPopOutUrl('https://mail.google.com/mail/u/0/#search/popout')).toBe(false);
    expect(isPopOutUrl('https://mail.google.com/mail/u/0/popouts/')).toBe(false);
    expect(isPopOutUrl('not a url')).toBe(false);
  });
});

describe('which mailbox a Gmail tab shows', () => {
  it('reads the signed-in address from the title, the last address when the subject holds one', () => {
    expect(mailboxInTitle('Inbox (3) - rep@example.com - Gmail')).toBe('rep@example.com');
    expect(mailboxInTitle('Call with ana@acme.io - Rep@Example.com - Gmail')).toBe('rep@example.com');
    expect(mailboxInTitle('กล่องจดหมาย (3) - บัญชีrep@example.comของฉัน - Gmail')).toBe('rep@example.com');
    expect(mailboxInTitle('Gmail')).toBeNull();
  });

  it('prefers an address named in the URL over the title', () => {
    expect(mailboxOfTab({ url: 'https://mail.google.com/mail/u/rep%40example.com/#inbox', title: 'Inbox - other@example.com - Gmail' })).toBe('rep@example.com');
    expect(mailboxOfTab({ url: 'https://mail.google.com/mail/u/0/#inbox', title: 'Inbox - rep@example.com - Gmail' })).toBe('rep@example.com');
    expect(mailboxOfTab({ url: 'https://mail.google.com/mail/u/%E0%A4/#inbox' })).toBeNull();
    expect(mailboxOfTab({ url: 'https://evil.test/mail/u/rep@example.com/' })).toBeNull();
  });

  it('matches a mailbox exactly, never as part of a longer address', () => {
    const tabOf = (address: string) => ({ url: 'https://mail.google.com/mail/u/1/#inbox', title: `Inbox (1) - ${address} - Gmail` });
    expect(isTabOfMailbox(tabOf('ba@b.com'), 'a@b.com')).toBe(false);
    expect(isTabOfMailbox(tabOf('a@b.com.evil.test'), 'a@b.com')).toBe(false);
    expect(isTabOfMailbox(tabOf('A@B.com'), 'a@b.com')).toBe(true);
    expect(isTabOfMailbox({ url: 'https://mail.google.com/mail/u/0/' }, 'a@b.com')).toBe(false);
  });
});
