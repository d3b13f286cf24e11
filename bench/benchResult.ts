/** One benchmark measurement; `baseline` is measured in the same run and `ratio` = value / baseline. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
}

/** What every `bench/*.bench.ts` exports. `smoke` runs tiny inputs (used by CI to keep benches working). */
export type BenchRun = (opts?: { smoke?: boolean }) => Promise<BenchResult[]>;
