import type { ConfigOverrideRule, DataFrame, Field, ThresholdsConfig } from '@grafana/data';
import { KOMPAS_FIELD, NODE_GRAPH_FIELD } from '../../../servicegraph/src/frames/fieldNames';
import { classifyStat } from '../../../servicegraph/src/frames/readStats';
import { defaultErrorThresholds, defaultLatencyThresholds, healthThresholds } from '../defaults';
import type { DataflowOptions } from '../types';
import { readP95Thresholds } from './p95Thresholds';

/** The thresholds that colour one kind of frame: error rate in percent and p95 latency in ms. */
export interface StatThresholds {
  errors: ThresholdsConfig;
  latency: ThresholdsConfig;
}

export interface FrameThresholds {
  nodes: StatThresholds;
  edges: StatThresholds;
}

/**
 * Health thresholds as Grafana users set them: Grafana applies the panel's field config (defaults and
 * overrides) to every field before the panel sees the frames, so each field carries its own
 * `config.thresholds`. The error-rate field takes the panel's Thresholds (its default is 1 % / 5 %); the p95
 * field takes them only from an override (or the frame itself), since one panel-wide threshold cannot mean
 * both percent and milliseconds: without one it falls back to the pre-0.2 latency options, then 300 ms / 1 s.
 * The panel's `overrides` are read again for p95 because Grafana only applies an override on `p95` to fields
 * of that name, and other datasources' frames show p95 in e.g. `secondarystat` (see readP95Thresholds).
 */
export function readFrameThresholds(
  series: DataFrame[],
  panelThresholds: ThresholdsConfig | undefined,
  options: Pick<DataflowOptions, 'latencyWarnMs' | 'latencyCritMs'>,
  overrides: ConfigOverrideRule[] = []
): FrameThresholds {
  const panel = panelThresholds?.steps.length ? panelThresholds : defaultErrorThresholds;
  const legacyLatency =
    options.latencyWarnMs !== undefined || options.latencyCritMs !== undefined
      ? healthThresholds(options.latencyWarnMs ?? 300, options.latencyCritMs ?? 1000)
      : undefined;
  const fallbackLatency = legacyLatency ?? defaultLatencyThresholds;
  const isPanel = (thresholds: ThresholdsConfig) => sameThresholds(thresholds, panel);
  const read = (frames: DataFrame[]): StatThresholds => ({
    errors: ownThresholds(frames, isErrorRateField, panel) ?? panel,
    latency: firstDefined(frames, (frame) => readP95Thresholds(frame, series, overrides, isPanel)) ?? fallbackLatency,
  });
  const edgeFrames = series.filter(isEdgesFrame);
  return { nodes: read(series.filter((f) => !isEdgesFrame(f))), edges: read(edgeFrames) };
}

/** The first stat field's thresholds that are its own (an override, or set by the frame), not the panel's. */
function ownThresholds(
  frames: DataFrame[],
  isStatField: (field: Field) => boolean,
  panel: ThresholdsConfig
): ThresholdsConfig | undefined {
  for (const frame of frames) {
    for (const field of frame.fields) {
      const thresholds = field.config?.thresholds;
      if (thresholds?.steps.length && isStatField(field) && !sameThresholds(thresholds, panel)) {
        return thresholds;
      }
    }
  }
  return undefined;
}

function isEdgesFrame(frame: DataFrame): boolean {
  return frame.fields.some((f) => f.name.toLowerCase() === NODE_GRAPH_FIELD.source);
}

/** Kompas's `error_rate`, or a stock stat field that reads as an error rate (`detail__error_rate`, Errors %). */
function isErrorRateField(field: Field): boolean {
  return field.name.toLowerCase() === KOMPAS_FIELD.errorRate || classifyStat(field)?.stat === 'errorRate';
}

function firstDefined<T>(frames: DataFrame[], read: (frame: DataFrame) => T | undefined): T | undefined {
  for (const frame of frames) {
    const value = read(frame);
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}

/**
 * Equal as Grafana would apply them. The base step's value is ignored: saved JSON stores -Infinity as null,
 * and copies made on the way may or may not have it back; either way it is the base.
 */
function sameThresholds(a: ThresholdsConfig, b: ThresholdsConfig): boolean {
  return (
    a.mode === b.mode &&
    a.steps.length === b.steps.length &&
    a.steps.every((step, i) => step.color === b.steps[i].color && (i === 0 || step.value === b.steps[i].value))
  );
}
