// The rule set, decided once (issue 10): typescript-eslint's type-checked recommended rules
// and React's hooks rules, over src/, test/, bench/ and the build scripts. A rule switched
// off here says why; no per-line disables.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist.build-*/**', 'node_modules/**', 'coverage/**', 'bench/scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // The one tsconfig.json, named: typed linting then builds one program for every file
      // instead of asking the project service file by file (eslint . 38 → 28.5 s on 2 cores,
      // the same findings). A TypeScript file outside tsconfig.json's include is an error here.
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // React Compiler's purity rules. The bring-up screen's throttled store and clock read a ref
      // during render on purpose: frame timing lives outside React state so a log flood costs
      // a few frames a second (bench/: replay rows). Ink screens are not compiled by React Compiler.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      // Unused names are the compiler's job (noUnusedLocals); a leading _ marks a kept parameter.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A destructuring where one name is reassigned stays `let` as a whole (the Ink fast path's loop).
      'prefer-const': ['error', { destructuring: 'all' }],
      // A terminal program reads and strips ANSI escape sequences (ESC, \x1b) on purpose: vagrant's
      // coloured output, commander's help, the screens under test. The rule exists to catch a
      // control character typed by mistake; here every one is meant.
      'no-control-regex': 'off',
      // A promise returned unawaited inside try runs the finally first: runTempPod once deleted
      // its pod before the pod's log was read.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },
  {
    // Plain JavaScript build scripts have no types to check against; they run on Node.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
