// The demo mailbox (test/demo-mailbox) in real Chromium, without the extension: proves that the
// page keeps the Gmail markup contract (docs/architecture.md#gmail-hooks) that `npm start` and the extension's
// end-to-end tests rely on, in every language and through Gmail-style re-rendering.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimalOf, timeOf } from '../demo-mailbox/ids.js';
import { DEMO_MAILBOX_URL, DEMO_PROSPECTS, DEMO_REP, serveDemoMailbox, threads } from '../demo-mailbox/serve.mjs';

interface DemoApi {
  rerender(): void;
  resetRowClasses(): void;
  recycleRows(): void;
  receive(threadLegacyId: string, message: { from: { email: string; name: string }; body: string }): string;
  navigate(hash: string): void;
}
type DemoWindow = Window & { __demo: DemoApi; __pwned?: unknown };
/** A thread row as the page shows it, read with the contract's hooks only. */
interface RowHooks {
  classes: string[];
  threadId: string | null;
  legacyThreadId: string | null;
  lastMessageId: string | null;
  subject: string | null;
  subjectRow: number;
  snippet: boolean;
  people: Array<{ email: string | null; name: string | null; className: string; text: string }>;
}

const HEX16 = /^[0-9a-f]{16}$/;
const STAGES = ['new', 'contacted', 'qualified', 'meeting', 'proposal', 'negotiation', 'won', 'nurture', 'lost'];
const byKey = (key: string) => {
  const thread = threads.find((candidate) => candidate.key === key);
  if (!thread) throw new Error(`no sample thread ${key}`);
  return thread;
};
const lastOf = (thread: (typeof threads)[number]) => thread.messages[thread.messages.length - 1]!;
const newestFirst = [...threads].sort((a, b) => lastOf(b).sentAt - lastOf(a).sentAt);

let browser: Browser;
let context: BrowserContext;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.on('request', (request) => {
    const url = new URL(request.url());
    // data: and blob: never leave the machine; anything on the network must be intercepted.
    if (!['data:', 'blob:'].includes(url.protocol) && url.host !== 'mail.google.com') foreignRequests.push(request.url());
  });
  await serveDemoMailbox(context);
});
afterAll(async () => {
  await browser?.close();
});

