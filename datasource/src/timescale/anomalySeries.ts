/**
 * Which buckets Timescale anomaly flags are computed from (pure; postgres/timescaleAnomalies.ts explains why).
 * Flags concern the newest windows, so the series is the newest SERIES_WINDOWS minutes: the windows whose
 * flags are held (insight/anomalyWindows' HOLD_WINDOWS, 3) plus ANOMALY_LEAD_WINDOWS of baseline history.
 */
import { EdgeResolution } from './edgeSql';

export const ANOMALY_WINDOW_MS = 60_000;
export const ANOMALY_LEAD_WINDOWS = 20;
/** ANOMALY_LEAD_WINDOWS + HOLD_WINDOWS (a test keeps them in step; importing it here would pull in the frames code). */
export const SERIES_WINDOWS = ANOMALY_LEAD_WINDOWS + 3;

export interface SeriesRange {
  resolution: EdgeResolution;
  fromMs: number;
  toMs: number;
}

/** The minute buckets the flags of a range ending at `toMs` are computed from. */
export function anomalySeriesRange(toMs: number): SeriesRange {
  return { resolution: '1m', fromMs: toMs - SERIES_WINDOWS * ANOMALY_WINDOW_MS, toMs };
}
