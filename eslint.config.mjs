import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

const TS_FOLDERS = ['servicegraph', 'datasource/src', 'panel/src', 'demo', 'collector', 'testkit', 'sandbox', 'e2e', 'bench', 'provisioning', 'stack'];

export default defineConfig([
  {
    ignores: ['**/node_modules/', '**/dist/', '**/coverage', '**/.eslintcache', 'sandbox/public/', 'artifacts/', '.config/'],
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
    // servicegraph/ is shared by the plugins, the collector and the CLI: no React, no Grafana runtime.
    files: ['servicegraph/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', '@grafana/ui', '@grafana/runtime', '../datasource/*', '../panel/*'] },
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
    files: ['servicegraph/src/cli/**', 'collector/**', 'testkit/**', 'bench/**', 'e2e/**', 'sandbox/**', 'demo/src/node/**', 'provisioning/**', 'stack/**'],
    rules: { 'no-console': 'off' },
  },
]);
