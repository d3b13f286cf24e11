import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

const TS_FOLDERS = [
  'servicegraph',
  'datasource/src',
  'panel/src',
  'demo',
  'collector',
  'testkit',
  'sandbox',
  'e2e',
  'bench',
  'provisioning',
  'stack',
];

export default defineConfig([
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/coverage',
      '**/.eslintcache',
      'sandbox/public/',
      'artifacts/',
      '.config/',
    ],
  },
  ...baseConfig,
  {
    // The stock config only type-checks src/**; every TS folder of ours needs the project too.
    files: TS_FOLDERS.map((folder) => `${folder}/**/*.{ts,tsx}`),
    languageOptions: { parserOptions: { project: './tsconfig.json' } },
    rules: {
      '@typescript-eslint/no-deprecated': 'warn',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Named exports only (style.md); tool configs (webpack, Playwright) are the exception their tools require.
    files: TS_FOLDERS.map((folder) => `${folder}/**/*.{ts,tsx}`),
    ignores: ['**/*.config.ts', 'e2e/globalSetup.ts'],
    rules: {
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
  {
    // servicegraph/ is shared by the plugins, the collector and the CLI: no React, no Grafana runtime, and only
    // types from @grafana/data (its values pull in browser code that crashes Node).
    files: ['servicegraph/**/*.ts'],
    ignores: ['servicegraph/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@grafana/data',
              allowTypeImports: true,
              message: 'servicegraph/ may import only types from @grafana/data',
            },
          ],
          patterns: [
            {
              group: ['react', 'react-dom', '@grafana/ui', '@grafana/runtime'],
              message: 'servicegraph/ has no React and no Grafana runtime',
            },
            {
              group: ['**/datasource/**', '**/panel/**', '**/sandbox/**'],
              message: 'servicegraph/ does not depend on the plugins',
            },
          ],
        },
      ],
    },
  },
  {
    // The two plugins ship separately: neither may bundle the other's code.
    files: ['panel/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/datasource/src/**'], message: 'the panel must not bundle datasource code' }] },
      ],
    },
  },
  {
    files: ['datasource/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testSupport.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/panel/src/**', '**/sandbox/**'],
              message: 'the datasource must not bundle panel or sandbox code',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use()`, which is not a React hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Command-line tools, services and benchmarks talk to a terminal.
    files: [
      'servicegraph/src/cli/**',
      'collector/**',
      'testkit/**',
      'bench/**',
      'e2e/**',
      'sandbox/**',
      'demo/src/node/**',
      'provisioning/**',
      'stack/**',
    ],
    rules: { 'no-console': 'off' },
  },
]);
