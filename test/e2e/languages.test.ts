import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { DEMO_MAILBOX_URL, DEMO_PROSPECTS, DEMO_REP, serveDemoMailbox, threads } from '../demo-mailbox/serve.mjs';
import { seedDemoProspects } from '../demo-mailbox/seed.mjs';
import { command } from './extension';
import { rowStates } from './gmail';
import { inContent } from './closedRoots';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched | undefined;
afterAll(async () => browser?.close());

/** The translations as shipped, so the test follows wording changes but fails on English or key names. */
function messages(locale: string): (key: string) => string {
  const file = JSON.parse(readFileSync(`_locales/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  return (key) => {
    const text = file[key]?.message;
    if (!text) throw new Error(`${locale} lacks ${key}`);
    return text;
  };
}

const cases = [
  // Thai: one plural form; no space between the unit and "ที่ผ่านมา".
  { lang: 'th', locale: 'th', ago: 'ติดต่อล่าสุด 4 วันที่ผ่านมา' },
  // Russian: "2 касания" needs the "few" form, "5 дней" the "many" one.
  { lang: 'ru', locale: 'ru', ago: 'последнее касание 4 дня назад' },
];

describe.each(cases)('the product in $lang', ({ lang, locale, ago }) => {
  it('shows the popup and the Gmail chips in the language, with matching plurals and dates', async () => {
    const m = messages(locale);
    const touches = (n: number) => m(`touchCount_${new Intl.PluralRules(locale).select(n)}`).replace('$COUNT$', String(n));
    browser = await launchWithExtension({ lang });
    try {
      await serveDemoMailbox(browser.context);
      const popup = await browser.context.newPage();
      await popup.goto(browser.extensionUrl('src/popup/index.html'));
      await seedDemoProspects(popup);
      // A sender in the inbox nobody tracks yet becomes a Proposal with three touches ("few" in Russian).
      const sender = threads.find((thread) => thread.labels.includes('inbox') && thread.messages[0]!.from.email !== DEMO_REP && !/[<>]/.test(thread.messages[0]!.from.name)
        && !DEMO_PROSPECTS.some((p) => p.email === thread.messages[0]!.from.email || p.threadIds.includes(thread.legacyId)))!.messages[0]!.from;
      const { id } = await command(popup, 'prospect.create', { email: sender.email, name: sender.name, mailbox: DEMO_REP, stageId: 'proposal' });
      const gmail = await browser.context.newPage();
      await gmail.goto(`${DEMO_MAILBOX_URL}?hl=${lang}#inbox`);
      const chipOf = async (prospectId: string) => (await rowStates(gmail)).flatMap((row) => row.chips).find((chip) => chip.prospectId === prospectId);
      await expect.poll(async () => (await chipOf(id))?.label ?? '', { timeout: 15_000 }).toContain(m('stage_proposal'));
      for (const days of [9, 6, 4]) await command(popup, 'touch.log', { prospectId: id, channel: 'phone', direction: 'outbound', source: 'manual', note: '', at: Date.now() - days * 86_400_000 });

      // The chip follows the change, in the language: translated stage, plural form for the new count.
      await expect.poll(async () => (await chipOf(id))?.label ?? '', { timeout: 15_000 }).toContain(touches(3));
      expect((await chipOf(id))?.label).toContain(m('stage_proposal'));

      await popup.goto(browser.extensionUrl('src/popup/index.html'));
      await popup.getByRole('heading', { level: 1, name: m('popupTitle') }).waitFor();
      expect(await popup.locator('html').getAttribute('lang')).toBe(locale);
      const body = (await popup.locator('main').textContent()) ?? '';
      expect(body).toContain(m('stage_proposal'));
      expect(body).toContain(touches(3));
      expect(body).toContain(ago); // the whole phrase from Intl.RelativeTimeFormat in the language of the text
      expect(body).not.toMatch(/\b(days?|touches|Overdue|Today|Next 7 days)\b/); // no English left over

      // A refusal from the background reads in the language too: the reply carries the problem, not only English text.
      await popup.getByRole('button', { name: m('view_add') }).click();
      const form = popup.getByRole('form', { name: m('addTitle') });
      await form.getByRole('textbox', { name: m('fieldEmail'), exact: true }).fill(sender.email);
      await form.getByRole('button', { name: m('addSubmit') }).click();
      const refusal = m('problem_alreadyTrackedAs').replace('$EMAIL$', sender.email).replace('$NAME$', sender.name);
      await expect.poll(() => popup.getByRole('alert').textContent()).toBe(refusal);
    } finally {
      await browser.close();
      browser = undefined;
    }
  });
});

