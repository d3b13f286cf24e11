/*
 * `npm run bench [-- --smoke] [--flag...] [name-filter...]`: runs every bench/*.bench.ts, one at a time and each in its own
 * process (the machine is small, timings must not overlap, and no benchmark should inherit another's heap),
 * prints a table and writes bench/results.json (not in smoke mode or when filtered).
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { BenchResult } from './benchResult';

function format(n: number | undefined): string {
  if (n === undefined) {
    return '';
  }
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

function runFile(file: string, flags: string[]): BenchResult[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kompas-bench-')), 'results.json');
  const args = ['--import', 'tsx', path.join(__dirname, 'runOne.ts'), file, out, ...flags];
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (child.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`exited with ${child.status ?? child.signal}`);
  }
  return JSON.parse(fs.readFileSync(out, 'utf8')) as BenchResult[];
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [r.name, format(r.value), r.unit, format(r.baseline), format(r.ratio)]);
  const header = ['name', 'value', 'unit', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  rows.forEach((r) => console.log(line(r)));
}

function main(): void {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const filters = args.filter((a) => !a.startsWith('--'));
  // Flags (--smoke, and bench-specific ones such as --protobuf) reach every benchmark process.
  const flags = args.filter((a) => a.startsWith('--'));
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((flt) => f.includes(flt)))
    .sort();
  const results: BenchResult[] = [];
  let failures = 0;
  for (const file of files) {
    const started = Date.now();
    try {
      const out = runFile(file, flags);
      results.push(...out);
      console.log(`${file}: ${out.length} results in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      failures++;
      console.error(`${file}: failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  printTable(results);
  if (!smoke && filters.length === 0) {
    fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    console.log('wrote bench/results.json');
  }
  if (failures > 0) {
    process.exitCode = 1;
  }
}

main();
