/*
 * Collector throughput end to end: OTLP/HTTP requests → collector (a child process, as deployed) → PostgreSQL
 * rows, on a throwaway cluster. The load generator (this process) pre-encodes demo-shop traces, then posts
 * them with 4 concurrent senders; the clock stops when the database holds every edge of every acknowledged
 * span. Results: collector.spans_per_s (baseline: decoding alone, same bodies, in this process),
 * collector.lost_spans (edge requests expected minus stored, must be 0), collector.peak_rss_mb (VmHWM).
 * Usage: npm run bench -- collector [--smoke] [--protobuf]; KOMPAS_BENCH_PROFILE=<dir> profiles the collector.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createShop } from '../demo/src/shop';
import { toOtlpJson } from '../servicegraph/src/encode/otlpJsonEncoder';
import { toOtlpProtobuf } from '../servicegraph/src/encode/otlpProtobufEncoder';
import { decodeOtlpBody } from '../collector/src/pipeline/decodeOtlp';
import { RecordType } from '../collector/src/spool/recordFormat';
import {
  expectedEdgeTotals,
  postOtlp,
  databaseEdgeTotals,
  type EdgeTotal,
} from '../collector/src/testing/collectorHarness';
import { findFreePort, startTestPostgres } from '../testkit/postgres';
import type { BenchResult } from './benchResult';

interface Body {
  bytes: Buffer;
  spans: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whole traces per request (~4,000 spans, like an OpenTelemetry Collector batch), with the edges they must give. */
function prepareBodies(totalSpans: number, protobuf: boolean): { bodies: Body[]; expected: Record<string, EdgeTotal> } {
  const shop = createShop({ seed: 5, ratePerSecond: 120, diurnal: false });
  const bodies: Body[] = [];
  const expected: Record<string, EdgeTotal> = {};
  let cursor = Date.UTC(2026, 10, 23, 6, 0, 0);
  let spans = 0;
  while (spans < totalSpans) {
    const chunk = shop.spansBetween(cursor, cursor + 1000);
    cursor += 1000;
    const bytes = protobuf ? Buffer.from(toOtlpProtobuf(chunk)) : Buffer.from(JSON.stringify(toOtlpJson(chunk)));
    bodies.push({ bytes, spans: chunk.length });
    spans += chunk.length;
    for (const [id, total] of Object.entries(expectedEdgeTotals(chunk))) {
      expected[id] ??= { requests: 0, failed: 0 };
      expected[id].requests += total.requests;
      expected[id].failed += total.failed;
    }
  }
  return { bodies, expected };
}

function sumRequests(totals: Record<string, EdgeTotal>): number {
  return Object.values(totals).reduce((sum, t) => sum + t.requests, 0);
}

async function sendAll(base: string, bodies: Body[], contentType: string, concurrency: number): Promise<void> {
  let next = 0;
  const sender = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++];
      for (;;) {
        const res = await postOtlp(base, body.bytes, { contentType });
        if (res.status === 200) {
          break;
        }
        if (res.status !== 429 && res.status !== 503) {
          throw new Error(`collector answered ${res.status}: ${res.body.toString().slice(0, 200)}`);
        }
        await sleep(50);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
}

async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const res = await postOtlp(base, '', { path: '/readyz', method: 'GET' }).catch(() => undefined);
    if (res?.status === 200) {
      return;
    }
    await sleep(50);
  }
  throw new Error('collector did not become ready');
}

function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

export async function run(opts: { smoke?: boolean } = {}): Promise<BenchResult[]> {
  const protobuf = process.argv.includes('--protobuf');
  const totalSpans = opts.smoke ? 20_000 : 1_000_000;
  const { bodies, expected } = prepareBodies(totalSpans, protobuf);
  const spanCount = bodies.reduce((sum, b) => sum + b.spans, 0);
  const type = protobuf ? RecordType.OtlpProtobuf : RecordType.OtlpJson;

  // Baseline: decoding the same bodies with servicegraph's reader alone, no HTTP, pairing or database.
  const decodeStart = process.hrtime.bigint();
  bodies.slice(0, Math.min(bodies.length, 20)).forEach((b) => decodeOtlpBody(type, b.bytes));
  const decodeSpans = bodies.slice(0, Math.min(bodies.length, 20)).reduce((sum, b) => sum + b.spans, 0);
  const decodePerSecond = decodeSpans / (Number(process.hrtime.bigint() - decodeStart) / 1e9);

  const pg = await startTestPostgres({ settings: { shared_buffers: "'256MB'" } });
  const url = await pg.createDatabase('collector_bench');
  const spoolDir = mkdtempSync(join(tmpdir(), 'kompas-bench-spool-'));
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const pool = new Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  let child: ChildProcess | undefined;
  try {
    // KOMPAS_BENCH_PROFILE=<dir> writes a CPU profile of the collector there (see what limits throughput).
    const profile = process.env.KOMPAS_BENCH_PROFILE
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.KOMPAS_BENCH_PROFILE]
      : [];
    child = spawn(
      process.execPath,
      [...profile, '--import', 'tsx', join(__dirname, '..', 'collector', 'src', 'main.ts')],
      {
        env: {
          ...process.env,
          KOMPAS_DATABASE_URL: url,
          KOMPAS_LISTEN_HOST: '127.0.0.1',
          KOMPAS_LISTEN_PORT: String(port),
          KOMPAS_SPOOL_DIR: spoolDir,
          KOMPAS_COLLECTOR_ID: 'bench',
          KOMPAS_PAIRING_TTL_MS: '1000',
          KOMPAS_FLUSH_INTERVAL_MS: '500',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      }
    );
    await waitReady(base);
    const expectedTotal = sumRequests(expected);
    const started = process.hrtime.bigint();
    await sendAll(base, bodies, protobuf ? 'application/x-protobuf' : 'application/json', 4);
    let stored = 0;
    for (let i = 0; i < 2400 && stored < expectedTotal; i++) {
      const { rows } = await pool.query('SELECT coalesce(sum(requests), 0)::bigint AS n FROM kompas.edge_buckets_10s');
      stored = Number(rows[0].n);
      if (stored < expectedTotal) {
        await sleep(50);
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rssMb = peakRssMb(child.pid!);
    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
    const totals = await databaseEdgeTotals(pool);
    const lost = Object.entries(expected).reduce(
      (sum, [id, t]) => sum + Math.abs(t.requests - (totals[id]?.requests ?? 0)),
      0
    );
    const spansPerSecond = spanCount / seconds;
    return [
      {
        name: 'collector.spans_per_s',
        value: spansPerSecond,
        unit: 'spans/s',
        baseline: decodePerSecond,
        ratio: spansPerSecond / decodePerSecond,
      },
      { name: 'collector.lost_spans', value: lost, unit: 'spans' },
      { name: 'collector.peak_rss_mb', value: rssMb, unit: 'MB' },
    ];
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
    await pool.end();
    await pg.stop();
    rmSync(spoolDir, { recursive: true, force: true });
  }
}
