import type { GrafanaTheme2, ThresholdsConfig } from '@grafana/data';
import { defaultErrorThresholds } from '../defaults';
import { HealthRules } from '../render/health';
import { SceneTheme } from '../render/sceneTypes';
import type { DataflowOptions } from '../types';

/**
 * Health rules from the standard thresholds (error rate in %, the first step above the base is the warning,
 * the next the critical level) and the latency options.
 */
export function toHealthRules(thresholds: ThresholdsConfig | undefined, options: DataflowOptions): HealthRules {
  const steps = (thresholds?.steps.length ? thresholds : defaultErrorThresholds).steps
    .slice(1)
    .map((s) => s.value)
    .filter((v) => Number.isFinite(v));
  const warn = steps[0] ?? Infinity;
  return {
    errorWarnPct: warn,
    errorCritPct: steps[1] ?? warn,
    latencyWarnMs: options.latencyWarnMs,
    latencyCritMs: options.latencyCritMs,
  };
}

/** Scene colours from the Grafana theme (light or dark) and the threshold colours. */
export function toSceneTheme(theme: GrafanaTheme2, thresholds: ThresholdsConfig | undefined): SceneTheme {
  const steps = (thresholds?.steps.length ? thresholds : defaultErrorThresholds).steps;
  const color = (index: number, fallback: string) =>
    theme.visualization.getColorByName(steps[Math.min(index, steps.length - 1)]?.color ?? fallback);
  return {
    health: [color(0, 'green'), color(1, 'orange'), color(2, 'red')],
    idle: theme.colors.text.disabled,
    nodeFill: theme.colors.background.primary,
    text: theme.colors.text.primary,
    textShadow: theme.colors.background.primary,
    error: theme.visualization.getColorByName('red'),
    hull: theme.colors.primary.main,
    selection: theme.colors.primary.text,
    fontFamily: theme.typography.fontFamily,
  };
}
