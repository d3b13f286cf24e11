/*
 * `npm run bench [-- --smoke] [name-filter...]`: runs every bench/*.bench.ts in turn (one at a time: the machine is
 * small and timings must not overlap), prints a table and writes bench/results.json (not in smoke mode).
 */
import fs from 'fs';
import path from 'path';
import { BenchResult, BenchRun } from './benchResult';

function format(n: number | undefined): string {
  if (n === undefined) {
    return '';
  }
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const filters = args.filter((a) => !a.startsWith('--'));
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
      const module = (await import(path.join(__dirname, file))) as { run?: BenchRun };
      if (typeof module.run !== 'function') {
        throw new Error('does not export run()');
      }
      const out = await module.run({ smoke });
      results.push(...out);
      console.log(`${file}: ${out.length} results in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      failures++;
      console.error(`${file}: failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const rows = results.map((r) => [r.name, format(r.value), r.unit, format(r.baseline), format(r.ratio)]);
  const header = ['name', 'value', 'unit', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  rows.forEach((r) => console.log(line(r)));
  if (!smoke && filters.length === 0) {
    fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    console.log('wrote bench/results.json');
  }
  if (failures > 0) {
    process.exitCode = 1;
  }
}

main();
