/*
 * Edge derivation benchmark: one generated dump (25 spans/trace, 50 services, seeded) of ~60 MB per format.
 * For Jaeger JSON and OTLP/JSON it times JSON.parse of the text (the baseline) and the derivation of its edges
 * from the same text, interleaved, and reports median ratios (see compareWithParse).
 * OTLP/protobuf: decode + derivation throughput in spans/s.
 * Usage: npm run bench -- derive [--smoke]
 */
import type { EdgeObservation, Span } from '../servicegraph/src/types';
import { generateSyntheticSpans } from '../servicegraph/testdata/syntheticTraces';
import { toJaegerJson } from '../servicegraph/src/encode/jaegerJsonEncoder';
import { toOtlpJson } from '../servicegraph/src/encode/otlpJsonEncoder';
import { toOtlpProtobuf } from '../servicegraph/src/encode/otlpProtobufEncoder';
import { scanTraceColumns } from '../servicegraph/src/parse/scan/scanTraceText';
import { SpanColumns } from '../servicegraph/src/parse/scan/spanColumns';
import { decodeOtlpProtobuf } from '../servicegraph/src/parse/otlpProtobuf';
import { columnsToObservations, spansToObservations } from '../servicegraph/src/derive/spansToObservations';
import { addObservation, createEdgeWindow, type EdgeWindow } from '../servicegraph/src/aggregate/edgeWindow';
import type { BenchResult } from './benchResult';
import { median, round, timeMs } from './benchStats';

const SPANS_PER_TRACE = 25;
const SERVICES = 50;
/** Traces giving ~60 MB of text per format (OTLP/JSON is more compact per span than Jaeger JSON). */
const TRACES = { jaeger: 4500, otlpJson: 6300, protobuf: 4500 };

function spansFor(traces: number): Span[] {
  return generateSyntheticSpans({ seed: 42, traces, spansPerTrace: SPANS_PER_TRACE, services: SERVICES });
}

function aggregateObservations(observations: EdgeObservation[]): EdgeWindow {
  const window = createEdgeWindow();
  for (const observation of observations) {
    addObservation(window, observation);
  }
  return window;
}

function deriveWindow(spans: Span[]): EdgeWindow {
  return aggregateObservations(spansToObservations(spans));
}

/**
 * What the `edges` CLI does with a text file: scan it into columns, pair per trace. One store serves every
 * round, cleared, as a long-lived caller would keep it: a fresh store per round got V8 to discard the
 * optimised scanner and pairing code after each round ("weak objects" deopts), ~10% slower every round.
 */
const columns = new SpanColumns();

function deriveText(text: string, file: string): EdgeObservation[] {
  columns.clear();
  scanTraceColumns(text, file, columns);
  return columnsToObservations(columns);
}

/**
 * The text as the CLI gets it from a file: a flat string. JSON.stringify returns a rope that V8 flattens
 * behind an indirection, which slows every charCodeAt of the scanner (measured ~10%) but not JSON.parse.
 */
function asReadFromFile(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * JSON.parse vs deriving the edges from the same text, interleaved so machine load hits all alike:
 * `derive` is text → edge observations (scan + pairing); `derive_aggregate` adds folding them into an
 * edge window (counts and latency sketches), i.e. everything the `edges` CLI does.
 */
function compareWithParse(prefix: string, text: string, reps: number): BenchResult[] {
  const parse: number[] = [];
  const derive: number[] = [];
  const aggregate: number[] = [];
  let edges = 0;
  // One untimed round first so every side runs optimised code.
  JSON.parse(text);
  aggregateObservations(deriveText(text, prefix));
  for (let i = 0; i < reps; i++) {
    parse.push(timeMs(() => JSON.parse(text)));
    let observations: EdgeObservation[] = [];
    derive.push(timeMs(() => (observations = deriveText(text, prefix))));
    aggregate.push(timeMs(() => (edges = aggregateObservations(observations).edges.size)));
  }
  if (edges === 0) {
    throw new Error(`${prefix}: no edges derived`);
  }
  const parseMs = median(parse);
  const deriveMs = median(derive);
  const withAggregateMs = median(derive.map((ms, i) => ms + aggregate[i]));
  return [
    { name: `${prefix}.size_mb`, value: round(text.length / 1e6, 1), unit: 'MB' },
    { name: `${prefix}.parse_ms`, value: round(parseMs, 0), unit: 'ms' },
    { name: `${prefix}.derive_ms`, value: round(deriveMs, 0), unit: 'ms' },
    {
      name: `${prefix}.ratio_vs_parse`,
      value: round(deriveMs / parseMs),
      unit: 'x',
      baseline: round(parseMs, 0),
      ratio: round(deriveMs / parseMs),
    },
    { name: `${prefix}.derive_aggregate_ms`, value: round(withAggregateMs, 0), unit: 'ms' },
    {
      name: `${prefix}.derive_aggregate.ratio_vs_parse`,
      value: round(withAggregateMs / parseMs),
      unit: 'x',
      baseline: round(parseMs, 0),
      ratio: round(withAggregateMs / parseMs),
    },
  ];
}

function protobufThroughput(bytes: Uint8Array, spanCount: number, reps: number): BenchResult[] {
  const times: number[] = [];
  deriveWindow(decodeOtlpProtobuf(bytes, 'bench.pb'));
  for (let i = 0; i < reps; i++) {
    times.push(timeMs(() => deriveWindow(decodeOtlpProtobuf(bytes, 'bench.pb'))));
  }
  const ms = median(times);
  return [
    { name: 'derive.otlp_protobuf.size_mb', value: round(bytes.length / 1e6, 1), unit: 'MB' },
    { name: 'derive.otlp_protobuf.derive_ms', value: round(ms, 0), unit: 'ms' },
    { name: 'derive.otlp_protobuf.spans_per_s', value: Math.round((spanCount / ms) * 1000), unit: 'spans/s' },
  ];
}

export async function run(opts: { smoke?: boolean } = {}): Promise<BenchResult[]> {
  const scale = opts.smoke ? 0.01 : 1;
  // Seven interleaved rounds: the medians hold still on a loaded machine where five did not.
  const reps = opts.smoke ? 1 : 7;
  const results: BenchResult[] = [];

  let text = asReadFromFile(JSON.stringify(toJaegerJson(spansFor(Math.ceil(TRACES.jaeger * scale)))));
  results.push(...compareWithParse('derive.jaeger', text, reps));

  text = asReadFromFile(
    JSON.stringify(toOtlpJson(spansFor(Math.ceil(TRACES.otlpJson * scale)), { idEncoding: 'hex' }))
  );
  results.push(...compareWithParse('derive.otlp_json', text, reps));
  text = '';

  const spans = spansFor(Math.ceil(TRACES.protobuf * scale));
  results.push(...protobufThroughput(toOtlpProtobuf(spans), spans.length, opts.smoke ? 1 : 3));
  return results;
}
