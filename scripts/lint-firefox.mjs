// Runs Mozilla's addons-linter on the Firefox build. It fails on any error, and on any warning that
// is not explained below (README, "Firefox": what addons-linter reports and why it stays).
import linter from 'addons-linter';

/** Warnings that stay, each with the reason it is harmless; matched on code and file. */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^assets\/jsxRuntime\.module-[\w-]+\.js$/,
    why: "preact's renderer, for dangerouslySetInnerHTML, which no Touchbase component uses (lint forbids it)",
  },
];

const instance = linter.createInstance({
  config: { _: ['dist/firefox'], logLevel: 'fatal', stack: true, pretty: false, output: 'none', boring: true, selfHosted: false },
  runAsBinary: false,
});
const { summary, errors, warnings } = await instance.run();
for (const item of errors) console.log(`error: ${item.code} ${item.file ?? ''} ${item.message}`);
const unexplained = [];
for (const item of warnings) {
  const known = EXPLAINED.find((entry) => entry.code === item.code && entry.file.test(item.file ?? ''));
  console.log(`warning: ${item.code} ${item.file ?? ''} ${item.message}${known ? ` (explained: ${known.why})` : ' (NOT EXPLAINED)'}`);
  if (!known) unexplained.push(item.code);
}
console.log(`addons-linter: ${summary.errors} errors, ${summary.warnings} warnings (${unexplained.length} not explained), ${summary.notices} notices`);
process.exitCode = summary.errors === 0 && unexplained.length === 0 ? 0 : 1;
