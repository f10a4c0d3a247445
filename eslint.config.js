// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const globals = require('globals');

const nodeBuiltins = { group: ['node:*'], message: 'This folder must not use Node built-ins.' };
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only the thin Electron glue may import electron.',
};

/*
 * Layer rules. Import sources are matched as written: `up(names)` is a relative import that climbs
 * (`../`, `../../`, optionally through `main/`) into one of `names`; `here(names)` is a sibling of a
 * file at the root of src/main (`./services`). Anything under `shared/` never matches, so
 * `../../shared/wire/schemas` stays allowed where `../ondato` is not.
 */
const alt = (names) => `(?:${names.join('|')})(?:\\.ts)?(?:/|$)`;
const up = (names) => `^(?:\\.\\./)+(?:main/)?${alt(names)}`;
const here = (names) => `^\\./${alt(names)}`;
const ban = (names, message) => [
  { regex: up(names), message },
  { regex: here(names), message },
];
const processes = ['simulator', 'cli', 'renderer', 'preload'];
const glue = ['ipc', 'electron', 'window'];
const composition = ['app', 'handlers'];
const kernel = ['errors', 'logger', 'events', 'paths', 'qr', 'csp', 'native'];
const layers = [
  {
    // errors, logger, events, paths, qr, csp, native: leaves every layer may use
    files: kernel.map((name) => `src/main/${name}.ts`),
    forbid: ban(
      [...glue, ...composition, 'services', 'sync', 'db', 'ondato', 'secrets', ...processes],
      'The small shared modules of main (errors, logger, events, paths, ...) import only shared and each other.',
    ),
  },
  {
    files: ['src/main/ondato/**/*.ts'],
    forbid: ban(
      [...glue, ...composition, 'services', 'sync', 'db', 'secrets', ...processes],
      "The Ondato client sits at the bottom: it imports shared (and main's errors/logger) only.",
    ),
  },
  {
    files: ['src/main/secrets/**/*.ts'],
    forbid: ban(
      [...glue, ...composition, 'services', 'sync', 'db', 'ondato', ...processes],
      "The secret store sits at the bottom: it imports shared (and main's errors) only.",
    ),
  },
  {
    files: ['src/main/db/**/*.ts'],
    forbid: ban(
      [...glue, ...composition, 'services', 'sync', 'ondato', ...processes],
      'The cache (db) imports shared and the secret store only: never the Ondato client, sync, services or app.',
    ),
  },
  {
    files: ['src/main/sync/**/*.ts'],
    forbid: ban(
      [...glue, ...composition, 'services', 'secrets', ...processes],
      'The sync engine imports the Ondato client, the cache and shared only.',
    ),
  },
  {
    files: ['src/main/services/**/*.ts'],
    forbid: ban(
      [...glue, ...composition, ...processes],
      'Services sit below the composition (app): they import sync, ondato, db, secrets and shared, never app, ipc or Electron glue.',
    ),
  },
  {
    files: ['src/main/app/**/*.ts', 'src/main/handlers.ts'],
    forbid: ban(
      [...glue, 'cli', 'renderer', 'preload'],
      'The composition (app, handlers) imports services and below; the Electron glue and ipc sit above it.',
    ),
  },
  {
    files: ['src/main/ipc/**/*.ts'],
    forbid: ban(
      ['electron', 'window', 'cli', 'simulator', 'renderer', 'preload'],
      'ipc dispatch imports app and below.',
    ),
  },
  {
    files: ['src/main/index.ts', 'src/main/window.ts', 'src/main/electron/**/*.ts'],
    electronOk: true,
    forbid: ban(['cli', 'simulator', 'renderer', 'preload'], 'The Electron glue imports app and below.'),
  },
  {
    files: ['src/main/team/**/*.ts'],
    forbid: ban(
      [...glue, ...composition, 'services', ...processes],
      "The desk's team link imports the team database's module, the cache, the Ondato client and shared only.",
    ),
  },
  {
    files: ['src/team-db/**/*.ts'],
    forbid: [
      {
        regex: up(['main', 'cli', 'simulator', 'relay', 'renderer', 'preload']),
        message: 'The team database module is shared by desks and relays: it imports shared only.',
      },
    ],
  },
  {
    files: ['src/relay/**/*.ts'],
    forbid: [
      {
        regex: up(['main', 'cli', 'simulator', 'renderer', 'preload']),
        message: 'The relay runs without the desk: it imports the team database module and shared only.',
      },
    ],
  },
  {
    files: ['src/simulator/**/*.ts'],
    forbid: [
      {
        regex: up(['main', 'cli', 'renderer', 'preload']),
        message: 'The simulator is a stand-in for Ondato: it imports shared only, never main.',
      },
    ],
  },
  {
    files: ['src/cli/**/*.ts'],
    forbid: [
      { regex: up(['renderer', 'preload']), message: 'The CLI imports main, the simulator and shared.' },
      {
        regex: up(['main/(?:electron|index|window)']),
        message: 'The CLI runs under plain Node: never the Electron glue.',
      },
    ],
  },
];

// Folder = process boundary (docs/ARCHITECTURE.md). The linter is what keeps it true.
module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'coverage/',
      'artifacts/',
      'bench/results/',
      '.tmp/',
      'native/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.cjs', 'eslint.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electron,
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/simulator/**'],
              message: 'shared imports nothing from the processes.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electron,
            {
              group: ['**/main/**', '**/simulator/**', '**/cli/**'],
              message: 'The renderer reaches main only through the IPC contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/main/**/*.ts',
      'src/simulator/**/*.ts',
      'src/cli/**/*.ts',
      'src/team-db/**/*.ts',
      'src/relay/**/*.ts',
    ],
    ignores: ['src/main/index.ts', 'src/main/window.ts', 'src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electron, { group: ['**/renderer/**'], message: 'main never imports the renderer.' }] },
      ],
    },
  },
  // The layers inside main (docs/ARCHITECTURE.md, "Layers"): each block lists what a folder must NOT
  // reach, which leaves exactly the arrows of the table. Type-only imports count too.
  ...layers.map(({ files, forbid, electronOk }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(electronOk ? [] : [electron]),
            ...forbid.map(({ regex, message }) => ({ regex, message })),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              regex: up(['main', 'renderer', 'simulator', 'cli']),
              message: 'The preload is a bridge: it imports shared and electron only.',
            },
          ],
        },
      ],
    },
  },
);
