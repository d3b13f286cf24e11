/**
 * @jest-environment node
 *
 * The detector on the demo shop: normal traffic in 10 s windows through derivation and aggregation, then
 * an incident switched on. Shorter than the benchmark's 30 minutes (bench/insight.bench.ts reports those).
 */
import { evaluateIncident } from './testing/demoEvaluation';

const START = Date.UTC(2026, 0, 15, 16);
const NORMAL_WINDOWS = 40;

describe('anomaly detector on the demo shop', () => {
  // Simulates and derives ~15 minutes of shop traffic: slow on a busy machine.
  jest.setTimeout(300_000);

  it('flags payments -> payments-db within 3 windows of payments-db-locking, with few false flags before', () => {
    const result = evaluateIncident({
      seed: 5,
      startMs: START,
      normalWindows: NORMAL_WINDOWS,
      incidentWindows: 6,
      windowMs: 10_000,
      incident: 'payments-db-locking',
      isDetection: (flag) => flag.id === 'payments->payments-db#database' && flag.metric === 'p95',
    });
    expect(result.detectionDelayWindows).toBeLessThanOrEqual(3);
    expect(result.detection?.reason).toMatch(/^p95 .* is \d+× the usual .*ms$/);
    expect(result.falseFlagRate).toBeLessThan(0.002);
    expect(result.windowsWithFalseFlags).toBeLessThan(0.1);
  });

  it('flags the error rate of calls to inventory within 3 windows of inventory-errors', () => {
    const result = evaluateIncident({
      seed: 6,
      startMs: START,
      normalWindows: NORMAL_WINDOWS,
      incidentWindows: 6,
      windowMs: 10_000,
      incident: 'inventory-errors',
      isDetection: (flag) => flag.element === 'edge' && flag.id.endsWith('->inventory') && flag.metric === 'errorRate',
    });
    expect(result.detectionDelayWindows).toBeLessThanOrEqual(3);
    expect(result.falseFlagRate).toBeLessThan(0.002);
  });

  it('flags the consumer lag of a Kafka edge in the first window of kafka-consumer-lag, with the reason', () => {
    const result = evaluateIncident({
      seed: 7,
      startMs: START,
      normalWindows: NORMAL_WINDOWS,
      incidentWindows: 6,
      windowMs: 10_000,
      incident: 'kafka-consumer-lag',
      isDetection: (flag) => flag.id.endsWith('#messaging_system') && flag.metric === 'lagP95',
    });
    expect(result.detectionDelayWindows).toBe(1);
    expect(result.detection?.reason).toMatch(/^consumer lag p95 [\d.]+ (s|min), usually \d+ ms$/);
    expect(result.falseFlagRate).toBeLessThan(0.002);
    expect(result.normalFlags.filter((flag) => flag.metric === 'lagP95')).toEqual([]);
  });
});
