import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Prospect } from '../../src/domain/types';
import { DEMO_MAILBOX_URL, DEMO_PROSPECTS, DEMO_REP, serveDemoMailbox, threads } from '../demo-mailbox/serve.mjs';
import { seedDemoProspects } from '../demo-mailbox/seed.mjs';
import { command, readProspects, readTouches } from './extension';
import { cardStatus, clickInCard, focusInCard, inCard } from './closedRoots';
import { cardText, expectedProspect, rowStates } from './gmail';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
type DemoWindow = Window & { __demo: { rerender(): void; resetRowClasses(): void; recycleRows(): void; navigate(hash: string): void; receive(id: string, m: { from: { email: string; name: string }; body: string }): string }; __pwned?: unknown };

let browser: Launched;
let popup: Page;
let gmail: Page;
let prospects: Prospect[];

/** A sender tracked by address only (no linked thread): their rows must get chips too. */
const byAddressOnly = threads.find((thread) => thread.key !== undefined && !DEMO_PROSPECTS.some((p) => p.threadIds.includes(thread.legacyId)) && thread.messages[0]!.from.email !== DEMO_REP && thread.labels.includes('inbox') && !/[<>]/.test(thread.messages[0]!.from.name))!;

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveDemoMailbox(browser.context);
  popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  await seedDemoProspects(popup);
  const sender = byAddressOnly.messages[0]!.from;
  await command(popup, 'prospect.create', { email: sender.email, name: sender.name, mailbox: DEMO_REP, stageId: 'qualified' });
  prospects = await readProspects(popup);
  gmail = await browser.context.newPage();
});
afterAll(async () => browser?.close());

async function openInbox(query = ''): Promise<void> {
  await gmail.goto(`${DEMO_MAILBOX_URL}${query}#inbox`);
  await gmail.locator('div[role=main] tr.zA').first().waitFor();
}

/** Waits until every row shows exactly the chip of its prospect, and untracked rows none. */
async function expectChipsMatch(): Promise<void> {
  const current = await readProspects(popup);
  await expect.poll(async () => {
    const rows = await rowStates(gmail);
    return JSON.stringify([chipsOf(rows), rows.map((row) => expectedProspect(row, current))]);
  }).toSatisfy((text: string) => {
    const [actual, expected] = JSON.parse(text) as [unknown[], unknown[]];
    return JSON.stringify(actual) === JSON.stringify(expected);
  });
}

async function openThread(legacyId: string): Promise<void> {
  await gmail.goto(`${DEMO_MAILBOX_URL}#inbox/${legacyId}`);
  await gmail.locator('h2.hP').waitFor();
}

function chipsOf(rows: Awaited<ReturnType<typeof rowStates>>) {
  return rows.map((row) => (row.chips.length ? row.chips.map((c) => c.prospectId).join(',') : null));
}

