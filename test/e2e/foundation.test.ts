import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Prospect } from '../../src/domain/types';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** Reads every prospect from the browser's real IndexedDB, from inside the service worker. */
function storedProspects(): Promise<Prospect[]> {
  return browser.worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('touchbase');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('prospects').objectStore('prospects').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

describe('the built extension in real Chromium', () => {
  it('starts its service worker with exactly the declared permissions', async () => {
    expect(browser.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/service-worker-loader\.js$/);
    const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.permissions).toEqual(['alarms', 'notifications']);
    expect(manifest.host_permissions).toEqual(['https://mail.google.com/*']);
  });

  it('writes a command sent from an extension page to IndexedDB, and the popup shows it', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('src/popup/index.html'));
    await page.getByText('Nothing due. Nice.').waitFor();

    const reply = await page.evaluate(() =>
      chrome.runtime.sendMessage({
        tag: 'touchbase/v1',
        name: 'prospect.create',
        payload: { email: 'Ana.Silva@Acme.test', mailbox: 'rep@example.com', name: 'Ana Silva', company: 'Acme', value: 12000, currency: 'EUR', snoozedUntil: Date.now() - 60_000 },
      }),
    );
    expect(reply).toMatchObject({ ok: true, value: { email: 'ana.silva@acme.test', stageId: 'new' } });

    const stored = await storedProspects();
    expect(stored.map((p) => p.email)).toEqual(['ana.silva@acme.test']);

    // The popup reads IndexedDB itself and refreshes on the change event.
    const item = page.getByRole('listitem').filter({ hasText: 'Ana Silva' });
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(() => item.textContent()).toContain('Acme');
    await page.close();
  });

  it('logs a touch in two clicks from the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('src/popup/index.html'));
    await page.getByRole('button', { name: 'Log touch: Ana Silva' }).click();
    await page.getByRole('button', { name: 'Phone' }).click();
    await page.getByRole('status').filter({ hasText: 'Touch logged' }).waitFor();
    const [prospect] = await storedProspects();
    expect(prospect).toMatchObject({ touchCount: 1, ballWith: 'them' });
    await page.close();
  });

  it('refuses a malformed command with a clear error and changes nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('src/popup/index.html'));
    const before = await storedProspects();
    const reply = await page.evaluate(() =>
      chrome.runtime.sendMessage({ tag: 'touchbase/v1', name: 'prospect.create', payload: { email: '<img src=x onerror=alert(1)>', mailbox: '' } }),
    );
    expect(reply).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('is not a valid email address') });
    expect(await storedProspects()).toEqual(before);
    await page.close();
  });

  it('offers no message channel to web pages on mail.google.com', async () => {
    const page = await browser.context.newPage();
    await browser.context.route('https://mail.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Inbox</title><p>hi</p>' }),
    );
    await page.goto('https://mail.google.com/mail/u/0/');
    // Without externally_connectable, page scripts have no runtime to send through.
    const canSend = await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);
    expect(canSend).toBe('undefined');
    await page.close();
  });
});
