import { HOLD_WINDOWS } from '../insight/anomalyWindows';
import { SERIES_WINDOWS } from '../timescale/anomalySeries';
import { ANOMALY_LEAD_WINDOWS, ANOMALY_WINDOW_MS, anomalySeriesRange } from './timescaleAnomalies';

describe('the anomaly series of a range', () => {
  it('is the held windows plus the baseline history, in minutes, ending with the range', () => {
    expect(SERIES_WINDOWS).toBe(ANOMALY_LEAD_WINDOWS + HOLD_WINDOWS);
    const toMs = Date.UTC(2026, 10, 23, 12, 0, 30);
    expect(anomalySeriesRange(toMs)).toEqual({ resolution: '1m', fromMs: toMs - SERIES_WINDOWS * ANOMALY_WINDOW_MS, toMs });
  });
});
