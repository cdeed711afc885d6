import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './scripts/eslint/layers.mjs';

// The three layers (README, "How it is built"), and what each may import. Each file is in one
// layer; `allow` is the folders its relative imports may reach, `deny` the packages it may not use.
const EDITOR = ['vscode', 'vscode-languageclient', 'vscode-languageclient/*'];
const LSP_CONNECTION = ['vscode-languageserver', 'vscode-languageserver/*'];
const FILES_AND_NETWORK = [
  ...['fs', 'fs/*', 'node:fs', 'node:fs/*'],
  ...['http', 'https', 'node:http', 'node:https', 'http2', 'node:http2', 'undici'],
];
const LAYERS = [
  {
    layer: 'common',
    why: 'common/ is shared by the client, the server and the sandbox, and imports nothing above it',
    files: ['common/src/**'],
    allow: ['common/src'],
    deny: [...EDITOR, ...LSP_CONNECTION],
  },
  {
    layer: 'service',
    why: 'the order language service is pure: text in, LSP types out; files are read through the injected readFile',
    files: ['server/src/service/**'],
    allow: ['server/src/service', 'common/src'],
    deny: [...EDITOR, ...LSP_CONNECTION, ...FILES_AND_NETWORK],
  },
  {
    layer: 'server',
    why: 'the language server runs without VS Code',
    files: ['server/src/**'],
    ignores: ['server/src/service/**'],
    allow: ['server/src', 'common/src'],
    deny: EDITOR,
  },
  {
    layer: 'client',
    why: 'the client talks to the server only through the protocol (common/src/lsp)',
    files: ['client/src/**'],
    allow: ['client/src', 'common/src'],
    deny: LSP_CONNECTION,
  },
  {
    layer: 'sandbox',
    why: 'the sandbox is a plain Node program that shares only common/',
    files: ['sandbox/src/**'],
    allow: ['sandbox/src', 'common/src'],
    deny: [...EDITOR, ...LSP_CONNECTION],
  },
];

const layerConfigs = LAYERS.map(({ layer, why, files, ignores = [], allow, deny }) => ({
  files,
  ignores,
  plugins: { layers },
  rules: {
    'layers/allowed-folders': ['error', { layer, allow }],
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: deny, message: `Not in the ${layer} layer: ${why}.` }] },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: ['**/out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'dist/**', '**/*.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerConfigs,
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Stand-ins for modules of undici in the client bundle (scripts/bundle/plugins.mjs).
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
