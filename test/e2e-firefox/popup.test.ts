// The popup in real Firefox: the due list, a touch logged in two clicks, a snooze; each change read
// back from the store through the background.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, launch, openExtensionPage, until, type Launched } from './firefox';

const DAY = 86_400_000;
const REP = 'rep@example.com';
let firefox: Launched;
let popup: Page;

const ANN = { email: 'ann@overdue.test', name: 'Ann Overdue' };
const SAM = { email: 'sam@small.test', name: 'Sam Small' };

beforeAll(async () => {
  firefox = await launch();
  popup = await openExtensionPage(firefox.browser, firefox.extensionUrl('src/popup/index.html'));
  // Both were last written to ten days ago: past any default cadence, so overdue.
  for (const person of [ANN, SAM]) {
    const prospect = await command(popup, 'prospect.create', { ...person, mailbox: REP, company: 'Acme' });
    await command(popup, 'touch.log', { prospectId: prospect.id, channel: 'email', direction: 'outbound', source: 'manual', note: '', at: Date.now() - 10 * DAY });
  }
  await openExtensionPage(firefox.browser, firefox.extensionUrl('src/popup/index.html'), popup);
});
afterAll(async () => firefox?.close());

async function prospect(email: string) {
  const { prospects } = await command(popup, 'lookup', { mailbox: REP, threadIds: [], emails: [email] });
  return prospects[0]!;
}

/** An element by accessible role and name (the accessibility tree, as a screen reader sees the popup). */
const byRole = (role: string, name: string) => until(() => popup.$(`::-p-aria([name="${name}"][role="${role}"])`), `${role} "${name}"`);

describe('the popup in Firefox', () => {
  it('lists both overdue prospects', async () => {
    await byRole('listitem', ANN.name);
    await byRole('listitem', SAM.name);
  });

  it('logs a touch in two clicks', async () => {
    const before = (await prospect(ANN.email)).touchCount;
    await (await byRole('button', `Log touch: ${ANN.name}`)).click();
    const panel = await byRole('group', `Log touch: ${ANN.name}`);
    await (await until(() => panel.$('::-p-aria([name="Phone"][role="button"])'), 'the Phone button'))!.click();
    await until(async () => (await prospect(ANN.email)).touchCount === before + 1, 'the touch stored');
    const { prospects } = await command(popup, 'lookup', { mailbox: REP, threadIds: [], emails: [ANN.email] });
    const touches = await command(popup, 'touch.recent', { prospectId: prospects[0]!.id, limit: 10 });
    expect(touches.map((touch) => touch.channel).sort()).toEqual(['email', 'phone']);
  });

  it('snoozes for a week', async () => {
    await (await byRole('button', `Snooze: ${SAM.name}`)).click();
    const panel = await byRole('group', `Snooze: ${SAM.name}`);
    await (await until(() => panel.$('::-p-aria([name="1 week"][role="button"])'), 'the 1 week button'))!.click();
    const snoozed = await until(async () => (await prospect(SAM.email)).snoozedUntil, 'the snooze stored');
    expect(snoozed - Date.now()).toBeGreaterThan(6 * DAY);
  });
});
