// ESLint (flat config). `npm run lint` runs it with `prettier --check`; formatting is Prettier's job
// (.prettierrc.json), so eslint-config-prettier comes last and turns off every style rule.
// TypeScript is linted with type information (typescript-eslint's project service: each file is
// checked against its own tsconfig, the root one for src/ and test/, webview-ui/tsconfig.json for
// the webviews). Plain JavaScript (scripts/, the UI tests, this file) gets the JS rules only.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default defineConfig(
  {
    // Build output, and fixture files that are test data (repos as users write them), not our code.
    ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/', '.bench/', 'test/fixtures/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  {
    files: ['**/*.ts'],
    // Among them no-floating-promises (a deliberate fire-and-forget is `void promise` with a comment
    // that says why), no-misused-promises and the no-unsafe-* family (values typed `any`).
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An error: an explicit `any` switches type checking off for everything it flows into. Where
      // a value really is untyped (parsed JSON, a message), type it `unknown` and narrow it.
      // Rest arguments are the exception: `(...args: any[]) => unknown` is the one type that every
      // command handler is assignable to, whatever its parameters (unknown[] would reject them).
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
      // `const { drop, ...rest } = value` is how a key is left out of a copy (tsc agrees).
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },

  {
    // Tests read untyped JSON (the fake server's answers, webview replies, JSON.parse of files) and
    // index into it in assertions; a wrong shape fails the test anyway. The `any` stays explicit
    // at its source (no-explicit-any, with a disable comment that says why); consuming it is
    // allowed here. Returning it (no-unsafe-return) still is not: that spreads `any` to callers.
    // Not for test/fakeGithub/, the fake server: it checks our requests and is typed like src/.
    files: ['test/**/*.ts'],
    ignores: ['test/fakeGithub/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },

  {
    // Plain JavaScript: Node scripts and the Playwright/mocha UI tests (ES modules).
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The baseline extension of `npm run bench` is CommonJS, like any extension host entry.
    files: ['test/bench/empty-extension/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['test/**/*.mjs'],
    languageOptions: { globals: { ...globals.mocha } },
  },
  {
    // Playwright tests pass callbacks to page.evaluate() and friends: those run in the browser.
    files: ['test/ui/**/*.mjs', 'test/bench/composer.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['webview-ui/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },

  prettier,
  {
    // After eslint-config-prettier, which turns max-len off: Prettier breaks code at 160 columns but
    // leaves long strings, comments and template literals alone, and the bar is that no line of the
    // shipped code (and its build scripts) is longer. Tests keep long literal inputs inline.
    // (Core max-len is deprecated in favour of @stylistic/max-len, and available until ESLint 11.)
    files: ['src/**', 'webview-ui/**', 'scripts/**'],
    rules: { 'max-len': ['error', { code: 160, ignoreUrls: true }] },
  },
);
