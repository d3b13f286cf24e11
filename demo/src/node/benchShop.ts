/**
 * How fast the shop simulates: `npx tsx demo/src/node/benchShop.ts`. Prints the cost of generating one
 * second of traffic at several rates (the browser's live mode calls spansBetween about once a second).
 */
import { createShop, DEFAULT_RATE_PER_SECOND } from '../shop';

const START = Date.UTC(2026, 0, 15, 17); // the daily peak (about 1.6x the mean rate)
const SECONDS = 120;

function bench(ratePerSecond: number): void {
  const shop = createShop({ seed: 1, ratePerSecond });
  shop.spansBetween(START - 5000, START); // warm up the JIT
  let spans = 0;
  const began = performance.now();
  for (let i = 0; i < SECONDS; i++) {
    spans += shop.spansBetween(START + i * 1000, START + (i + 1) * 1000).length;
  }
  const msPerSecond = (performance.now() - began) / SECONDS;
  console.log(
    `rate ${String(ratePerSecond).padStart(5)} req/s (peak x1.6): ${msPerSecond.toFixed(2)} ms per simulated second, ` +
      `${Math.round(spans / SECONDS)} spans/s, ${((msPerSecond * 1000) / (spans / SECONDS)).toFixed(2)} us/span`
  );
}

for (const rate of [DEFAULT_RATE_PER_SECOND, 100, 1000]) {
  bench(rate);
}
