// `npm start`: builds the extension and opens it in a visible Chromium with a fresh profile,
// showing the popup page. Close the browser window to stop.
import { execFileSync } from 'node:child_process';
import { launchWithExtension } from './chromium.mjs';

execFileSync('node', ['scripts/build.mjs', 'chrome'], { stdio: 'inherit' });
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  console.error('No display found (DISPLAY is not set). Run `npm start` on a desktop, or under `xvfb-run npm start`.');
  process.exit(1);
}
const browser = await launchWithExtension({ headless: false, viewport: null, profile: '.profile' });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(browser.extensionUrl('src/popup/index.html'));
console.log(`Touchbase ${browser.extensionId} is running. Close the browser window to stop.`);
await new Promise((resolve) => browser.context.on('close', resolve));
