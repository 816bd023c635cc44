import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Prospect, Touch } from '../../src/domain/types';
import { DEMO_MAILBOX_URL, DEMO_REP, serveDemoMailbox, threads } from '../demo-mailbox/serve.mjs';
import { command, readProspects, readTouches } from './extension';
import { rowStates } from './gmail';

/**
 * A reply noticed on the inbox before the rep opens it: the demo mailbox receives a message in a
 * tracked thread while the inbox is shown (the row turns unread and carries the new message's id).
 * The prospect turns to "They replied · unread"; opening the thread makes the real message the
 * one touch. A bounce in another tracked thread changes nothing.
 */
type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
type DemoWindow = Window & { __demo: { receive(id: string, m: { from: { email: string; name: string }; body: string }): string } };

/** Gmail's ids carry the epoch milliseconds above 20 bits of sequence number. */
const timeOfId = (hex: string) => Number(BigInt(`0x${hex}`) >> 20n);

/** Two read inbox threads started by two different outside senders: the prospects. */
const [replied, bounced] = threads
  .filter((thread) => thread.labels.includes('inbox') && !thread.unread && thread.messages[0]!.from.email !== DEMO_REP)
  .filter((thread, index, all) => all.findIndex((other) => other.messages[0]!.from.email === thread.messages[0]!.from.email) === index);

let browser: Launched;
let popup: Page;
let gmail: Page;
let prospect: Prospect;
let bouncedProspect: Prospect;

function touchesOf(all: readonly Touch[], of: Prospect): Touch[] {
  return all.filter((touch) => touch.prospectId === of.id);
}

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveDemoMailbox(browser.context);
  popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  // Every day a working day, reminders from midnight, no delay: a reply is due the moment it arrives, whatever today is.
  const settings = await command(popup, 'settings.get', {});
  await command(popup, 'settings.update', { settings: { ...settings, workingDays: [0, 1, 2, 3, 4, 5, 6], reminderHour: 0, replyNeededDelayMinutes: 0 } });
  const track = (thread: NonNullable<typeof replied>) => {
    const from = thread.messages[0]!.from;
    return command(popup, 'prospect.create', { email: from.email, name: from.name, mailbox: DEMO_REP, stageId: 'qualified', thread: { threadId: thread.legacyId, mailbox: DEMO_REP, subject: thread.subject } });
  };
  prospect = await track(replied!);
  bouncedProspect = await track(bounced!);
  gmail = await browser.context.newPage();
  await gmail.goto(`${DEMO_MAILBOX_URL}#inbox`);
  await gmail.locator('div[role=main] tr.zA').first().waitFor();
});
afterAll(async () => browser?.close());

describe('a reply seen only as an unread inbox row', () => {
  let replyId = '';

  it('turns the prospect to "They replied · unread" without the thread being opened; a bounce changes nothing', async () => {
    await expect.poll(async () => (await rowStates(gmail)).filter((row) => row.chips.length > 0).length).toBeGreaterThanOrEqual(2);
    const receive = (thread: string, from: { email: string; name: string }) =>
      gmail.evaluate(([id, sender]) => (window as unknown as DemoWindow).__demo.receive(id, { from: sender, body: 'Re: your note' }), [thread, from] as const);
    const bouncedBefore = touchesOf(await readTouches(popup), bouncedProspect);
    // The bounce arrives first: the pass that notices the reply has seen the bounce row too.
    await receive(bounced!.legacyId, { email: 'mailer-daemon@googlemail.com', name: 'Mail Delivery Subsystem' });
    replyId = await receive(replied!.legacyId, { email: prospect.email, name: prospect.name });

    await expect.poll(async () => touchesOf(await readTouches(popup), prospect).map((t) => [t.direction, t.provisional, t.threadId, t.at, t.messageId])).toEqual([
      ['inbound', true, replied!.legacyId, timeOfId(replyId), undefined],
    ]);
    expect(touchesOf(await readTouches(popup), bouncedProspect)).toEqual(bouncedBefore);
    const stored = new Map((await readProspects(popup)).map((p) => [p.id, p]));
    expect(stored.get(prospect.id)).toMatchObject({ ballWith: 'me', dueKind: 'replyNeeded', replyUnread: true });
    expect(stored.get(bouncedProspect.id)?.ballWith).toBeNull();

    // The chip on the row says it, and so does the popup's row.
    await expect.poll(async () => (await rowStates(gmail)).find((row) => row.legacyId === replied!.legacyId)?.chips[0]?.label ?? '').toContain('waiting on me · unread');
    await popup.reload();
    const item = popup.locator(`li.item[data-prospect-id="${prospect.id}"]`);
    await expect.poll(() => item.locator('.due').textContent()).toMatch(/^They replied · unread · /);
    expect(await popup.locator(`li.item[data-prospect-id="${bouncedProspect.id}"]`).textContent()).not.toMatch(/They replied|unread/);
  });

  it('becomes exactly one touch with the real message id when the thread is opened', async () => {
    await gmail.goto(`${DEMO_MAILBOX_URL}#inbox/${replied!.legacyId}`);
    await gmail.locator('h2.hP').waitFor();
    await expect.poll(async () => touchesOf(await readTouches(popup), prospect).filter((t) => t.messageId === replyId).length).toBe(1);
    // Each message of the thread from the prospect is one inbound touch: the reply counts once.
    const fromProspect = replied!.messages.filter((m) => m.from.email === prospect.email).length + 1;
    await expect.poll(async () => touchesOf(await readTouches(popup), prospect).filter((t) => t.direction === 'inbound').length).toBe(fromProspect);
    const touches = touchesOf(await readTouches(popup), prospect);
    expect(touches.filter((t) => t.provisional === true)).toEqual([]);
    expect(touches.filter((t) => t.at === timeOfId(replyId)).map((t) => [t.direction, t.messageId])).toEqual([['inbound', replyId]]);
    await expect.poll(async () => (await readProspects(popup)).find((p) => p.id === prospect.id)?.replyUnread).toBeUndefined();
  });
});
