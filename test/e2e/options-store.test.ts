import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { command } from './extension';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;

/** The rep's browser speaks Russian: the message comes from that locale's file. */
const russian = JSON.parse(readFileSync('_locales/ru/messages.json', 'utf8')) as Record<string, { message: string }>;

beforeAll(async () => {
  browser = await launchWithExtension({ lang: 'ru' });
});
afterAll(async () => browser?.close());

it('the options page says the store cannot open instead of loading for ever, in the rep’s language', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  await command(page, 'settings.get', {});
  // A store left at a newer version than this build knows (e.g. after a downgrade) cannot be opened.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchbase', 99);
        open.onsuccess = () => (open.result.close(), resolve());
        open.onerror = () => reject(open.error);
      }),
  );
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('src/options/index.html'));
  const expected = russian.optionsStoreUnavailable!.message;
  await expect.poll(() => options.getByRole('alert').textContent(), { timeout: 20_000 }).toContain(expected);
  expect(await options.locator('[aria-busy="true"]').count()).toBe(0);
});
