import { afterAll, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { command, writeRecords } from '../e2e/extension';
import { seedPopupStore, TOUCHES_PER_PROSPECT } from './popupSeed';
import { ms, stats, table, writeSection } from './report';

const SIZES = [1_000, 10_000, 100_000];
const rows: (string | number)[][] = [];

afterAll(() => {
  writeSection(
    '4-popup',
    'Popup and due queries',
    `Prospects with follow-ups spread over the past 30 and the next 365 days, ${TOUCHES_PER_PROSPECT} touches each (100,000 touches at 10,000 prospects). *Paint* is the popup script's start → the end of the first frame that shows the due list (its top ten items: a 600 px popup shows about six), *from navigation* the same from the page's navigation start (browser overhead included), *whole first page* the frame after it, which adds the rest of each section's first page below the fold; medians of 5 openings, with the bench's hands off the page while it opens. The first paint needs only the *first-page read* (today and the next 7 days in full, and the 64 earliest past-due prospects: sections rank by days overdue first, so whole days read are final — see src/domain/firstPage.ts); the *full due query* (the dueAt index up to the end of the upcoming week) follows it and fills in counts and "Show more"; *raw read* is that full range read with plain IndexedDB (the floor). Each section shows 8 items until "Show more".\n\n` +
      table(['prospects', 'touches', 'due in the window', 'paint', 'from navigation', 'whole first page', 'first-page read', 'full due query', 'raw read'], rows),
  );
});

for (const size of SIZES) {
  it(`popup with ${size} prospects`, async () => {
    const browser = await launchWithExtension();
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(browser.extensionUrl('src/popup/index.html'));
      await command(page, 'settings.get', {});
      const inWindow = await seedPopupStore(size, (records) => writeRecords(page, records));
      const paints: number[] = [];
      const pages: number[] = [];
      const heads: number[] = [];
      const queries: number[] = [];
      const raws: number[] = [];
      const navigations: number[] = [];
      for (let run = 0; run < 6; run++) {
        await page.goto(browser.extensionUrl('src/popup/index.html'));
        // Hands off while the popup opens: a Playwright call now would inject its helper script
        // into the page (about 12 ms of main-thread work no rep's popup pays) and skew the paint.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        // The full read follows the first paint; wait for both.
        await page.waitForFunction(() => ['touchbase:page-painted', 'touchbase:due-query'].every((name) => performance.getEntriesByName(name).length > 0), undefined, { timeout: 60_000 });
        const [paint, wholePage, head, query, opened] = await page.evaluate(() => {
          const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
          return [
            at('touchbase:due-painted') - at('touchbase:popup-start'),
            at('touchbase:page-painted') - at('touchbase:popup-start'),
            performance.getEntriesByName('touchbase:due-head-query')[0]!.duration,
            performance.getEntriesByName('touchbase:due-query')[0]!.duration,
            at('touchbase:due-painted'),
          ];
        });
        if (run > 0) navigations.push(opened);
        if (run > 0) pages.push(wholePage);
        const raw = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('touchbase');
              open.onsuccess = () => {
                const started = performance.now();
                const midnight = new Date();
                midnight.setHours(0, 0, 0, 0);
                const horizon = midnight.getTime() + 8 * 86_400_000;
                const request = open.result.transaction('prospects').objectStore('prospects').index('byDueAt').getAll(IDBKeyRange.upperBound(horizon));
                request.onsuccess = () => (open.result.close(), resolve(performance.now() - started));
              };
            }),
        );
        if (run > 0) {
          paints.push(paint);
          heads.push(head);
          queries.push(query);
          raws.push(raw);
        }
      }
      rows.push([size.toLocaleString('en'), (size * TOUCHES_PER_PROSPECT).toLocaleString('en'), inWindow.toLocaleString('en'), ms(stats(paints).median), ms(stats(navigations).median), ms(stats(pages).median), ms(stats(heads).median), ms(stats(queries).median), ms(stats(raws).median)]);
    } finally {
      await browser.close();
    }
  });
}
