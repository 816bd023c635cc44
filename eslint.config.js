// Lint rules, and the architecture as import zones (docs/architecture.md#contexts-and-boundaries): the domain is pure, the
// store knows no extension API, and the execution contexts (background, content, popup,
// options) never import each other. A violation is a lint error, so CI keeps the shape.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const contexts = ['background', 'content', 'popup', 'options'];
const browserGlobals = ['chrome', 'browser', 'window', 'document', 'indexedDB', 'localStorage', 'fetch'];

/** Forbid importing these src/ folders (by any relative path) and these packages. */
function zone(files, { folders = [], packages = [], globals = [] }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...folders.map((folder) => ({ group: [`**/${folder}`, `**/${folder}/**`], message: `this layer must not import src/${folder}` })),
            ...packages.map((name) => ({ group: [name, `${name}/**`], message: `this layer must not depend on ${name}` })),
          ],
        },
      ],
      'no-restricted-globals': ['error', ...globals.map((name) => ({ name, message: `this layer must not use ${name}` }))],
    },
  };
}

const others = (self) => contexts.filter((context) => context !== self);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', '.profile/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page data must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'build DOM nodes; never assign markup' },
        { property: 'outerHTML', message: 'build DOM nodes; never assign markup' },
        { property: 'insertAdjacentHTML', message: 'build DOM nodes; never assign markup' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'never render raw markup' },
        { selector: "CallExpression[callee.name='eval']", message: 'no eval' },
        { selector: "NewExpression[callee.name='Function']", message: 'no runtime code' },
      ],
    },
  },
  zone(['src/domain/**'], {
    folders: ['store', 'messaging', 'platform', 'ui', ...contexts],
    packages: ['webextension-polyfill', 'idb', 'preact'],
    globals: browserGlobals,
  }),
  zone(['src/messaging/**'], { folders: ['store', 'platform', 'ui', ...contexts], packages: ['webextension-polyfill', 'idb', 'preact'], globals: browserGlobals }),
  zone(['src/store/**'], { folders: ['platform', 'ui', ...contexts], packages: ['webextension-polyfill', 'preact'], globals: ['chrome', 'browser', 'window', 'document'] }),
  zone(['src/platform/**'], { folders: ['store', 'ui', ...contexts] }),
  zone(['src/ui/**'], { folders: ['store', ...contexts], packages: ['webextension-polyfill', 'idb'] }),
  zone(['src/background/**'], { folders: [...others('background'), 'ui'], packages: ['preact'] }),
  // Content scripts run in Gmail's origin: they cannot see our IndexedDB, so they never import the store.
  zone(['src/content/**'], { folders: [...others('content'), 'store'], packages: ['idb'] }),
  zone(['src/popup/**'], { folders: others('popup') }),
  zone(['src/options/**'], { folders: others('options') }),
  {
    files: ['scripts/**', 'test/**', '*.config.*'],
    // Node scripts and tests; page.evaluate callbacks in them run in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