/**
 * Every surface fits in every language. The popup is 400 px wide: its header (title, the three
 * tabs, help and settings) must stay on one line, with no label cut or pushed out of it. A Gmail
 * chip must stay within CHIP_LIMIT_PX: the stage name is cut short past STAGE_LIMIT_PX (CHIP_CSS;
 * the accessible name and tooltip keep it whole), and the count and due words are kept short per
 * language. The limit is English's widest chip (241 px in the fonts of the test machine) plus about
 * a tenth; widths depend on the fonts installed, so they are measured, not computed.
 */
const CHIP_LIMIT_PX = 270;
const STAGE_LIMIT_PX = 90;
const DAY = 86_400_000;

const everyLanguage = [
  { lang: 'en', locale: 'en' },
  { lang: 'id', locale: 'id' },
  { lang: 'el', locale: 'el' },
  { lang: 'th', locale: 'th' },
  { lang: 'ru', locale: 'ru' },
  { lang: 'zh-CN', locale: 'zh_CN' },
  { lang: 'zh-TW', locale: 'zh_TW' },
];

const STAGES = ['new', 'contacted', 'qualified', 'meeting', 'proposal', 'negotiation', 'won', 'nurture', 'lost'];

/**
 * The due states with the longest words, each reached the same way whatever the day: overdue by
 * two-digit days (a touch 40 days ago, against cadences of a few days), next in two-digit days
 * (snoozed 25 days ahead), waiting on me (their message 4 days ago), decision needed (six
 * unanswered touches over 70 days).
 */
const DUE_STATES = ['overdue', 'later', 'reply', 'decision'] as const;

type DueState = (typeof DUE_STATES)[number];

/** Every stage once, and the stage with the longest name in every due state. */
function layoutCases(m: (key: string) => string): (readonly [string, DueState])[] {
  const longest = STAGES.reduce((a, b) => (m(`stage_${b}`).length > m(`stage_${a}`).length ? b : a));
  return [...STAGES.filter((stage) => stage !== longest).map((stage) => [stage, 'overdue'] as const), ...DUE_STATES.map((state) => [longest, state] as const)];
}

