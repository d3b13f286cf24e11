// Force UTC so tests behave the same on every machine.
process.env.TZ = 'UTC';

const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');
const stock = require('./.config/jest.config');

const FOLDERS = ['servicegraph', 'datasource/src', 'panel/src', 'demo', 'collector', 'testkit', 'sandbox', 'provisioning', 'stack'];

module.exports = {
  ...stock,
  modulePaths: [],
  testMatch: FOLDERS.map((folder) => `<rootDir>/${folder}/**/*.test.{ts,tsx}`),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    ...stock.transform,
    // d3 ships ES modules (.mjs / "type": "module"), so they must be transformed too.
    '^.+\\.mjs$': stock.transform['^.+\\.(t|j)sx?$'],
  },
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, 'd3-[a-z-]+', 'internmap', 'yaml'])],
};
