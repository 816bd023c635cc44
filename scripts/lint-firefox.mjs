// Runs Mozilla's addons-linter on the Firefox build and fails on any error (warnings are shown).
import linter from 'addons-linter';

const instance = linter.createInstance({
  config: { _: ['dist/firefox'], logLevel: 'fatal', stack: true, pretty: false, output: 'none', boring: true, selfHosted: false },
  runAsBinary: false,
});
const { summary, errors, warnings } = await instance.run();
for (const item of [...errors, ...warnings]) console.log(`${item._type}: ${item.code} ${item.file ?? ''} ${item.message}`);
console.log(`addons-linter: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notices} notices`);
process.exitCode = summary.errors === 0 ? 0 : 1;
