/**
 * @jest-environment node
 *
 * The hand-written shop trace (handWrittenShopTrace.ts) in three formats — Jaeger JSON, OTLP/JSON, and
 * OTLP/protobuf encoded by OpenTelemetry's generated protobufjs root (not Kompas's encoder) — against a graph
 * worked out by hand from design.md's edge model.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as generated from '@opentelemetry/otlp-proto-exporter-base/build/src/generated/root';
import { JAEGER_SHOP_TRACE, OTLP_JSON_SHOP_TRACE } from './handWrittenShopTrace';

const ROOT = join(__dirname, '../../..');

interface GeneratedRequestClass {
  fromObject(object: object): object;
  encode(message: object): { finish(): Uint8Array };
}

/** OTLP/protobuf from OpenTelemetry's generated classes: the same request, ids as bytes, kinds as numbers. */
function encodeWithGeneratedRoot(): Uint8Array {
  const root = generated as unknown as {
    opentelemetry: { proto: { collector: { trace: { v1: { ExportTraceServiceRequest: GeneratedRequestClass } } } } };
  };
  const request = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
  const KINDS: Record<string, number> = {
    SPAN_KIND_SERVER: 2,
    SPAN_KIND_CLIENT: 3,
    SPAN_KIND_PRODUCER: 4,
    SPAN_KIND_CONSUMER: 5,
  };
  const bytes = (hex: string | undefined) => (hex === undefined ? undefined : Buffer.from(hex, 'hex'));
  const message = request.fromObject({
    resourceSpans: OTLP_JSON_SHOP_TRACE.resourceSpans.map((resourceSpans) => ({
      resource: resourceSpans.resource,
      scopeSpans: resourceSpans.scopeSpans.map((scope) => ({
        spans: scope.spans.map((span) => ({
          ...span,
          traceId: bytes(span.traceId),
          spanId: bytes(span.spanId),
          parentSpanId: bytes('parentSpanId' in span ? span.parentSpanId : undefined),
          kind: KINDS[span.kind],
          status: 'status' in span ? { code: 2 } : undefined,
        })),
      })),
    })),
  });
  return request.encode(message).finish();
}

/** Worked out by hand; latencies are the server span durations (the client's for the database). */
const EXPECTED_NODES = [
  { id: 'gateway', kind: 'service' },
  { id: 'orders', kind: 'service' },
  { id: 'payments', kind: 'service' },
  { id: 'postgres', kind: 'database' },
  { id: 'shipping', kind: 'service' },
  { id: 'user', kind: 'virtual' },
];
const EXPECTED_EDGES = [
  { source: 'gateway', target: 'orders', connectionType: '', requests: 1, failed: 0, latencyMs: 80 },
  { source: 'orders', target: 'payments', connectionType: '', requests: 1, failed: 1, latencyMs: 40 },
  { source: 'orders', target: 'shipping', connectionType: 'messaging_system', requests: 1, failed: 0, latencyMs: 30 },
  { source: 'payments', target: 'postgres', connectionType: 'database', requests: 1, failed: 0, latencyMs: 10 },
  { source: 'user', target: 'gateway', connectionType: 'virtual_node', requests: 1, failed: 0, latencyMs: 100 },
];

interface CliEdge {
  source: string;
  target: string;
  connectionType: string;
  requests: number;
  failed: number;
  p50Ms: number;
  p95Ms: number;
}

function runCli(file: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'servicegraph/src/cli/edgesCli.ts'), file],
    { cwd: ROOT, encoding: 'utf8' }
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('edges CLI on a hand-written trace', () => {
  jest.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'edges-hand-'));
  const files: Array<[string, string | Uint8Array]> = [
    ['jaeger.json', JSON.stringify(JAEGER_SHOP_TRACE)],
    ['otlp.json', JSON.stringify(OTLP_JSON_SHOP_TRACE)],
    ['otlp.binpb', encodeWithGeneratedRoot()],
  ];
  for (const [name, content] of files) {
    writeFileSync(join(dir, name), content);
  }

  it.each(files.map(([name]) => name))('%s gives the hand-derived graph', (name) => {
    const { code, stdout, stderr } = runCli(join(dir, name));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report: { nodes: unknown[]; edges: CliEdge[] } = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['nodes', 'edges']);
    expect(report.nodes).toEqual(EXPECTED_NODES);
    expect(report.edges.map(({ p50Ms: _p50, p95Ms: _p95, ...edge }) => edge)).toEqual(
      EXPECTED_EDGES.map(({ latencyMs: _latency, ...edge }) => edge)
    );
    // One request per edge: p50 and p95 are its latency, within the sketch's 1 % relative accuracy.
    report.edges.forEach((edge, i) => {
      const { latencyMs } = EXPECTED_EDGES[i];
      expect(Math.abs(edge.p50Ms - latencyMs)).toBeLessThanOrEqual(latencyMs * 0.01);
      expect(edge.p95Ms).toBe(edge.p50Ms);
    });
  });
});