async function openMailbox(query = '', hash = '#inbox'): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${DEMO_MAILBOX_URL}${query}${hash}`);
  await page.waitForFunction(() => '__demo' in window);
  return page;
}

function navigate(page: Page, hash: string) {
  return page.evaluate((target) => (window as unknown as DemoWindow).__demo.navigate(target), hash);
}

/** Every thread of the list: its `tr.zA` and, in the vertical pane, the rows after it. */
function readRows(page: Page): Promise<RowHooks[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('div[role=main] tr.zA')].map((row) => {
      const group: Element[] = [row];
      for (let next = row.nextElementSibling; next && !next.matches('tr.zA'); next = next.nextElementSibling) group.push(next);
      const ids = group.map((part) => part.querySelector('span[data-thread-id][data-legacy-thread-id]')).find(Boolean) ?? null;
      const subject = group.map((part) => part.querySelector('.y6 span.bog')).find(Boolean) ?? null;
      return {
        classes: group.map((part) => part.className),
        threadId: ids?.getAttribute('data-thread-id') ?? null,
        legacyThreadId: ids?.getAttribute('data-legacy-thread-id') ?? null,
        lastMessageId: ids?.getAttribute('data-legacy-last-message-id') ?? null,
        subject: subject?.textContent ?? null,
        subjectRow: group.findIndex((part) => subject !== null && part.contains(subject)),
        snippet: group.some((part) => part.querySelector('.y2') !== null),
        people: group.flatMap((part) =>
          [...part.querySelectorAll('.yW span[email]')].map((person) => ({
            email: person.getAttribute('email'),
            name: person.getAttribute('name'),
            className: person.className,
            text: person.textContent ?? '',
          })),
        ),
      };
    }),
  );
}

describe('the demo mailbox at mail.google.com', () => {
  it('exports the sample data a seeder needs, with Gmail-shaped, time-encoded ids', () => {
    expect(DEMO_REP).toBe('rep@example.com');
    expect(threads).toHaveLength(60);
    expect(new Set(threads.map((thread) => thread.legacyId)).size).toBe(60);
    for (const thread of threads) {
      expect(thread.legacyId).toMatch(HEX16);
      expect(thread.threadId).toBe(`#thread-f:${decimalOf(thread.legacyId)}`);
      for (const message of thread.messages) {
        expect(message.legacyId).toMatch(HEX16);
        expect(message.messageId).toBe(`#msg-f:${decimalOf(message.legacyId!)}`);
        expect(timeOf(message.legacyId!)).toBe(message.sentAt);
      }
    }
    expect(new Set(DEMO_PROSPECTS.map((prospect) => prospect.stageId))).toEqual(new Set(STAGES));
    for (const prospect of DEMO_PROSPECTS) {
      const [linked] = prospect.threadIds.map((id) => threads.find((thread) => thread.legacyId === id));
      expect(linked, prospect.email).toBeDefined();
      const participants = linked!.messages.flatMap((message) => [message.from, ...message.to, ...message.cc]).map((person) => person.email);
      expect(participants).toContain(prospect.email);
    }
  });

  it('lists page 1 with every hook of the contract, with the same ids as the exported data', async () => {
    const page = await openMailbox();
    expect(await page.title()).toMatch(/^Inbox \(\d+\) - rep@example\.com - Gmail$/);
    const rows = await readRows(page);
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      expect(row.classes).toHaveLength(1);
      expect(row.classes[0]).toMatch(/^zA (zE|yO)$/);
      expect(row.threadId).toBe(`#thread-f:${decimalOf(row.legacyThreadId!)}`);
      expect(row.lastMessageId).toMatch(HEX16);
      expect(row.subject).toBeTruthy();
      expect(row.snippet).toBe(true);
      expect(row.people.length).toBeGreaterThan(0);
      const personClass = row.classes[0]!.includes('zE') ? 'zF' : 'yP';
      for (const person of row.people) expect(person).toMatchObject({ className: personClass, email: expect.any(String), name: expect.any(String) });
    }
    expect(rows.map((row) => row.legacyThreadId)).toEqual(newestFirst.slice(0, 50).map((thread) => thread.legacyId));
    const zenith = rows.find((row) => row.legacyThreadId === byKey('zenith').legacyId);
    expect(zenith?.people.map((person) => person.email)).toEqual(['rep@example.com', 'olusegun.adeyemi@zenithclinics.example', 'chiamaka.obi@zenithclinics.example']);
    await page.close();
  });

  it('replaces the rows with page 2 at #inbox/p2, and back', async () => {
    const page = await openMailbox();
    await page.locator('div[role=main] .amJ[role=button]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#inbox/p2');
    const second = await readRows(page);
    expect(second.map((row) => row.legacyThreadId)).toEqual(newestFirst.slice(50).map((thread) => thread.legacyId));
    await page.locator('div[role=main] .amD[role=button]').click();
    expect(await readRows(page)).toHaveLength(50);
    await page.close();
  });

  it('spans each thread over 2–3 rows in the vertical reading pane, subject in the second', async () => {
    const page = await openMailbox('?layout=vertical');
    const rows = await readRows(page);
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      expect(row.classes[0]).toMatch(/^zA (zE|yO) apv$/);
      expect(row.classes.slice(1).every((className) => className === 'apw')).toBe(true);
      expect(row.classes.length).toBeGreaterThanOrEqual(2);
      expect(row.classes.length).toBeLessThanOrEqual(3);
      expect(row.subjectRow).toBe(1);
      expect(row.legacyThreadId).toMatch(HEX16);
    }
    expect(rows.some((row) => row.classes.length === 3)).toBe(true);
    // Opening a thread keeps the list beside it.
    await page.locator('div[role=main] tr.zA').first().click();
    await page.locator('div[role=main] h2.hP').waitFor();
    expect(await page.locator('div[role=main] tr.zA').count()).toBe(50);
    await page.close();
  });

  it('filters #sent, #label/Clients and #search/<query>', async () => {
    const page = await openMailbox();
    const shownIds = async (hash: string) => {
      await navigate(page, hash);
      return (await readRows(page)).map((row) => row.legacyThreadId);
    };
    const expected = (keep: (thread: (typeof threads)[number]) => boolean) => newestFirst.filter(keep).map((thread) => thread.legacyId);
    expect(await shownIds('#sent')).toEqual(expected((thread) => lastOf(thread).from.email === DEMO_REP));
    expect(await shownIds('#label/Clients')).toEqual(expected((thread) => thread.labels.includes('Clients')));
    expect(await shownIds('#search/pricing')).toEqual(expected((thread) => /pricing/i.test(thread.subject)));
    expect(await shownIds('#search/pricing')).toHaveLength(3);
    await page.close();
  });

  it('opens a thread: h2.hP with its ids, one div.adn per message, each in a .h7 under one parent', async () => {
    const zenith = byKey('zenith');
    const page = await openMailbox('', `#inbox/${zenith.legacyId}`);
    const view = await page.evaluate(() => {
      const heading = document.querySelector('div[role=main] h2.hP');
      const messages = [...document.querySelectorAll('div[role=main] div.adn')];
      return {
        heading: { text: heading?.textContent, legacy: heading?.getAttribute('data-legacy-thread-id'), perm: heading?.getAttribute('data-thread-perm-id') },
        parents: new Set(messages.map((message) => message.closest('.h7')?.parentElement)).size,
        messages: messages.map((message) => ({
          id: message.getAttribute('data-message-id'),
          legacy: message.getAttribute('data-legacy-message-id'),
          from: [...message.querySelectorAll('span.gD')].map((span) => [span.getAttribute('email'), span.getAttribute('name')]),
          to: [...message.querySelectorAll('span.g2')].map((span) => span.getAttribute('email')),
          body: message.querySelector('.a3s')?.textContent,
        })),
      };
    });
    expect(view.heading).toEqual({ text: zenith.subject, legacy: zenith.legacyId, perm: zenith.permId });
    expect(view.parents).toBe(1);
    expect(view.messages).toEqual(
      zenith.messages.map((message) => ({
        id: message.messageId,
        legacy: message.legacyId,
        from: [[message.from.email, message.from.name]],
        to: [...message.to, ...message.cc].map((person) => person.email),
        body: message.body,
      })),
    );
    await page.close();
  });

  it('sends an inline reply: first #msg-a: without legacy id, then real ids that encode the send time', async () => {
    const nordwind = byKey('nordwind');
    const page = await openMailbox('', `#inbox/${nordwind.legacyId}`);
    await page.locator('div[role=main] .amn .bkH').click();
    const chip = page.locator('div.M9 span[data-hovercard-id="lena.fischer@nordwind-logistik.example"][email="lena.fischer@nordwind-logistik.example"]');
    expect(await chip.count()).toBe(1);
    // Record each new message's ids at the moment it is inserted, before the page replaces them.
    await page.evaluate(() => {
      const seen: Array<{ id: string | null; legacy: string | null }> = [];
      Object.assign(window, { __seen: seen });
      const parent = document.querySelector('div[role=main] .h7')!.parentElement!;
      new MutationObserver((records) => {
        for (const node of records.flatMap((record) => [...record.addedNodes])) {
          const message = (node as Element).querySelector?.('div.adn');
          if (message) seen.push({ id: message.getAttribute('data-message-id'), legacy: message.getAttribute('data-legacy-message-id') });
        }
      }).observe(parent, { childList: true });
    });
    const before = Date.now();
    await page.locator('div.M9 textarea').fill('Hi Lena, pricing for 40 seats is attached. Alex');
    await page.keyboard.press('Control+Enter');
    const after = Date.now();
    const seen = await page.evaluate(() => (window as unknown as { __seen: Array<{ id: string | null; legacy: string | null }> }).__seen);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.id).toMatch(/^#msg-a:r-\d+$/);
    expect(seen[0]!.legacy).toBeNull();

    const last = page.locator('div[role=main] div.adn').last();
    await expect.poll(() => last.getAttribute('data-legacy-message-id')).toMatch(HEX16);
    const legacy = (await last.getAttribute('data-legacy-message-id'))!;
    expect(await last.getAttribute('data-message-id')).toBe(`#msg-f:${decimalOf(legacy)}`);
    expect(timeOf(legacy)).toBeGreaterThanOrEqual(before - 5);
    expect(timeOf(legacy)).toBeLessThanOrEqual(after + 5);
    expect(await last.locator('span.gD').getAttribute('email')).toBe(DEMO_REP);

    await navigate(page, '#inbox');
    const row = (await readRows(page)).find((candidate) => candidate.legacyThreadId === nordwind.legacyId);
    expect(row?.lastMessageId).toBe(legacy);
    expect(row?.people.map((person) => person.email)).toContain(DEMO_REP);
    await navigate(page, '#sent');
    expect((await readRows(page))[0]?.legacyThreadId).toBe(nordwind.legacyId);
    await page.close();
  });

  it('sends a new message from the compose dialog as a new thread on top of Inbox and Sent', async () => {
    const page = await openMailbox();
    await page.locator('.T-I-KE[role=button]').click();
    const dialog = page.locator('div[role=dialog]');
    await dialog.locator('input.agP').fill('Ana Silva <ana.silva@acme.example>');
    await dialog.locator('input.agP').press('Enter');
    expect(await dialog.locator('span[data-hovercard-id="ana.silva@acme.example"][email="ana.silva@acme.example"]').count()).toBe(1);
    await dialog.locator('input[name=subjectbox]').fill('Intro from Brightwave');
    await dialog.locator('textarea').fill('Hi Ana, great to meet you at the summit.');
    const before = Date.now();
    await dialog.locator('div.aoO[role=button]').click();
    expect(await dialog.count()).toBe(0);
    const [top] = await readRows(page);
    expect(top).toMatchObject({ subject: 'Intro from Brightwave', classes: ['zA yO'] });
    expect(timeOf(top!.legacyThreadId!)).toBeGreaterThanOrEqual(before - 5);
    await navigate(page, '#sent');
    const [sentTop] = await readRows(page);
    expect(sentTop?.legacyThreadId).toBe(top!.legacyThreadId);
    expect(sentTop?.people.map((person) => person.email)).toEqual(['ana.silva@acme.example']);
    await page.close();
  });

  it('re-renders like Gmail: resetRowClasses wipes added classes, recycleRows reuses rows, rerender replaces them', async () => {
    const page = await openMailbox();
    // Mark rows the way an extension would (a class and a data attribute) and remember the elements.
    const marked = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('div[role=main] tr.zA')].map((row) => ({
          same: (row as unknown as { __tbIndex?: number }).__tbIndex ?? null,
          hasClass: row.classList.contains('tb-row'),
          hasData: row.hasAttribute('data-tb-row'),
          id: row.querySelector('[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id'),
        })),
      );
    await page.evaluate(() =>
      document.querySelectorAll('div[role=main] tr.zA').forEach((row, index) => {
        row.classList.add('tb-row');
        row.setAttribute('data-tb-row', '');
        Object.assign(row, { __tbIndex: index });
      }),
    );
    const original = await marked();

    await page.evaluate(() => (window as unknown as DemoWindow).__demo.resetRowClasses());
    const reset = await marked();
    expect(reset.map((row) => row.same)).toEqual(original.map((row) => row.same));
    expect(reset.every((row) => !row.hasClass && row.hasData)).toBe(true);

    await page.evaluate(() => (window as unknown as DemoWindow).__demo.recycleRows());
    const recycled = await marked();
    expect(recycled.map((row) => row.same)).toEqual(original.map((row) => row.same));
    expect(recycled.map((row) => row.id)).toEqual([original.at(-1)!.id, ...original.slice(0, -1).map((row) => row.id)]);

    await page.evaluate(() => (window as unknown as DemoWindow).__demo.rerender());
    const rebuilt = await marked();
    expect(rebuilt.map((row) => row.id)).toEqual(recycled.map((row) => row.id));
    expect(rebuilt.every((row) => row.same === null && !row.hasData)).toBe(true);
    await page.close();
  });

  it('receive(): the message appears in the open thread, and its row turns unread and moves to the top', async () => {
    const kestrel = byKey('kestrel');
    const page = await openMailbox('', `#inbox/${kestrel.legacyId}`);
    const rahul = { email: 'rahul.mehta@kestrelfreight.example', name: 'Rahul Mehta' };
    const legacy = await page.evaluate(
      ([id, from]) => (window as unknown as DemoWindow).__demo.receive(id, { from, body: 'Sorry for the silence, can we talk Tuesday?' }),
      [kestrel.legacyId, rahul] as const,
    );
    expect(legacy).toMatch(HEX16);
    const last = page.locator('div[role=main] div.adn').last();
    expect(await last.getAttribute('data-legacy-message-id')).toBe(legacy);
    expect(await last.locator('span.gD').getAttribute('email')).toBe(rahul.email);
    expect(await page.locator('div[role=main] div.adn').count()).toBe(kestrel.messages.length + 1);

    await navigate(page, '#inbox');
    const [top] = await readRows(page);
    expect(top).toMatchObject({ legacyThreadId: kestrel.legacyId, lastMessageId: legacy, classes: ['zA zE'] });
    expect(top?.people.every((person) => person.className === 'zF')).toBe(true);
    await page.close();
  });

  it('translates every label in ru, th and zh, and keeps every hook identical', async () => {
    const nordwind = byKey('nordwind');
    /** Visible text and aria-label/data-tooltip/title/placeholder outside page data. */
    const readLabels = (page: Page) =>
      page.evaluate(() => {
        const data = '[email], .bog, .y2, .xW, .a3s, .go, .g3, .hP, .brc, .aZo, .aCi, .gb_A, .gb_logo';
        const found: string[] = [];
        for (const element of document.body.querySelectorAll('*')) {
          if (element.closest(data)) continue;
          for (const name of ['aria-label', 'data-tooltip', 'title', 'placeholder']) found.push(element.getAttribute(name) ?? '');
          for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE) found.push(node.textContent!.trim());
        }
        return found.filter((label) => /\p{L}/u.test(label));
      });
    /** The list, then a thread with the reply box and the compose window open: labels and hooks. */
    async function survey(query: string) {
      const page = await openMailbox(query);
      const rows = await readRows(page);
      const title = await page.title();
      const listLabels = await readLabels(page);
      await navigate(page, `#inbox/${nordwind.legacyId}`);
      const threadLabels = await readLabels(page);
      await page.locator('div[role=main] .amn .bkH').click();
      await page.locator('.T-I-KE[role=button]').click();
      const thread = await page.evaluate(() => ({
        heading: [...document.querySelectorAll('h2.hP')].map((h) => [h.getAttribute('data-legacy-thread-id'), h.getAttribute('data-thread-perm-id')]),
        messages: [...document.querySelectorAll('div.adn')].map((m) => [m.getAttribute('data-message-id'), m.getAttribute('data-legacy-message-id')]),
        people: [...document.querySelectorAll('span.gD, span.g2, div.M9 [data-hovercard-id]')].map((p) => [p.className, p.getAttribute('email'), p.getAttribute('name')]),
        composes: document.querySelectorAll('div[role=dialog] div.aoO[role=button], div.M9 div.aoO[role=button]').length,
      }));
      const labels = [...new Set([...listLabels, ...threadLabels, ...(await readLabels(page))])];
      await page.close();
      const hookRows = rows.map(({ people, ...row }) => ({ ...row, people: people.map(({ text: _text, ...person }) => person) }));
      return { title, labels, hooks: { rows: hookRows, thread } };
    }

    // Four pages at once: loading is mostly waiting on intercepted requests.
    const [english, ...others] = await Promise.all(['', '?hl=ru', '?hl=th', '?hl=zh'].map(survey));
    if (!english) throw new Error('no English survey');
    expect(english.labels).toEqual(expect.arrayContaining(['Inbox', 'Compose', 'Reply', 'Send', 'Older', 'Newer', 'New Message']));
    expect(english.hooks.thread.composes).toBe(2);
    // User-made label names and the product name are not translated, in Gmail either.
    const neutral = new Set(['Gmail', 'Clients']);
    const inbox = { ru: 'Входящие', th: 'กล่องจดหมาย', zh: '收件箱' };
    for (const [index, [language, word]] of Object.entries(inbox).entries()) {
      const other = others[index]!;
      expect(other.title).toMatch(new RegExp(`^${word} \\(\\d+\\) - rep@example\\.com - Gmail$`));
      expect(other.labels).toContain(word);
      expect(other.labels.filter((label) => english.labels.includes(label) && !neutral.has(label)), language).toEqual([]);
      expect(other.hooks, language).toEqual(english.hooks);
    }
  });

  it('shows hostile names, subjects and addresses as inert text', async () => {
    const hostile = byKey('hostile');
    const page = await openMailbox();
    const row = (await readRows(page)).find((candidate) => candidate.legacyThreadId === hostile.legacyId);
    expect(row?.subject).toBe('<script>window.__pwned=2</script>Pricing');
    expect(row?.people.map((person) => [person.email, person.name])).toEqual([
      ['quotes@quickquote.example', '<img src=x onerror="window.__pwned=1">'],
      ['javascript:alert(1)', 'Auto Forwarder'],
    ]);
    await navigate(page, `#inbox/${hostile.legacyId}`);
    // The payloads are on screen as text, so rendering is done; no element was made of them, so
    // none can still run (an img's onerror needs an img).
    expect(await page.locator('div[role=main] .a3s').first().textContent()).toContain('<img src=x onerror="window.__pwned=3">');
    expect(await page.evaluate(() => ({ pwned: (window as unknown as DemoWindow).__pwned, markup: document.querySelectorAll('body img, body script, body a[href^="javascript"]').length }))).toEqual({
      pwned: undefined,
      markup: 0,
    });
    await page.close();
  });

  it('serves only its own files, answers 404 elsewhere, and never requests another host', async () => {
    const page = await openMailbox();
    const statuses = await page.evaluate(async () => {
      const paths = ['/demo-mailbox/app.js', '/demo-mailbox/style.css', '/demo-mailbox/serve.mjs', '/demo-mailbox/missing.js', '/mail/u/1/#inbox', '/elsewhere'];
      return Promise.all(paths.map(async (path) => {
        const response = await fetch(path);
        return [path, response.status, response.headers.get('content-type')?.split(';')[0]];
      }));
    });
    expect(statuses).toEqual([
      ['/demo-mailbox/app.js', 200, 'text/javascript'],
      ['/demo-mailbox/style.css', 200, 'text/css'],
      ['/demo-mailbox/serve.mjs', 404, 'text/plain'],
      ['/demo-mailbox/missing.js', 404, 'text/plain'],
      ['/mail/u/1/#inbox', 200, 'text/html'],
      ['/elsewhere', 404, 'text/plain'],
    ]);
    await page.close();
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
