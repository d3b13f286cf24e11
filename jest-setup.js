// Jest setup provided by Grafana scaffolding. It patches DOM globals, so it only applies to jsdom
// suites; `@jest-environment node` suites (collector, testkit: real PostgreSQL and HTTP) skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