describe.each(everyLanguage)('the layout in $lang', ({ lang, locale }) => {
  it('keeps the popup header on one line and every chip within its width', { timeout: 120_000 }, async () => {
    const m = messages(locale);
    browser = await launchWithExtension({ lang });
    try {
      await serveDemoMailbox(browser.context);
      const popup = await browser.context.newPage();
      await popup.goto(browser.extensionUrl('src/popup/index.html'));
      await popup.getByRole('heading', { level: 1, name: m('popupTitle') }).waitFor();
      const header = await popup.evaluate(() => {
        const problems: string[] = [];
        const box = document.querySelector('header')!.getBoundingClientRect();
        for (const node of document.querySelectorAll<HTMLElement>('header h1, header button')) {
          const name = node.getAttribute('aria-label') ?? node.textContent ?? '';
          const rect = node.getBoundingClientRect();
          if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) problems.push(`${name} sticks out of the header (${rect.left}–${rect.right} in ${box.left}–${box.right})`);
          if (node.scrollWidth > node.clientWidth) problems.push(`${name} is cut (${node.scrollWidth} px in ${node.clientWidth})`);
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = new Set([...range.getClientRects()].map((line) => Math.round(line.top)));
          if (lines.size > 1) problems.push(`${name} wraps onto ${lines.size} lines`);
        }
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth) problems.push('the popup scrolls sideways');
        return problems;
      });
      expect(header).toEqual([]);

      const gmail = await browser.context.newPage();
      await gmail.goto(`${DEMO_MAILBOX_URL}?hl=${lang}#inbox`);
      await expect.poll(async () => (await rowStates(gmail)).length, { timeout: 15_000 }).toBeGreaterThan(layoutCases(m).length);
      // Senders of rows on screen, one prospect each: every stage in every due state.
      // (The demo inbox also holds hostile senders, which Touchbase rightly refuses to track.)
      // Only rows with one other party: a row shared by two tracked people shows one chip of the two.
      // Only senders of read rows: an unread row of a tracked sender is read as their reply (one more
      // touch, "unread" on the chip), which is not what these cases set up.
      const rows = await rowStates(gmail);
      const onUnreadRows = new Set(rows.filter((row) => row.unread).flatMap((row) => row.emails));
      const others = rows.filter((row) => !row.unread).map((row) => row.emails.filter((email) => email !== DEMO_REP.toLowerCase()));
      const senders = [...new Set(others.filter((emails) => emails.length === 1).flat())].filter((email) => !onUnreadRows.has(email) && /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(email));
      expect(senders.length).toBeGreaterThanOrEqual(layoutCases(m).length);
      const now = Date.now();
      const created: { id: string; stageId: string }[] = [];
      for (const [index, [stageId, state]] of layoutCases(m).entries()) {
        const email = senders[index]!;
        const { id } = await command(popup, 'prospect.create', { email, name: email, mailbox: DEMO_REP, stageId, ...(state === 'later' ? { snoozedUntil: now + 25 * DAY } : {}) });
        const touch = (direction: 'inbound' | 'outbound', daysAgo: number) =>
          command(popup, 'touch.log', { prospectId: id, channel: 'email', direction, source: 'manual', note: '', at: now - daysAgo * DAY });
        if (state === 'overdue') await touch('outbound', 40);
        if (state === 'reply') await touch('inbound', 4);
        if (state === 'decision') for (const daysAgo of [70, 60, 50, 40, 30, 20]) await touch('outbound', daysAgo);
        created.push({ id, stageId });
      }
      const ids = created.map((prospect) => prospect.id);

      const chipSizes = () =>
        inContent(gmail, (open) =>
          [...document.querySelectorAll('[data-touchbase="chip"]')].map((host) => {
            const chip = open(host)!.querySelector<HTMLElement>('.chip')!;
            const stage = chip.querySelector<HTMLElement>('.stage')!;
            return { id: host.getAttribute('data-prospect-id') ?? '', label: chip.getAttribute('aria-label') ?? '', text: chip.textContent ?? '', width: chip.getBoundingClientRect().width, stage: stage.getBoundingClientRect().width };
          }),
        undefined);
      // Every prospect's chip is drawn with its last touch counted before anything is measured.
      const touchesOf = (state: DueState) => ({ overdue: 1, later: 0, reply: 1, decision: 6 })[state];
      const expected = layoutCases(m).map(([, state]) => touchesOf(state));
      await expect
        .poll(async () => {
          const drawn = new Map((await chipSizes()).map((chip) => [chip.id, chip.text]));
          return created.filter(({ id }, index) => !drawn.get(id)?.includes(` · ${expected[index]}`)).map(({ id, stageId }, index) => `${stageId}, ${expected[index]} touches: ${drawn.get(id) ?? 'no chip'}`);
        }, { timeout: 20_000 })
        .toEqual([]);

      const chips = (await chipSizes()).filter((chip) => ids.includes(chip.id));
      const tooWide = chips.filter((chip) => chip.width > CHIP_LIMIT_PX).map((chip) => `${Math.round(chip.width)} px: ${chip.text}`);
      expect(tooWide).toEqual([]);
      expect(chips.filter((chip) => chip.stage > STAGE_LIMIT_PX + 0.5).map((chip) => chip.text)).toEqual([]);
      // A stage cut short on screen is whole in the accessible name and the tooltip.
      const stageOf = new Map(created.map((prospect) => [prospect.id, m(`stage_${prospect.stageId}`)]));
      expect(chips.filter((chip) => !chip.label.startsWith(`${stageOf.get(chip.id)} · `)).map((chip) => chip.label)).toEqual([]);
    } finally {
      await browser.close();
      browser = undefined;
    }
  });
});
