import { createShop } from '../../../demo/src/index';
import { toJaegerJson } from '../../../servicegraph/src/encode/jaegerJsonEncoder';
import { JaegerTrace } from './jaegerModel';

export interface DemoTraceOptions {
  /** End of the simulated interval, ms since the epoch. */
  endMs: number;
  /** Length of the simulated interval, ms (keep it short: about 38 spans per request). */
  durationMs: number;
  seed?: number;
  ratePerSecond?: number;
  incidents?: string[];
}

/** The demo shop's traces for an interval, in Jaeger JSON, so the replay server can serve them too. */
export function demoShopTraces(options: DemoTraceOptions): JaegerTrace[] {
  const shop = createShop({
    seed: options.seed ?? 42,
    ratePerSecond: options.ratePerSecond ?? 5,
    incidents: options.incidents ?? [],
  });
  const spans = shop.spansBetween(options.endMs - options.durationMs, options.endMs);
  return toJaegerJson(spans).data as unknown as JaegerTrace[];
}
