// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mailboxFromTitle } from '../../../../src/content/webmail/gmail/account';
import { isTabOfMailbox } from '../../../../src/domain/gmail';
import { FIXTURE_NAMES, loadFixture } from './helpers';

/** A document with only this title; a title is page data, never a Gmail hook. */
function titled(title: string): Document {
  const doc = new DOMParser().parseFromString('<!DOCTYPE html><html><head><title></title></head><body></body></html>', 'text/html');
  doc.title = title;
  return doc;
}

describe('Gmail mailbox address', () => {
  it('finds the rep in every fixture title, whatever the language around it', () => {
    for (const name of FIXTURE_NAMES.filter((fixture) => fixture !== 'malformed.html')) {
      expect(mailboxFromTitle(loadFixture(name)), name).toBe('rep@example.com');
    }
  });

  it('takes the last address: an open thread puts a subject, maybe with an address, first', () => {
    expect(loadFixture('thread.html').title).toContain('anna@acme.io');
    expect(mailboxFromTitle(titled('Call with ana@acme.io - Rep.Name+sales@Example.CO.uk - Gmail'))).toBe('rep.name+sales@example.co.uk');
  });

  it('finds an address that localized words touch without a space', () => {
    expect(mailboxFromTitle(titled('收件箱(3)rep@example.com邮件'))).toBe('rep@example.com');
    expect(mailboxFromTitle(titled('Входящие–rep@example.com–Gmail'))).toBe('rep@example.com');
  });

  it('is null while the title names no address', () => {
    expect(mailboxFromTitle(loadFixture('malformed.html'))).toBeNull();
    expect(mailboxFromTitle(titled('Gmail'))).toBeNull();
    expect(mailboxFromTitle(titled('Loading rep@ … Gmail'))).toBeNull();
  });

  it('is read from a tab title as the background reads it, so a reminder opens the tab the chips are in', () => {
    const titles = [
      ...FIXTURE_NAMES.filter((fixture) => fixture !== 'malformed.html').map((name) => loadFixture(name).title),
      'Call with ana@acme.io - Rep.Name+sales@Example.CO.uk - Gmail',
      '收件箱(3)rep@example.com邮件',
    ];
    for (const title of titles) {
      const mailbox = mailboxFromTitle(titled(title));
      expect(mailbox, title).not.toBeNull();
      expect(isTabOfMailbox({ title }, mailbox!), title).toBe(true);
      // An address that only contains the rep's (a longer local part) is another mailbox.
      expect(isTabOfMailbox({ title }, `x${mailbox!}`), title).toBe(false);
    }
  });
});
