/**
 * `npm run --silent edges -- FILE [FILE...]`: prints one JSON graph for all files (spans from all files are
 * paired together, so a client in one file meets its server in another). Bad input: exit 1, one line on
 * stderr naming the file and the problem, nothing on stdout.
 */
import { ParseError } from '../parse/parseError';
import { SpanColumns } from '../parse/scan/spanColumns';
import type { DependencyLink } from '../parse/jaegerDependencies';
import { readTraceFile } from './readTraceFile';
import { buildEdgesReport } from './edgesReport';
import { BOTTLENECKS_FLAG, buildBottleneckReport } from '../insight/bottleneckReport';

const USAGE =
  'usage: npm run --silent edges -- [--bottlenecks] FILE [FILE...]  (Jaeger /api/traces, a Jaeger trace, OTLP JSON/protobuf, Jaeger /api/dependencies)';

export function runEdgesCli(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const withBottlenecks = args.includes(BOTTLENECKS_FLAG);
  const files = args.filter((arg) => arg !== '--' && arg !== BOTTLENECKS_FLAG);
  if (files.length === 0 || files.includes('--help') || files.includes('-h')) {
    return { code: files.length === 0 ? 2 : 0, stdout: '', stderr: `${USAGE}\n` };
  }
  // Columns rather than Span objects: a large dump then costs the garbage collector (and memory) little.
  const columns = new SpanColumns();
  const dependencies: DependencyLink[] = [];
  for (const file of files) {
    try {
      dependencies.push(...readTraceFile(file, columns));
    } catch (error) {
      return { code: 1, stdout: '', stderr: `${oneLine(describeError(error, file))}\n` };
    }
  }
  const report = buildEdgesReport(columns, dependencies);
  const output = withBottlenecks ? { ...report, bottlenecks: buildBottleneckReport(columns.toSpans()) } : report;
  return { code: 0, stdout: `${JSON.stringify(output)}\n`, stderr: '' };
}

function describeError(error: unknown, file: string): string {
  if (error instanceof ParseError) {
    return error.message;
  }
  return `${file}: ${error instanceof Error ? error.message : String(error)}`;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

/** Output errors as one stderr line; EPIPE (the reader stopped early, e.g. `| head`) ends quietly. */
function handleStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') {
    process.stderr.write(`stdout: ${oneLine(error.message)}\n`);
  }
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
}

if (require.main === module) {
  process.stdout.on('error', handleStdoutError);
  const result = runEdgesCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
