/**
 * Sends the demo shop's traffic to a running Kompas collector over real OTLP/HTTP (protobuf), phase by
 * phase, so tests get edge tables written exactly the way the collector writes them.
 */
import { createShop } from '../../demo/src/shop';
import { sendSpans } from '../../collector/src/testing/collectorHarness';

export interface TrafficPhase {
  fromMs: number;
  toMs: number;
  ratePerSecond: number;
  incidents: string[];
}

const REQUESTS_PER_EXPORT = 150;

/** Returns the number of spans sent; throws when the collector refuses a request. */
export async function sendShopTraffic(collectorUrl: string, phases: TrafficPhase[], seed: number): Promise<number> {
  let sent = 0;
  for (const phase of phases) {
    const shop = createShop({ seed, ratePerSecond: phase.ratePerSecond, diurnal: false, incidents: phase.incidents });
    const requests = shop.requestsBetween(phase.fromMs, phase.toMs);
    for (let i = 0; i < requests.length; i += REQUESTS_PER_EXPORT) {
      const spans = requests.slice(i, i + REQUESTS_PER_EXPORT).flatMap((r) => r.spans);
      const response = await sendSpans(collectorUrl, spans, 'protobuf');
      if (response.status !== 200) {
        throw new Error(`collector answered ${response.status}: ${response.body.toString('utf8').slice(0, 200)}`);
      }
      sent += spans.length;
    }
  }
  return sent;
}
