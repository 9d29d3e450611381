// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'buffer', 'worker_threads'];

/** Import boundaries from ARCHITECTURE.md, one rule per layer. */
const boundaries = {
  shared: {
    paths: ['electron', 'react', 'react-dom', ...NODE_BUILTINS].map((name) => ({ name, message: 'shared/ imports nothing environment-specific.' })),
    patterns: [
      { group: ['node:*'], message: 'shared/ imports nothing environment-specific.' },
      { group: ['**/electron/**', '**/renderer/**', '**/headoffice/**'], message: 'shared/ may not import app code.' },
    ],
  },
  backend: {
    paths: [{ name: 'electron', message: 'electron/backend runs in web mode too: it never imports electron.' }],
    patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The backend does not import the shell or the UI.' }],
  },
  headoffice: {
    paths: [{ name: 'electron', message: 'The head office is a server: it never imports electron.' }],
    patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'headoffice/ shares code with the app only through shared/.' }],
  },
  renderer: {
    paths: ['electron', ...NODE_BUILTINS].map((name) => ({ name, message: 'The renderer talks to the backend only through the API client.' })),
    patterns: [
      { group: ['node:*'], message: 'The renderer has no Node access.' },
      { group: ['**/electron/**', '**/headoffice/**'], message: 'The renderer never imports from electron/.' },
      { group: ['**/shared/pdf/**'], message: 'shared/pdf is the PDF frame of the two Node processes (backend and head office), not for the renderer.' },
    ],
  },
};

/**
 * renderer/src/features/<feature>/ imports only components/, lib/, api/, i18n/, theme and shared/ —
 * never another feature, nor the composition layer (app/ and pages/ put features together).
 */
const FEATURE_MESSAGE = 'A feature never imports from another feature: shared parts live in components/ or lib/; pages are composed in app/ or pages/.';
const featureBoundaries = {
  paths: boundaries.renderer.paths,
  patterns: [
    ...boundaries.renderer.patterns,
    { regex: '^\\.\\./(?!\\.\\./)', message: FEATURE_MESSAGE },
    { regex: '(^|/)(features|app|pages)/', message: FEATURE_MESSAGE },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  { files: ['shared/**/*.ts'], ignores: ['shared/pdf/**'], rules: { 'no-restricted-imports': ['error', boundaries.shared] } },
  // shared/pdf: the PDF frame (pdfkit, fonts) of the two Node processes, the location backend and head office.
  // Node only: left out of the renderer's tsconfig and forbidden to it above; app code still stays out.
  { files: ['shared/pdf/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [boundaries.shared.patterns[1]] }] } },
  { files: ['electron/backend/**/*.ts', 'electron/web/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.backend] } },
  { files: ['headoffice/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', boundaries.headoffice] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', boundaries.renderer] },
  },
  { files: ['renderer/src/features/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', featureBoundaries] } },
  {
    files: ['**/*.mjs', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
