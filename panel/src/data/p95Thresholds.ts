import {
  fieldMatchers,
  type ConfigOverrideRule,
  type DataFrame,
  type Field,
  type ThresholdsConfig,
} from '@grafana/data';
import { KOMPAS_FIELD, NODE_GRAPH_FIELD } from '../../../servicegraph/src/frames/fieldNames';
import { classifyStat } from '../../../servicegraph/src/frames/readStats';

/** A field that shows p95 latency, and what its values are multiplied by to give milliseconds. */
export interface P95Field {
  field: Field;
  toMs: number;
}

/**
 * The fields of a frame that show p95 latency: Kompas's `p95` (ms), and the Node Graph stat fields that read as
 * p95 (`mainstat`, `secondarystat`, `detail__*` with a time unit and "p95" in the label, as readStats reads them).
 */
export function findP95Fields(frame: DataFrame): P95Field[] {
  const found: P95Field[] = [];
  for (const field of frame.fields) {
    const name = field.name.toLowerCase();
    if (name === KOMPAS_FIELD.p95) {
      found.push({ field, toMs: 1 });
      continue;
    }
    const isStat =
      name === NODE_GRAPH_FIELD.mainStat ||
      name === NODE_GRAPH_FIELD.secondaryStat ||
      name.startsWith(NODE_GRAPH_FIELD.detail);
    const meaning = isStat ? classifyStat(field) : undefined;
    if (meaning?.stat === 'latency' && meaning.percentile === 'p95Ms') {
      found.push({ field, toMs: meaning.factor });
    }
  }
  return found;
}

/**
 * The p95 thresholds (in ms) of one frame, as a Grafana user sets them: a Thresholds override applies when its
 * matcher (any of Grafana's, e.g. "Fields with name") picks a field that shows p95 in this frame, or would pick
 * it were it named `p95`. So the override on `p95` that the migration and the provisioned dashboard write also
 * colours another datasource's `secondarystat` "p95 latency". Later overrides win, as in Grafana. Without one,
 * thresholds the frame set on a p95 field itself; undefined when the frame has neither (or no p95 at all).
 * Thresholds matched on a stock field are in that field's unit (e.g. s) and are converted to ms.
 */
export function readP95Thresholds(
  frame: DataFrame,
  series: DataFrame[],
  overrides: ConfigOverrideRule[],
  isPanelThresholds: (thresholds: ThresholdsConfig) => boolean
): ThresholdsConfig | undefined {
  const p95Fields = findP95Fields(frame);
  if (p95Fields.length === 0) {
    return undefined;
  }
  const asNamedP95 = namedP95(frame, p95Fields);
  let fromOverride: ThresholdsConfig | undefined;
  for (const override of overrides) {
    const thresholds = overrideThresholds(override);
    const matcher = thresholds && fieldMatchers.getIfExists(override.matcher.id)?.get(override.matcher.options);
    if (!thresholds || !matcher) {
      continue;
    }
    const matched = p95Fields.find((p) => matcher(p.field, frame, series));
    if (matched) {
      fromOverride = toMilliseconds(thresholds, matched.toMs);
    } else if (asNamedP95 && matcher(asNamedP95.field, asNamedP95.frame, series)) {
      fromOverride = toMilliseconds(thresholds, 1);
    }
  }
  if (fromOverride) {
    return fromOverride;
  }
  for (const { field, toMs } of p95Fields) {
    const own = field.config?.thresholds;
    if (own?.steps.length && !isPanelThresholds(own)) {
      return toMilliseconds(own, toMs);
    }
  }
  return undefined;
}

/** The last Thresholds property of an override (Grafana applies them in order), if it sets any. */
function overrideThresholds(override: ConfigOverrideRule): ThresholdsConfig | undefined {
  const property = override.properties.filter((p) => p.id === 'thresholds').pop();
  const value = property?.value as ThresholdsConfig | undefined;
  return value?.steps?.length ? value : undefined;
}

/**
 * The frame's p95 field as if it were Kompas's `p95` (values in ms), to test matchers against; undefined when the
 * frame has a real `p95` field (the matchers see that one already). Only the name changes: a matcher by type or
 * query (refId) still judges the real field and frame.
 */
function namedP95(frame: DataFrame, p95Fields: P95Field[]): { field: Field; frame: DataFrame } | undefined {
  if (p95Fields.some((p) => p.field.name.toLowerCase() === KOMPAS_FIELD.p95)) {
    return undefined;
  }
  const real = p95Fields[p95Fields.length - 1].field;
  // No display name and no cached one (state): they would still say "p95 latency".
  const config = { ...real.config, displayName: undefined, displayNameFromDS: undefined };
  const field: Field = { ...real, name: KOMPAS_FIELD.p95, config, state: undefined };
  return { field, frame: { ...frame, fields: frame.fields.map((f) => (f === real ? field : f)) } };
}

/** Thresholds in a field's unit -> ms. The base step stays the base (saved JSON stores -Infinity as null). */
function toMilliseconds(thresholds: ThresholdsConfig, toMs: number): ThresholdsConfig {
  return {
    ...thresholds,
    steps: thresholds.steps.map((step, i) => ({ ...step, value: i === 0 ? -Infinity : step.value * toMs })),
  };
}