describe('chips on the inbox', () => {
  it('appear exactly on tracked rows, by thread id and by sender address', async () => {
    await openInbox();
    await expectChipsMatch();
    const rows = await rowStates(gmail);
    const tracked = rows.filter((row) => row.chips.length > 0);
    expect(tracked.length).toBeGreaterThanOrEqual(8);
    expect(rows.every((row) => row.chips.length <= 1)).toBe(true);
    const addressOnly = prospects.find((p) => p.email === byAddressOnly.messages[0]!.from.email)!;
    expect(rows.some((row) => row.chips[0]?.prospectId === addressOnly.id && !addressOnly.threadIds.includes(row.legacyId ?? ''))).toBe(true);
  });

  it('name the full status for screen readers and in a tooltip', async () => {
    const labels = (await rowStates(gmail)).flatMap((row) => row.chips.map((chip) => chip.label ?? ''));
    for (const label of labels) expect(label).toMatch(/^.+ · \d+ touch(es)? ?(· .+)?$/);
    expect(labels.some((label) => /overdue \d+ days?|due today|waiting on me|decision needed|next /.test(label))).toBe(true);
  });

  it('survive Gmail re-rendering, class resets and recycled rows, never twice', async () => {
    for (const action of ['resetRowClasses', 'recycleRows', 'rerender', 'recycleRows'] as const) {
      await gmail.evaluate((name) => (window as unknown as DemoWindow).__demo[name](), action);
      await expectChipsMatch();
    }
  });

  it('work on page 2 and in the vertical reading pane', async () => {
    await gmail.evaluate(() => (window as unknown as DemoWindow).__demo.navigate('#inbox/p2'));
    await expectChipsMatch();
    await openInbox('?layout=vertical');
    await expectChipsMatch();
    expect((await rowStates(gmail)).filter((row) => row.chips.length).length).toBeGreaterThanOrEqual(8);
  });

  it("gives a list it never showed its chips before the rows' first layout: no question to the background between them", async () => {
    // Tracked before the tab opened, never on screen: its thread and its address are new to the list.
    const fresh = { email: 'first.frame@fresh.test', threadId: '18d1a2b3c4d5e6f7', byAddress: '18d1a2b3c4d5e6f8' };
    await command(popup, 'prospect.create', { email: fresh.email, name: 'First Frame', mailbox: DEMO_REP, thread: { threadId: fresh.threadId, mailbox: DEMO_REP, subject: 'A new deal' } });
    await openInbox();
    await expectChipsMatch();
    const chipsAtFirstLayout = await gmail.evaluate(
      ({ email, threadId, byAddress }) =>
        new Promise<boolean[]>((resolve) => {
          const tbody = document.querySelector('div[role=main] tr.zA')!.parentElement!;
          const template = [...tbody.querySelectorAll('tr.zA')].find((row) => !row.querySelector('[data-touchbase]'))!;
          const rowOf = (legacyId: string, sender: string) => {
            const row = template.cloneNode(true) as HTMLElement;
            for (const name of row.getAttributeNames()) if (name.startsWith('data-touchbase')) row.removeAttribute(name);
            for (const ids of row.querySelectorAll('[data-legacy-thread-id]')) ids.setAttribute('data-legacy-thread-id', legacyId);
            for (const ids of row.querySelectorAll('[data-thread-id]')) ids.setAttribute('data-thread-id', `#thread-f:${BigInt(`0x${legacyId}`)}`);
            for (const person of row.querySelectorAll('.yW span[email]')) person.setAttribute('email', sender);
            return row;
          };
          // One row tracked by its thread (sent by a stranger), one by its sender's address.
          const rows = [rowOf(threadId, 'stranger@nowhere.test'), rowOf(byAddress, email)];
          // A ResizeObserver reports after the layout of the frame that first lays the rows out,
          // after every animation-frame callback of that frame (where the chips are drawn).
          const observer = new ResizeObserver(() => {
            observer.disconnect();
            resolve(rows.map((row) => row.querySelector('[data-touchbase="chip"]') !== null));
          });
          tbody.prepend(...rows);
          for (const row of rows) observer.observe(row);
        }),
      fresh,
    );
    expect(chipsAtFirstLayout).toEqual([true, true]);
    await expectChipsMatch();
  });

  it('lays one sample chip out unseen while the tab is idle, then takes it off the page', async () => {
    // What the first list would otherwise pay for in its frame (the chip font, sheet and shapes) is paid by this sample.
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const seen = { added: 0, removed: 0, hidden: true };
      (window as Window & { __sample?: typeof seen }).__sample = seen;
      const isSample = (node: Node): node is HTMLElement => node instanceof HTMLElement && node.getAttribute('data-touchbase') === 'chip-sample';
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of [...record.addedNodes].filter(isSample)) {
            seen.added += 1;
            seen.hidden &&= node.style.visibility === 'hidden' && node.getAttribute('aria-hidden') === 'true';
          }
          seen.removed += [...record.removedNodes].filter(isSample).length;
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${DEMO_MAILBOX_URL}#inbox`);
    await expect.poll(() => page.evaluate(() => (window as Window & { __sample?: unknown }).__sample)).toEqual({ added: 1, removed: 1, hidden: true });
    expect(await page.locator('[data-touchbase="chip-sample"]').count()).toBe(0);
    await page.close();
  });

  for (const language of ['ru', 'th', 'zh']) {
    it(`work unchanged with Gmail in ${language}`, async () => {
      await openInbox(`?hl=${language}`);
      await expectChipsMatch();
      expect((await rowStates(gmail)).filter((row) => row.chips.length).length).toBeGreaterThanOrEqual(8);
    });
  }
});

