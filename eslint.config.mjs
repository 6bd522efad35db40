// ESLint for src/, test/, scripts/ and bench/ (`npm run lint`, which also runs dependency-cruiser and
// `prettier --check`).
//
// ESLint checks code: the recommended rules, and typescript-eslint's type-aware rules that find real
// bugs (a promise nobody awaits, a promise where a boolean or a void callback is expected, a
// condition the types say is always true or always false).
//
// Which folder may import what (the layers table of ARCHITECTURE.md) and import cycles are checked
// by dependency-cruiser instead (.dependency-cruiser.cjs), because a cycle of `import type` is
// still a cycle a reader has to untangle: eslint-plugin-import-x's no-cycle skips type-only imports
// by design, and eslint-plugin-boundaries has no cycle check. dependency-cruiser resolves each
// import the way TypeScript does, sees type-only imports, and states each layer's allowed imports
// in one table, so both rules live in one place.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'out-*/**',
      'node_modules/**',
      '.vscode-test/**',
      'test/fixtures/**',
      'test/integration/workspace/**',
      'test/integration/web-workspace/**',
      'examples/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise that is neither awaited nor handled loses its error; `void` marks the deliberate ones.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // An async function where VS Code or Node expects a void callback (event handlers, timers) is
      // fine: its errors are handled inside. A promise in an `if` or a spread never is.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      // A check the types make pointless hides a wrong type or dead code. Loops such as
      // `while (true)` are idiomatic, and indexing an array or record may miss at run time
      // (`noUncheckedIndexedAccess` is off), so `?.` and `??` after an index stay allowed.
      '@typescript-eslint/no-unnecessary-condition': [
        'error',
        { allowConstantLoopConditions: 'only-allowed-literals' },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // Parameters and variables the compiler already reports (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      // `import X = require(...)` loads web-tree-sitter, a CommonJS module, as its types describe it.
      '@typescript-eslint/no-require-imports': 'off',
      // Never evaluate strings as code.
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // A test checks at run time what the types promise, and node:assert narrows types as it goes
      // (`assert.equal(value?.kind, 'literal')` is a type assertion), so its guards look redundant.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Tests feed control characters on purpose (terminal escapes, NUL bytes).
      'no-control-regex': 'off',
    },
  },
);
