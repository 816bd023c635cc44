import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { DEMO_MAILBOX_URL, DEMO_PROSPECTS, DEMO_REP, serveDemoMailbox, threads } from '../demo-mailbox/serve.mjs';
import { seedDemoProspects } from '../demo-mailbox/seed.mjs';
import { command } from './extension';
import { rowStates } from './gmail';

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
