import { describe, expect, it } from 'vitest';
import { tabToShowThreadIn } from '../../../src/domain/gmail';

const tab = (id: number, address: string, lastAccessed?: number) => ({
  id,
  url: 'https://mail.google.com/mail/u/0/#inbox',
  title: `Inbox - ${address} - Gmail`,
  ...(lastAccessed === undefined ? {} : { lastAccessed }),
});

describe('which Gmail tab a reminder click opens the thread in', () => {
  it('navigates the tab of the mailbox the rep used last, wherever it sits in the tab list', () => {
    const tabs = [tab(1, 'rep@example.com', 1_000), tab(2, 'rep@example.com', 3_000), tab(3, 'rep@example.com', 2_000)];
    expect(tabToShowThreadIn(tabs, 'rep@example.com')?.id).toBe(2);
    expect(tabToShowThreadIn([...tabs].reverse(), 'rep@example.com')?.id).toBe(2);
  });

  it('ignores a more recently used tab of another mailbox', () => {
    const tabs = [tab(1, 'rep@example.com', 1_000), tab(2, 'other@example.com', 9_000)];
    expect(tabToShowThreadIn(tabs, 'rep@example.com')?.id).toBe(1);
  });

  it('counts a tab that never reported use as the oldest', () => {
    expect(tabToShowThreadIn([tab(1, 'rep@example.com'), tab(2, 'rep@example.com', 5)], 'rep@example.com')?.id).toBe(2);
  });

  it('chooses none when no tab shows the mailbox, so a new tab opens', () => {
    expect(tabToShowThreadIn([tab(1, 'other@example.com', 9_000)], 'rep@example.com')).toBeUndefined();
    expect(tabToShowThreadIn([], 'rep@example.com')).toBeUndefined();
  });
});
