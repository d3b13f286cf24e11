/**
 * @jest-environment node
 */
import { spawn, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { gzipSync } from 'zlib';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateSyntheticSpans } from '../../testdata/syntheticTraces';
import { toJaegerJson } from '../encode/jaegerJsonEncoder';
import { toOtlpJson } from '../encode/otlpJsonEncoder';
import { toOtlpProtobuf } from '../encode/otlpProtobufEncoder';
import type { EdgesReport } from './edgesReport';

const ROOT = join(__dirname, '../../..');
const TESTDATA = join(ROOT, 'servicegraph/testdata');

function runCli(files: string[], viaNpm = false) {
  const result = viaNpm
    ? spawnSync('npm', ['run', '--silent', 'edges', '--', ...files], { cwd: ROOT, encoding: 'utf8' })
    : spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'servicegraph/src/cli/edgesCli.ts'), ...files], {
        cwd: ROOT,
        encoding: 'utf8',
      });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn')),
  };
}

describe('edges CLI', () => {
  jest.setTimeout(60_000);

  it('prints one merged graph for several files in different formats (through npm run)', () => {
    const { code, stdout, stderr } = runCli(
      [
        join(TESTDATA, 'otlp/kiali-tempo-responseTrace-bookinfo.json'),
        join(TESTDATA, 'otlp/otelcontrib-servicegraph-virtual-node-label-client-trace.yaml'),
      ],
      true
    );
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    const report: EdgesReport = JSON.parse(stdout);
    expect(report.edges.map((e) => `${e.source}->${e.target}#${e.connectionType}:${e.requests}/${e.failed}`)).toEqual([
      'istio-ingressgateway.istio-system->productpage.bookinfo#:1/0',
      'productpage.bookinfo->details.bookinfo#:1/0',
      'productpage.bookinfo->reviews.bookinfo#:1/0',
      'reviews.bookinfo->ratings.bookinfo#:1/0',
      'user->bar-requester#virtual_node:1/0',
    ]);
    expect(report.edges[0].p50Ms).toBeCloseTo(11.36, 0);
    expect(report.nodes).toContainEqual({ id: 'user', kind: 'virtual' });
    expect(Object.keys(report)).toEqual(['nodes', 'edges']);
  });

  it('gives the same graph for Jaeger JSON, OTLP/JSON and OTLP/protobuf files of the same traces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edges-cli-'));
    const spans = generateSyntheticSpans({ seed: 7, traces: 40, spansPerTrace: 25, services: 8 });
    writeFileSync(join(dir, 'traces.json'), JSON.stringify(toJaegerJson(spans)));
    writeFileSync(join(dir, 'otlp.json'), JSON.stringify(toOtlpJson(spans, { idEncoding: 'base64' })));
    writeFileSync(join(dir, 'otlp.binpb'), toOtlpProtobuf(spans));
    const outputs = ['traces.json', 'otlp.json', 'otlp.binpb'].map((file) => runCli([join(dir, file)]));
    for (const output of outputs) {
      expect(output.code).toBe(0);
    }
    const report: EdgesReport = JSON.parse(outputs[0].stdout);
    expect(report.edges.length).toBeGreaterThan(5);
    expect(report.edges.some((e) => e.connectionType === 'database')).toBe(true);
    expect(report.edges.some((e) => e.connectionType === 'messaging_system')).toBe(true);
    expect(outputs[1].stdout).toBe(outputs[0].stdout);
    expect(outputs[2].stdout).toBe(outputs[0].stdout);
  });

  it('reads gzip-compressed dumps and UTF-8 files with a byte order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edges-cli-'));
    const text = readFileSync(join(TESTDATA, 'otlp/kiali-tempo-responseTrace-bookinfo.json'), 'utf8');
    writeFileSync(join(dir, 'bookinfo.json.gz'), gzipSync(Buffer.from(text)));
    writeFileSync(join(dir, 'bookinfo-bom.json'), `\ufeff${text}`);
    const plain = runCli([join(TESTDATA, 'otlp/kiali-tempo-responseTrace-bookinfo.json')]);
    expect(runCli([join(dir, 'bookinfo.json.gz')]).stdout).toBe(plain.stdout);
    expect(runCli([join(dir, 'bookinfo-bom.json')]).stdout).toBe(plain.stdout);
    expect(JSON.parse(plain.stdout).edges).toHaveLength(4);
  });

  it('reads Jaeger /api/dependencies as counted edges', () => {
    const { code, stdout } = runCli([join(TESTDATA, 'jaeger-dependencies/jaeger-ui-dependencygraph-small.json')]);
    expect(code).toBe(0);
    const report: EdgesReport = JSON.parse(stdout);
    expect(report.edges.reduce((sum, e) => sum + e.requests, 0)).toBe(290225);
  });

  it.each([
    ['traces.json', '{"foo": 1}', 'traces.json: not Jaeger or OTLP JSON: top-level key "foo"'],
    ['broken.json', '{"data": [', 'broken.json: invalid JSON'],
    ['bad.yaml', 'resourceSpans: [a, b', 'bad.yaml: invalid YAML'],
    ['junk.pb', 'definitely not protobuf', 'junk.pb: not an OTLP/protobuf ExportTraceServiceRequest'],
  ])('rejects %s with one line on stderr and nothing on stdout', (name, content, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'edges-cli-'));
    const good = join(TESTDATA, 'otlp/otel-proto-examples-trace.json');
    writeFileSync(join(dir, name), content);
    const { code, stdout, stderr } = runCli([good, join(dir, name)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain(join(dir, message));
    expect(stderr[0]).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('ends quietly when the reader closes stdout early (EPIPE, as with | head -c 10)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edges-cli-'));
    // ~1.5 MB of output: far more than a pipe buffers, so the CLI is still writing when the pipe closes.
    const links = Array.from({ length: 20_000 }, (_, i) => ({
      parent: `svc-${i}`,
      child: `db-${i % 97}`,
      callCount: i,
    }));
    writeFileSync(join(dir, 'deps.json'), JSON.stringify(links));
    const child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'servicegraph/src/cli/edgesCli.ts'), join(dir, 'deps.json')],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let stderr = '';
    let firstChunk = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', (chunk: Buffer) => {
      firstChunk = chunk.toString().slice(0, 10);
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(firstChunk).toBe('{"nodes":[');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('names a missing file and prints usage without arguments', () => {
    const missing = runCli(['no-such-file.json']);
    expect(missing).toMatchObject({
      code: 1,
      stdout: '',
      stderr: ['no-such-file.json: cannot read file: no such file'],
    });
    const usage = runCli([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toHaveLength(1);
  });
});
