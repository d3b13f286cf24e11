import { createShop } from '../../../demo/src/index';
import { spansToRoute } from './traceRoute';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);

function checkoutWithPaymentsDb(incidents: string[]) {
  const requests = createShop({ seed: 11, ratePerSecond: 20, diurnal: false, incidents }).requestsBetween(
    START,
    START + 60_000
  );
  const request = requests.find((r) =>
    r.spans.some((s) => s.service === 'payments' && s.attributes['db.system'] !== undefined)
  );
  if (!request) {
    throw new Error('no request reached payments-db in the test minute');
  }
  return request;
}

describe('spansToRoute', () => {
  it('lists the hops of a request in time order, starting at the user', () => {
    const route = spansToRoute(checkoutWithPaymentsDb([]).spans);
    expect(route.hops[0]).toMatchObject({ step: 1, source: 'user' });
    const starts = route.hops.map((h) => h.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(route.hops.map((h) => h.edgeId)).toContain('payments->payments-db#database');
  });

  it('gives the locked payments database much more critical-path time when the incident is on', () => {
    const edge = 'payments->payments-db#database';
    const normal = spansToRoute(checkoutWithPaymentsDb([]).spans).criticalMsByEdge.get(edge) ?? 0;
    const route = spansToRoute(checkoutWithPaymentsDb(['payments-db-locking']).spans);
    expect(route.criticalMsByEdge.get(edge) ?? 0).toBeGreaterThan(5 * normal);
    const total = [...route.criticalMsByEdge.values()].reduce((a, b) => a + b, 0);
    const rootHop = route.hops[0];
    // The critical path tiles the root span: it is never longer than the request.
    expect(total).toBeLessThanOrEqual(rootHop.latencyMs + 1e-6);
  });
});