describe('the open thread', () => {
  const zenith = DEMO_PROSPECTS.find((p) => p.stageId === 'proposal')!;
  const threadId = zenith.threadIds[0]!;

  it('shows the prospect card, and a card action changes the store and the chip live', async () => {
    await openInbox();
    await openThread(threadId);
    await expect.poll(() => cardText(gmail)).toContain(zenith.name);
    // The stage list is in the open card: More (a real click) opens it.
    await clickInCard(gmail, 'button[aria-controls]');
    await expect.poll(() => inCard(gmail, (root) => root.querySelector('button[aria-controls]')?.getAttribute('aria-expanded'), undefined)).toBe('true');
    // A real key press: the card ignores events a page script could dispatch (selectOption's are synthetic).
    await focusInCard(gmail, 'select[name=stage]');
    await gmail.keyboard.press('ArrowDown'); // Proposal / trial → Negotiation
    await expect.poll(() => cardStatus(gmail)).toBe('Saved');
    const stored = (await readProspects(popup)).find((p) => p.email === zenith.email)!;
    expect(stored.stageId).toBe('negotiation');
    await gmail.evaluate(() => (window as unknown as DemoWindow).__demo.navigate('#inbox'));
    await expect.poll(async () => (await rowStates(gmail)).find((row) => row.legacyId === threadId)?.chips[0]?.label).toMatch(/^Negotiation · /);
  });

  it('updates chips live when the popup changes a prospect', async () => {
    const stored = (await readProspects(popup)).find((p) => p.email === zenith.email)!;
    await command(popup, 'prospect.decide', { id: stored.id, outcome: 'nurture' });
    await expect.poll(async () => (await rowStates(gmail)).find((row) => row.legacyId === threadId)?.chips[0]?.label).toMatch(/^Nurture · /);
  });

  it('follows a settings change at once: a renamed stage shows on the chips', async () => {
    const settings = await command(popup, 'settings.get', {});
    const renamed = { ...settings, stages: settings.stages.map((s) => (s.id === 'nurture' ? { ...s, name: 'Warm later' } : s)) };
    await command(popup, 'settings.update', { settings: renamed });
    await expect.poll(async () => (await rowStates(gmail)).find((row) => row.legacyId === threadId)?.chips[0]?.label).toMatch(/^Warm later · /);
    await command(popup, 'settings.update', { settings });
  });

  it('logs a sent reply once, even when the thread is re-rendered and reopened', async () => {
    const lena = DEMO_PROSPECTS.find((p) => p.stageId === 'qualified')!;
    const id = lena.threadIds[0]!;
    await openThread(id);
    await expect.poll(() => cardText(gmail)).toContain(lena.name);
    const before = (await readTouches(popup)).length;
    await gmail.locator('div[role=main] .amn .bkH').click();
    await gmail.locator('div.M9 textarea').fill('Hi, the pricing for 40 seats is attached.');
    const messagesBefore = await gmail.locator('div.adn').count();
    await gmail.locator('div.M9 div.aoO[role=button]').click();
    // The reply first shows a temporary #msg-a: id, then gains its real ids.
    const sentId = await gmail.waitForFunction(
      (count) => {
        const messages = document.querySelectorAll('div.adn');
        return messages.length > count && messages[messages.length - 1]!.getAttribute('data-legacy-message-id');
      },
      messagesBefore,
    );
    const messageId = await sentId.jsonValue();
    await expect.poll(async () => (await readTouches(popup)).filter((t) => t.messageId === messageId).length).toBe(1);
    // Re-render, leave, come back, reload: still one touch for that message.
    await gmail.evaluate(() => (window as unknown as DemoWindow).__demo.navigate('#inbox'));
    await openThread(id);
    await gmail.reload();
    // The card is drawn only after the pass that sends the thread's messages as touches has had
    // every reply: once it shows, a second touch for the sent reply would already be stored.
    await expect.poll(() => cardText(gmail)).toContain(lena.name);
    const touches = await readTouches(popup);
    expect(touches.filter((t) => t.messageId === messageId)).toMatchObject([{ direction: 'outbound', source: 'gmail', channel: 'email' }]);
    expect(touches.length).toBe(before + 1);
  });

  it('logs a message from the prospect as inbound: the ball is with the rep', async () => {
    const lena = DEMO_PROSPECTS.find((p) => p.stageId === 'qualified')!;
    const newId = await gmail.evaluate(
      ([thread, from]) => (window as unknown as DemoWindow).__demo.receive(thread, { from, body: 'Thanks! Can we talk on Thursday?' }),
      [lena.threadIds[0]!, { email: lena.email, name: lena.name }] as const,
    );
    await expect.poll(async () => (await readTouches(popup)).filter((t) => t.messageId === newId).map((t) => t.direction)).toEqual(['inbound']);
    await expect.poll(async () => (await readProspects(popup)).find((p) => p.email === lena.email)?.ballWith).toBe('me');
  });

  it('offers "Track as prospect" for an untracked sender, choosing among participants', async () => {
    const untracked = threads.find((t) => t.labels.includes('inbox') && t.messages.length > 0 && !prospects.some((p) => t.messages.some((m) => m.from.email === p.email || m.to.some((x) => x.email === p.email))) && t.messages[0]!.from.email !== DEMO_REP && !/[<>]/.test(t.messages[0]!.from.name))!;
    await openThread(untracked.legacyId);
    await clickInCard(gmail, '[data-form=track] button');
    await expect.poll(() => cardStatus(gmail)).toBe('Now tracking');
    const created = (await readProspects(popup)).find((p) => p.threadIds.includes(untracked.legacyId));
    expect(created?.email).toBe(untracked.messages[0]!.from.email);
    await expect.poll(() => cardText(gmail)).toContain('Log touch');
  });
});

