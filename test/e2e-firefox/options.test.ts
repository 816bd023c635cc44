// The options page in real Firefox: a backup exported through Firefox's own download, the store
// deleted, the same file chosen in the file picker and imported after its summary: every prospect,
// touch and setting comes back as it was.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, launch, openExtensionPage, until, type Launched } from './firefox';

const REP = 'rep@example.com';
const DAY = 86_400_000;
const downloads = mkdtempSync(join(tmpdir(), 'touchbase-firefox-downloads-'));
let firefox: Launched;
let options: Page;

beforeAll(async () => {
  firefox = await launch({
    // Downloads go straight to a folder the test reads, with no dialog.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
  });
  options = await openExtensionPage(firefox.browser, firefox.extensionUrl('src/options/index.html'));
  for (const [index, person] of [{ email: 'ann@acme.test', name: 'Ann Acme' }, { email: 'bo@beta.test', name: 'Bo Beta' }].entries()) {
    const prospect = await command(options, 'prospect.create', { ...person, mailbox: REP, company: 'Acme', notes: ' first line\n  indented ' });
    await command(options, 'touch.log', { prospectId: prospect.id, channel: 'phone', direction: 'outbound', source: 'manual', note: ' left a voicemail ', at: Date.now() - (index + 2) * DAY });
  }
});
afterAll(async () => {
  await firefox?.close();
  rmSync(downloads, { recursive: true, force: true });
});

function readAll(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ prospects: { id: string }[]; touches: { id: string }[]; settings: unknown[] }>((resolve, reject) => {
        const open = indexedDB.open('touchbase');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['prospects', 'touches', 'settings']);
          const [p, t, s] = [tx.objectStore('prospects').getAll(), tx.objectStore('touches').getAll(), tx.objectStore('settings').getAll()];
          tx.oncomplete = () => {
            open.result.close();
            const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
            resolve({ prospects: [...p.result].sort(byId), touches: [...t.result].sort(byId), settings: s.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function clickByName(page: Page, name: string): Promise<void> {
  const element = await until(() => page.$(`::-p-aria(${name})`), `"${name}" on the page`);
  await element.click();
}

describe('options in Firefox', () => {
  it('exports a backup through a real download and imports it back after delete-all, field for field', async () => {
    const before = await readAll(options);
    expect([before.prospects.length, before.touches.length]).toEqual([2, 2]);

    await clickByName(options, 'Export backup');
    const file = await until(async () => readdirSync(downloads).find((name) => name.endsWith('.json') && !name.endsWith('.part')) ?? null, 'the downloaded backup');
    const text = await until(async () => {
      const content = readFileSync(join(downloads, file), 'utf8');
      try {
        return JSON.parse(content) && content;
      } catch {
        return null; // still being written
      }
    }, 'the whole backup file');
    expect(JSON.parse(text)).toMatchObject({ format: 'touchbase-backup', version: 1 });

    await command(options, 'data.deleteAll', {});
    expect((await readAll(options)).prospects).toEqual([]);

    const input = await until(() => options.$('input[type=file][accept*="json"]'), 'the backup file input');
    await input.uploadFile(join(downloads, file));
    await clickByName(options, 'Import');
    await until(async () => ((await readAll(options)).touches.length === 2 ? true : null), 'the imported touches');
    await until(() => options.evaluate(() => [...document.querySelectorAll('[role=status]')].some((el) => /imported: 2 new/.test(el.textContent ?? ''))), 'the import outcome');
    expect(await readAll(options)).toEqual(before);
  });
});
