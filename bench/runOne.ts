/*
 * Runs one benchmark file in this (fresh) process and writes its results as JSON to the given path.
 * bench/run.ts starts one process per file so that no benchmark runs on a heap another one left behind.
 * Usage: tsx bench/runOne.ts <file.bench.ts> <out.json> [--smoke]
 */
import fs from 'fs';
import path from 'path';
import { BenchRun } from './benchResult';

async function main(): Promise<void> {
  const [file, out] = process.argv.slice(2);
  const module = (await import(path.resolve(__dirname, file))) as { run?: BenchRun };
  if (typeof module.run !== 'function') {
    throw new Error(`${file} does not export run()`);
  }
  const results = await module.run({ smoke: process.argv.includes('--smoke') });
  fs.writeFileSync(out, JSON.stringify(results));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
