/**
 * The seeded shop traffic as Jaeger JSON: the very requests seedShopData sent to the collector (same seed,
 * rate and incident phases), for a Jaeger stand-in that must serve the traces whose ids the edge tables keep
 * as exemplars ("Show an example request" in Timescale mode fetches them from Jaeger).
 */
import { createShop } from '../../demo/src/shop';
import type { JaegerTrace } from '../../sandbox/jaeger-replay/src';
import { toJaegerJson } from '../../servicegraph/src/encode/jaegerJsonEncoder';
import { DEFAULT_SEED, seedPhases, type SeedOptions } from './seedShopData';

/** The traces of the seeded requests that start in [fromMs, toMs), oldest first, in the replay server's model. */
export function seedShopTraces(options: SeedOptions, fromMs: number, toMs: number): JaegerTrace[] {
  const traces: JaegerTrace[] = [];
  for (const phase of seedPhases(options)) {
    const from = Math.max(fromMs, phase.fromMs);
    const to = Math.min(toMs, phase.toMs);
    if (from >= to) {
      continue;
    }
    const shop = createShop({
      seed: options.seed ?? DEFAULT_SEED,
      ratePerSecond: phase.ratePerSecond,
      diurnal: false,
      incidents: phase.incidents,
    });
    // The encoder's closed trace type is the open model the replay reads (which allows extra keys).
    traces.push(...(toJaegerJson(shop.spansBetween(from, to)).data as unknown as JaegerTrace[]));
  }
  return traces;
}
