// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Builds a no-restricted-imports rule from layer names that a zone must not reach. */
function forbid(message, ...layers) {
  return [
    'error',
    {
      patterns: layers.map((layer) => ({
        regex: layer.startsWith('pkg:') ? `^${layer.slice(4)}(/|$)` : `(^|/)(src/)?${layer}(/|$)`,
        message,
      })),
    },
  ];
}

/** What the pure layers (domain/, import/) must not reach: the rest of the app, React, Dexie, Electron. */
const PURE_LAYER_FORBIDS = [
  'db',
  'features',
  'ui',
  'platform',
  'i18n',
  'pkg:dexie',
  'pkg:dexie-react-hooks',
  'pkg:react',
  'pkg:react-dom',
  'pkg:antd',
  'pkg:electron',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.cache/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['renderer/src/**/*.tsx', 'renderer/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // Layering: features -> domain, db, ui, platform; db -> domain; domain -> nothing.
  {
    files: ['renderer/src/domain/**'],
    rules: {
      'no-restricted-imports': forbid(
        'domain/ is pure: it imports nothing of the app, no React, no Dexie, no Electron.',
        ...PURE_LAYER_FORBIDS,
      ),
    },
  },
  {
    files: ['renderer/src/db/**'],
    rules: {
      'no-restricted-imports': forbid(
        'db/ may use domain/ only.',
        'features',
        'ui',
        'platform',
        'pkg:electron',
      ),
    },
  },
  {
    files: ['renderer/src/import/**'],
    rules: {
      'no-restricted-imports': forbid(
        'import/ reads and analyses roster files: it may use domain/ and libraries only, so it runs in a Web Worker.',
        ...PURE_LAYER_FORBIDS,
      ),
    },
  },
  {
    files: ['renderer/src/ui/**'],
    rules: {
      'no-restricted-imports': forbid(
        'ui/ is presentational: it never reaches the database or features.',
        'db',
        'features',
        'pkg:dexie',
        'pkg:dexie-react-hooks',
        'pkg:electron',
      ),
    },
  },
  {
    files: ['renderer/src/features/**', 'renderer/src/i18n/**', 'renderer/src/*.tsx', 'renderer/src/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        'Only db/ imports Dexie and only platform/ knows about Electron.',
        'pkg:dexie',
        'pkg:dexie-react-hooks',
        'pkg:electron',
        'electron',
      ),
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'desktop',
          message: 'Use the platform layer (platform/), not window.desktop.',
        },
      ],
    },
  },
);
