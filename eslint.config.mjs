// ESLint flat config: typescript-eslint's recommended rules on every TypeScript file, with the globals of each side.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'miniprogram/miniprogram_npm/**',
      'cloudfunctions/*/index.js',
      'coverage/**',
      '.local-cloud/**',
      '.cache/**',
      '.preview/**',
      'screenshots/**',
      'typings/wx-server-sdk/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['miniprogram/**/*.ts'],
    languageOptions: {
      globals: { wx: 'readonly', App: 'readonly', Page: 'readonly', Component: 'readonly', Behavior: 'readonly', getApp: 'readonly', getCurrentPages: 'readonly' },
    },
  },
  // The two ends meet only in the contract: the mini program and the cloud function may both import typings/, never
  // each other (a page importing server code would ship it in the package; the function importing a page, the reverse).
  {
    files: ['miniprogram/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)cloudfunctions(/|$)', message: 'The mini program talks to the cloud function only through typings/ (the contract) and services/api.ts.' }] }],
    },
  },
  {
    files: ['cloudfunctions/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)miniprogram(/|$)', message: 'The cloud function shares only typings/ (the contract) with the mini program.' }] }],
    },
  },
  {
    files: ['cloudfunctions/**/*.ts', 'tools/**/*.ts', 'tests/**/*.ts', '*.config.js', '*.config.mjs', 'tools/**/*.js', 'tests/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
