// `npm start`: builds the extension and opens it in a visible Chromium on the demo mailbox — a
// Gmail-like inbox served at https://mail.google.com by request interception — with sample
// prospects in every stage, so every chip and card state shows without a Gmail account.
// Close the browser window to stop. The profile lives in .profile/ (delete it to start afresh).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEMO_MAILBOX_URL, serveDemoMailbox } from '../test/demo-mailbox/serve.mjs';
import { seedDemoProspects } from '../test/demo-mailbox/seed.mjs';
import { launchWithExtension } from './chromium.mjs';

execFileSync('node', ['scripts/build.mjs', 'chrome'], { stdio: 'inherit' });
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  console.error('No display found (DISPLAY is not set). Run `npm start` on a desktop, or under `xvfb-run npm start`.');
  process.exit(1);
}
const firstRun = !existsSync('.profile');
const browser = await launchWithExtension({ headless: false, viewport: null, profile: '.profile' });
await serveDemoMailbox(browser.context);
if (firstRun) {
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  const seeded = await seedDemoProspects(popup);
  console.log(`Tracked ${seeded.length} sample prospects.`);
  await popup.close();
}
const inbox = browser.context.pages()[0] ?? (await browser.context.newPage());
await inbox.goto(`${DEMO_MAILBOX_URL}#inbox`);
console.log(`Touchbase is running on the demo mailbox (${DEMO_MAILBOX_URL}). Close the browser window to stop.`);
await new Promise((resolve) => browser.context.on('close', resolve));
