// @ts-check
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = [
  ...new Set([...builtinModules, ...builtinModules.map((m) => (m.startsWith('node:') ? m : `node:${m}`))]),
];

/** The import rules of design.md: what each folder may never import. */
const forbid = (names, patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [...new Set(names)].map((name) => ({ name, message: 'Not allowed in this folder (see design.md, import rules).' })),
      patterns: patterns.length > 0 ? [{ group: patterns, message: 'Not allowed in this folder (see design.md, import rules).' }] : [],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid([...nodeModules, 'electron', 'react', 'react-dom'], ['**/electron/**', '**/renderer/**', 'node:*']),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: forbid(['electron'], ['**/renderer/**', '../ipc', '../main', '../preload', '**/headless/**', '**/cli/**']),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/**'],
    rules: forbid([], ['**/renderer/**']),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      ...forbid([...nodeModules, 'electron'], ['**/electron/**', 'node:*']),
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: forbid([], ['**/shared/**', '**/electron/**', '**/renderer/**']),
  },
  {
    files: ['*.config.{js,ts}', 'e2e/**/*.ts', 'electron/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
);
