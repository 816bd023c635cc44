// Builds the Chrome (MV3 service worker) and Firefox (background scripts) extensions from one
// source into dist/chrome and dist/firefox. `node scripts/build.mjs chrome` builds just one.
import { build } from 'vite';

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const target of targets) {
  if (!['chrome', 'firefox'].includes(target)) throw new Error(`unknown target "${target}" (chrome or firefox)`);
  process.env.TOUCHBASE_TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log(`built dist/${target}`);
}
