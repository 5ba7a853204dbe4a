// Lint config. The folder boundaries from docs/ARCHITECTURE.md are enforced here:
// dependencies point one way (ui → domain/db/pdf/sync/i18n/pwa, sync → db/crypto/domain/shared,
// db → domain, server → shared).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const noUi = { group: ['**/ui/*', '**/ui/**'], message: 'Nothing imports ui/.' };
const noApp = { group: ['**/app/*', '**/app/**'], message: 'Nothing imports app/.' };
const noDexie = { group: ['dexie', 'dexie/*'], message: 'Only src/db imports dexie.' };
const noPreact = { group: ['preact', 'preact/*'], message: 'Only ui/ and app/ render.' };
const noI18n = { group: ['**/i18n/**', 'i18next'], message: 'Report codes; ui/ translates.' };
const noDb = { group: ['**/db/*', '**/db/**'], message: 'Go through the repositories from ui/.' };

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'node_modules',
      'test-results',
      'playwright-report',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict([
      noUi,
      noApp,
      noDexie,
      noPreact,
      noDb,
      { group: ['**/i18n/**', 'i18next'], message: 'domain is pure.' },
    ]),
  },
  { files: ['src/db/**'], rules: restrict([noUi, noApp, noPreact]) },
  {
    // The form engine is pure over bytes and runs in the browser and in Node (CLI, tests).
    files: ['src/pdf/**', 'src/crypto/**'],
    rules: restrict([noUi, noApp, noDexie, noPreact, noDb, noI18n]),
  },
  // The form engine's Web Worker: runs src/pdf off the page's thread; no UI, no storage.
  { files: ['src/worker/**'], rules: restrict([noUi, noApp, noDexie, noPreact, noDb, noI18n]) },
  // Sync reports codes, never UI text.
  { files: ['src/sync/**'], rules: restrict([noUi, noApp, noPreact, noI18n]) },
  { files: ['src/i18n/**'], rules: restrict([noUi, noApp, noDexie, noDb]) },
  { files: ['src/pwa/**'], rules: restrict([noUi, noApp, noDexie, noDb]) },
  { files: ['src/shared/**'], rules: restrict([noUi, noApp, noDexie, noPreact, noDb]) },
  { files: ['src/ui/**'], rules: restrict([noApp, noDexie]) },
  {
    files: ['src/server/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([
      noUi,
      noApp,
      noDexie,
      noPreact,
      noDb,
      {
        group: ['**/domain/**', '**/i18n/**', '**/pwa/**'],
        message: 'The server imports only src/shared.',
      },
    ]),
  },
  {
    files: ['tests/**', 'scripts/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
