/**
 * @jest-environment node
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createShop } from '../../../demo/src';
import { generateSyntheticSpans } from '../../testdata/syntheticTraces';
import { toJaegerJson } from '../encode/jaegerJsonEncoder';
import { toOtlpJson } from '../encode/otlpJsonEncoder';
import type { EdgesReport } from '../cli/edgesReport';
import type { BottleneckReportEntry } from './bottleneckReport';
import { injectableEdges, injectSlowdown } from './testing/injectSlowdown';

const ROOT = join(__dirname, '../../..');
const NOON = Date.UTC(2026, 0, 15, 12);

type Report = EdgesReport & { bottlenecks?: BottleneckReportEntry[] };

function runCli(args: string[]): { code: number | null; report: Report | undefined; stderr: string } {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'servicegraph/src/cli/edgesCli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, report: result.stdout === '' ? undefined : JSON.parse(result.stdout), stderr: result.stderr };
}

describe('edges CLI --bottlenecks', () => {
  jest.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'insight-cli-'));

  it('names payments → payments-db first in demo-shop traces with payments-db-locking (OTLP JSON)', () => {
    const spans = createShop({ seed: 11, incidents: ['payments-db-locking'] }).spansBetween(NOON, NOON + 30_000);
    const file = join(dir, 'locking.otlp.json');
    writeFileSync(file, JSON.stringify(toOtlpJson(spans, { idEncoding: 'hex' })));
    const { code, report, stderr } = runCli(['--bottlenecks', file]);
    expect(stderr.split('\n').filter((line) => line !== '')).toEqual([]);
    expect(code).toBe(0);
    expect(Object.keys(report!)).toEqual(['nodes', 'edges', 'bottlenecks']);
    const top = report!.bottlenecks![0];
    expect([top.source, top.target]).toEqual(['payments', 'payments-db']);
    expect(top.shareSlowest).toBeGreaterThan(0.3);
    const order = report!.bottlenecks!.map((b) => b.shareSlowest);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(Object.keys(top)).toEqual(['source', 'target', 'share', 'shareSlowest']);
  });

  it('does not name payments-db first on normal demo traffic, and leaves the report alone without the flag', () => {
    const spans = createShop({ seed: 11 }).spansBetween(NOON, NOON + 30_000);
    const file = join(dir, 'normal.jaeger.json');
    writeFileSync(file, JSON.stringify(toJaegerJson(spans)));
    const withFlag = runCli(['--', '--bottlenecks', file]);
    expect(withFlag.code).toBe(0);
    expect(withFlag.report!.bottlenecks![0].target).not.toBe('payments-db');
    const without = runCli([file]);
    expect(Object.keys(without.report!)).toEqual(['nodes', 'edges']);
    expect(without.report!.edges).toEqual(withFlag.report!.edges);
  });

  it.each([101, 202, 303])('finds a randomly chosen injected slow edge in held-out synthetic traces (seed %i)', (seed) => {
    const spans = generateSyntheticSpans({ seed, traces: 400, spansPerTrace: 25, services: 10 });
    const candidates = injectableEdges(spans).filter((c) => c.traces >= 40);
    const slow = candidates[(seed * 7919) % candidates.length].edge;
    const file = join(dir, `injected-${seed}.json`);
    writeFileSync(file, JSON.stringify(toJaegerJson(injectSlowdown(spans, slow, 1200))));
    const { code, report } = runCli(['--bottlenecks', file]);
    expect(code).toBe(0);
    const top = report!.bottlenecks![0];
    expect([top.source, top.target]).toEqual([slow.clientService, slow.serverService]);
  });

  it('keeps one-line errors for bad files with the flag', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"foo": 1}');
    const { code, report, stderr } = runCli(['--bottlenecks', file]);
    expect(code).toBe(1);
    expect(report).toBeUndefined();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('bad.json');
  });
});
