/**
 * @jest-environment node
 */
import fc from 'fast-check';
import { createShop } from './shop';

const NOON = Date.UTC(2026, 0, 15, 12);
const WINDOW_MS = 3000;

describe('createShop slicing (property)', () => {
  it('any cut of a window yields the same spans as the whole window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 86_400_000 }),
        fc.array(fc.double({ min: 0, max: WINDOW_MS, noNaN: true }), { maxLength: 6 }),
        (seed, offset, cuts) => {
          const from = NOON + offset;
          const shop = createShop({ seed, ratePerSecond: 20 });
          const bounds = [from, ...cuts.map((cut) => from + cut).sort((a, b) => a - b), from + WINDOW_MS];
          const sliced = bounds.slice(1).flatMap((to, i) => shop.spansBetween(bounds[i], to));
          // Compared as JSON: jest's deep equality is slow on thousands of spans.
          expect(JSON.stringify(sliced)).toBe(JSON.stringify(shop.spansBetween(from, from + WINDOW_MS)));
        }
      ),
      { numRuns: 25 }
    );
  });
});
