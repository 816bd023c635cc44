// The popup's paint in real Firefox beside Chromium, measured the same way in one run (as in
// popup.bench.ts): the popup's own performance marks, 10,000 prospects and 100,000 touches,
// medians of 5 openings after a warm-up, the bench's hands off the page while it opens. Each
// Firefox the tests use is measured (ESR 140 and the current ESR). The annotation bench has no Firefox column: its main-thread figure
// is Chromium's DevTools `TaskDuration`, which WebDriver BiDi does not offer.
import { afterAll, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { ensureFirefox, FIREFOX_VERSIONS, launchFirefoxWithExtension } from '../../scripts/firefox.mjs';
import { command, putRecords } from '../e2e/extension';
import { command as firefoxCommand, openExtensionPage } from '../e2e-firefox/firefox';
import { seedPopupStore, TOUCHES_PER_PROSPECT } from './popupSeed';
import { ms, stats, table, writeSection } from './report';

const SIZE = 10_000;
const rows: (string | number)[][] = [];

afterAll(() => {
  writeSection(
    '5-popup-firefox',
    'Popup in Chromium and Firefox',
    `The same store and measure as *Popup and due queries*, in Chromium and in each Firefox the tests run, in one run: ${SIZE.toLocaleString('en')} prospects, ${(SIZE * TOUCHES_PER_PROSPECT).toLocaleString('en')} touches; *paint* is the popup script's start → the end of the first frame showing the due list, *whole first page* the frame after it; medians of 5 openings after a warm-up. Gmail annotation is not measured in Firefox: its main-thread figure comes from Chromium's DevTools protocol, which Firefox's WebDriver BiDi does not offer.\n\n` +
      table(['browser', 'prospects', 'due in the window', 'paint', 'whole first page', 'first-page read', 'full due query'], rows),
  );
});

type Marks = [painted: number, pagePainted: number, start: number, head: number, query: number];

/** The popup's own marks once it has painted and run its full query, or null before. */
function readMarks(): Marks | null {
  const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
  const duration = (name: string) => performance.getEntriesByName(name)[0]?.duration;
  const values = [at('touchbase:due-painted'), at('touchbase:page-painted'), at('touchbase:popup-start'), duration('touchbase:due-head-query'), duration('touchbase:due-query')];
  return values.every((value) => value !== undefined) ? (values as Marks) : null;
}

/**
 * Opens the popup six times (the first a warm-up) and returns the row of medians. `open` loads
 * it afresh; `marks` reads readMarks() in it. The bench keeps its hands off for a second while it
 * opens, then polls the marks from here (Firefox 140's extension CSP refuses waitForFunction).
 */
async function measure(browserName: string, inWindow: number, open: () => Promise<void>, marks: () => Promise<Marks | null>): Promise<(string | number)[]> {
  const paints: number[] = [];
  const pages: number[] = [];
  const heads: number[] = [];
  const queries: number[] = [];
  for (let run = 0; run < 6; run++) {
    await open();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    let seen: Marks | null = null;
    for (let tries = 0; !seen && tries < 600; tries++) {
      seen = await marks();
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!seen) throw new Error('the popup did not report its paint');
    if (run === 0) continue;
    const [painted, pagePainted, start, head, query] = seen;
    paints.push(painted - start);
    pages.push(pagePainted - start);
    heads.push(head);
    queries.push(query);
  }
  return [browserName, SIZE.toLocaleString('en'), inWindow.toLocaleString('en'), ...[paints, pages, heads, queries].map((values) => ms(stats(values).median))];
}

/** Seeds through `evaluate(putRecords, records)` in an extension page of the browser. */
function seedWith(evaluate: (write: typeof putRecords, records: { prospects: object[]; touches: object[] }) => Promise<void>): Promise<number> {
  return seedPopupStore(SIZE, (records) => evaluate(putRecords, records));
}


// Chromium first, in the same run, for the side-by-side figures.
it(`popup with ${SIZE} prospects in Chromium`, async () => {
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    const url = browser.extensionUrl('src/popup/index.html');
    await page.goto(url);
    await command(page, 'settings.get', {});
    const inWindow = await seedWith((write, records) => page.evaluate(write, records));
    const version = (browser.context.browser()?.version() ?? '').split('.')[0];
    rows.push(await measure(`Chromium ${version}`, inWindow, async () => void (await page.goto(url)), () => page.evaluate(readMarks)));
  } finally {
    await browser.close();
  }
}, 600_000);

for (const version of FIREFOX_VERSIONS) {
  it(`popup with ${SIZE} prospects in Firefox ${version}`, async () => {
    const launched = await launchFirefoxWithExtension({ executablePath: ensureFirefox(version) });
    try {
      const url = launched.extensionUrl('src/popup/index.html');
      const page = await openExtensionPage(launched.browser, url);
      // The popup's size, set through BiDi itself: puppeteer's setViewport also sends a command ESR 140 lacks.
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      await (launched.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection.send('browsingContext.setViewport', { context, viewport: { width: 400, height: 600 } });
      await firefoxCommand(page, 'settings.get', {});
      const inWindow = await seedWith((write, records) => page.evaluate(write, records));
      rows.push(
        await measure(
          `Firefox ${launched.major}`,
          inWindow,
          async () => {
            await page.goto('about:blank');
            await openExtensionPage(launched.browser, url, page);
          },
          () => page.evaluate(readMarks),
        ),
      );
    } finally {
      await launched.close();
    }
  }, 600_000);
}