describe('hostile page data', () => {
  it('renders markup in names and subjects as inert text in chips and cards', async () => {
    const hostile = threads.find((t) => t.messages.some((m) => /<img/.test(m.from.name)))!;
    const sender = hostile.messages.find((m) => /<img/.test(m.from.name))!.from;
    await openThread(hostile.legacyId);
    await clickInCard(gmail, '[data-form=track] button');
    await expect.poll(() => cardStatus(gmail)).toBe('Now tracking');
    await expect.poll(() => cardText(gmail)).toContain(sender.name);
    expect(await inCard(gmail, (root) => root.querySelectorAll('img, script').length, undefined)).toBe(0);
    await gmail.evaluate(() => (window as unknown as DemoWindow).__demo.navigate('#inbox'));
    // The row of the thread just tracked has its chip: the list, with that sender's name, is drawn.
    await expect.poll(async () => (await rowStates(gmail)).find((row) => row.legacyId === hostile.legacyId)?.chips.length).toBe(1);
    expect(await gmail.evaluate(() => (window as unknown as DemoWindow).__pwned)).toBeUndefined();
  });
});

describe('a thread shared by two tracked people', () => {
  it('shows the most urgent one on the row and the card, and opening it links both', async () => {
    // A thread linked to a Lost prospect (never due) whose sender is tracked by address with a follow-up due.
    const current = await readProspects(popup);
    const lost = current.find((p) => p.stageId === 'lost')!;
    const tracked = new Set(current.map((p) => p.email));
    const thread = threads.find((t) => t.labels.includes('inbox') && t.messages.length > 0 && t.messages[0]!.from.email !== DEMO_REP && !/[<>]/.test(t.messages[0]!.from.name) && t.messages.every((m) => !tracked.has(m.from.email) && m.to.every((x) => !tracked.has(x.email))))!;
    const sender = thread.messages[0]!.from;
    await command(popup, 'prospect.linkThread', { id: lost.id, thread: { threadId: thread.legacyId, mailbox: DEMO_REP, subject: thread.subject } });
    const buyer = await command(popup, 'prospect.create', { email: sender.email, name: sender.name, mailbox: DEMO_REP, stageId: 'contacted' });
    expect([lost.dueAt, typeof buyer.dueAt]).toEqual([undefined, 'number']); // the scenario holds

    await openInbox();
    await expectChipsMatch();
    expect((await rowStates(gmail)).find((row) => row.legacyId === thread.legacyId)?.chips.map((c) => c.prospectId)).toEqual([buyer.id]);

    await openThread(thread.legacyId);
    await expect.poll(() => cardText(gmail)).toContain(sender.name);
    await expect.poll(async () => (await readProspects(popup)).find((p) => p.id === buyer.id)?.threadIds).toContain(thread.legacyId);
    expect((await readProspects(popup)).find((p) => p.id === lost.id)?.threadIds).toContain(thread.legacyId);
  });
});

describe('teardown', () => {
  it('removes everything it added when the extension goes away under a running Gmail page', async () => {
    await openInbox();
    await expect.poll(() => gmail.locator('[data-touchbase]').count()).toBeGreaterThan(0);
    await popup.evaluate(() => setTimeout(() => chrome.runtime.reload(), 50)).catch(() => undefined);
    await expect.poll(() => gmail.locator('[data-touchbase]').count()).toBe(0);
    // The rows' keys go too: the page is left as Gmail made it.
    expect(await gmail.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()).filter((n) => n.startsWith('data-touchbase')))).toEqual([]);
  });
});
