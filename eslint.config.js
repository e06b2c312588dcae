// @ts-check
const js = require('@eslint/js')
const tseslint = require('typescript-eslint')
const reactHooks = require('eslint-plugin-react-hooks')

/** Files that may import 'electron': the thin shell at the edges. Nothing a unit test loads is listed. */
const ELECTRON_EDGE_FILES = [
  'electron/main/index.ts',
  'electron/main/window.ts',
  'electron/main/security.ts',
  'electron/main/ipc/register-ipc.ts',
  'electron/main/printing/electron-printer.ts',
  'electron/main/electron-folder-chooser.ts',
  'electron/main/vault/safe-storage-protector.ts',
  'electron/preload/index.ts',
]

const noElectron = { name: 'electron', message: 'Only the Electron shell files may import electron (see eslint.config.js).' }
const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http'],
  message: 'No Node APIs here: this code runs in the renderer or must stay pure.',
}

module.exports = tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.cjs', 'eslint.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [nodeBuiltins, { group: ['**/electron/**'], message: 'The renderer talks to main only through the contract client.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'shared/ is pure.' }, { name: 'kysely' }, { name: 'better-sqlite3' }],
          patterns: [nodeBuiltins, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/ (and zod).' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    ignores: ELECTRON_EDGE_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    // SQL lives in electron/db only.
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'electron/web-preview/**/*.ts'],
    ignores: ELECTRON_EDGE_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            { name: 'better-sqlite3', message: 'Database access lives in electron/db.' },
            { name: 'kysely', importNames: ['sql'], message: 'SQL is written only in electron/db/repositories.' },
          ],
        },
      ],
    },
  },
)
