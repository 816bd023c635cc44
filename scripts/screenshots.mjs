// Renders the README's screenshots from the demo mailbox in headless Chromium:
// docs/images/inbox-chips.png, thread-card.png (compact), thread-card-open.png (More open),
// popup-light.png, popup-dark.png.
// Run after `npm run build`: node scripts/screenshots.mjs
import { DEMO_MAILBOX_URL, DEMO_PROSPECTS, serveDemoMailbox } from '../test/demo-mailbox/serve.mjs';
import { seedDemoProspects } from '../test/demo-mailbox/seed.mjs';
import { launchWithExtension } from './chromium.mjs';

const browser = await launchWithExtension({ viewport: { width: 1280, height: 760 } });
try {
  await serveDemoMailbox(browser.context);
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  await seedDemoProspects(popup);

  const gmail = await browser.context.newPage();
  await gmail.goto(`${DEMO_MAILBOX_URL}#inbox`);
  await gmail.locator('[data-touchbase="chip"]').first().waitFor();
  await gmail.waitForTimeout(300);
  await gmail.screenshot({ path: 'docs/images/inbox-chips.png', clip: { x: 0, y: 0, width: 1280, height: 560 } });

  const proposal = DEMO_PROSPECTS.find((p) => p.stageId === 'negotiation') ?? DEMO_PROSPECTS[0];
  await gmail.goto(`${DEMO_MAILBOX_URL}#inbox/${proposal.threadIds[0]}`);
  await gmail.locator('[data-touchbase="card"]').waitFor();
  await gmail.waitForTimeout(300);
  await gmail.screenshot({ path: 'docs/images/thread-card.png', clip: { x: 0, y: 0, width: 1280, height: 760 } });
  // The rep's choice to keep the card open, as the card's More control stores it; the next card opens so.
  await popup.evaluate(() => globalThis.chrome.runtime.sendMessage({ tag: 'touchbase/v1', name: 'settings.cardOpen', payload: { open: true } }));
  await gmail.reload();
  await gmail.locator('[data-touchbase="card"]').waitFor();
  await gmail.waitForTimeout(300);
  await gmail.screenshot({ path: 'docs/images/thread-card-open.png', clip: { x: 0, y: 0, width: 1280, height: 760 } });

  for (const scheme of ['light', 'dark']) {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(browser.extensionUrl('src/popup/index.html'));
    await page.locator('li').first().waitFor();
    await page.screenshot({ path: `docs/images/popup-${scheme}.png` });
  }
  console.log('wrote docs/images/*.png');
} finally {
  await browser.close();
}
