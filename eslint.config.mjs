// Lint for the whole tree: typescript-eslint's type-aware rules everywhere, and the
// Playwright plugin's rules where Playwright's `test` and page objects live.
// Run by `npm run lint` and by scripts/test.sh after the type check.
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import playwright from 'eslint-plugin-playwright';

export default defineConfig(
  // Outputs and generated files (certs/out: the test PKI; reports: runs, traces, evidence).
  globalIgnores(['node_modules/**', 'reports/**', 'certs/out/**', 'test-results/**', 'playwright-report/**', 'blob-report/**']),
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // node:test's test/describe return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // package.json versions are read with require() on purpose (no JSON import through exports maps).
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/package\\.json$'] }],
      // fastify handlers and Playwright fixtures are async by contract; a missing await is
      // what matters, and no-floating-promises / await-thenable catch that.
      '@typescript-eslint/require-await': 'off',
      // The mock validates input and the verdict strips ANSI colours: control characters in
      // those regular expressions are the point.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['e2e/**/*.ts', 'pages/**/*.ts', 'fixtures/**/*.ts'],
    extends: [playwright.configs['flat/recommended']],
    rules: {
      'playwright/no-raw-locators': 'error',
      'playwright/no-conditional-in-test': 'error',
      'playwright/no-wait-for-timeout': 'error',
      'playwright/missing-playwright-await': 'error',
      // test.skip(condition, reason) for a target that lacks a capability is allowed; a bare skip is not.
      'playwright/no-skipped-test': ['error', { allowConditional: true }],
      // Page objects assert in their expect… methods (expectShown, expectError, …), and the
      // walks through the issuance steps (pages/issuance/walk.ts) check each screen they pass.
      'playwright/expect-expect': ['error', { assertFunctionPatterns: ['^expect[A-Z]', '^walkTo'] }],
      // Blank lines between steps are layout, not behaviour.
      'playwright/consistent-spacing-between-blocks': 'off',
    },
  },
  {
    // Scripts the mock serves to the browser: plain ES5 in a page, no type information.
    files: ['mock/static/**/*.js'],
    extends: [js.configs.recommended],
    // forge: node-forge, loaded by its own <script> tag before enroll.js.
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, forge: 'readonly' } },
    // `catch (e) {}`: storage may be unavailable; the page works without it.
    rules: { 'no-empty': ['error', { allowEmptyCatch: true }], 'no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
);
