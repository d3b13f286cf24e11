import type { GrafanaTheme2, ThresholdsConfig } from '@grafana/data';
import { defaultErrorThresholds } from '../defaults';
import { HealthRules } from '../render/health';
import { SceneTheme } from '../render/sceneTypes';
import type { ColorBy } from '../types';
import type { FrameThresholds, StatThresholds } from './fieldThresholds';

/** Health rules and colours for one map: nodes and edges may have thresholds of their own (per-frame overrides). */
export interface HealthLook {
  nodes: HealthRules;
  edges: HealthRules;
  /** The thresholds whose step colours are the health colours (the nodes' colour field). */
  colors: ThresholdsConfig;
}

/** Where a level starts: the first step above the base is the warning, the next the critical level. */
function levelStarts(thresholds: ThresholdsConfig): [number, number] {
  const starts = thresholds.steps
    .slice(1)
    .map((s) => s.value)
    .filter((v) => Number.isFinite(v));
  return [starts[0] ?? Infinity, starts[1] ?? Infinity];
}

/**
 * Standard thresholds -> health levels 0/1/2 (step 0, step 1, step 2 and above). Colour by one stat leaves
 * the other out (its levels never start).
 */
export function toHealthRules(thresholds: StatThresholds, colorBy: ColorBy): HealthRules {
  const [errorWarnPct, errorCritPct] = colorBy === 'p95' ? [Infinity, Infinity] : levelStarts(thresholds.errors);
  const [latencyWarnMs, latencyCritMs] = colorBy === 'errors' ? [Infinity, Infinity] : levelStarts(thresholds.latency);
  return { errorWarnPct, errorCritPct, latencyWarnMs, latencyCritMs };
}

/** The rules and colours of the map from the frames' thresholds and the Colour by option. */
export function toHealthLook(thresholds: FrameThresholds, colorBy: ColorBy): HealthLook {
  return {
    nodes: toHealthRules(thresholds.nodes, colorBy),
    edges: toHealthRules(thresholds.edges, colorBy),
    colors: colorBy === 'p95' ? thresholds.nodes.latency : thresholds.nodes.errors,
  };
}

/** What the legend says a level starts at, e.g. "≥ 1% errors or p95 ≥ 300 ms"; '' when it never starts. */
export function describeLevel(rules: HealthRules, level: 1 | 2): string {
  const pct = level === 1 ? rules.errorWarnPct : rules.errorCritPct;
  const ms = level === 1 ? rules.latencyWarnMs : rules.latencyCritMs;
  const parts = [Number.isFinite(pct) ? `≥ ${pct}% errors` : '', Number.isFinite(ms) ? `p95 ≥ ${ms} ms` : ''];
  return parts.filter(Boolean).join(' or ');
}

/** Scene colours from the Grafana theme (light or dark) and the threshold colours. */
export function toSceneTheme(theme: GrafanaTheme2, thresholds: ThresholdsConfig | undefined): SceneTheme {
  const steps = (thresholds?.steps.length ? thresholds : defaultErrorThresholds).steps;
  const color = (index: number, fallback: string) =>
    theme.visualization.getColorByName(steps[Math.min(index, steps.length - 1)]?.color ?? fallback);
  return {
    health: [color(0, 'green'), color(1, 'orange'), color(2, 'red')],
    idle: theme.colors.text.disabled,
    neutral: theme.colors.text.primary,
    nodeFill: theme.colors.background.primary,
    text: theme.colors.text.primary,
    textShadow: theme.colors.background.primary,
    error: theme.visualization.getColorByName('red'),
    hull: theme.colors.primary.main,
    selection: theme.colors.primary.text,
    fontFamily: theme.typography.fontFamily,
  };
}
