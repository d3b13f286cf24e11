import { ThresholdsConfig, ThresholdsMode } from '@grafana/data';
import { DataflowOptions } from './types';

export const defaultOptions: DataflowOptions = {
  layoutMode: 'force',
  animation: true,
  animationSpeed: 1,
  labelDensity: 'normal',
  sizeBy: 'rate',
  colorBy: 'health',
  groupField: 'group',
  focusVariable: 'focus',
  hiddenKinds: [],
  showLegend: true,
  pins: {},
  traceLinkTemplate: '',
  routeVariable: 'routeTrace',
  showAlerts: true,
  alertNodeLabels: 'server, service',
};

/** Green below `warn`, orange from `warn`, red from `crit`: the three health levels as standard thresholds. */
export function healthThresholds(warn: number, crit: number): ThresholdsConfig {
  return {
    mode: ThresholdsMode.Absolute,
    steps: [
      { value: -Infinity, color: 'green' },
      { value: warn, color: 'orange' },
      { value: crit, color: 'red' },
    ],
  };
}

/** The panel's standard Thresholds: error rate in percent, orange from 1 %, red from 5 %. */
export const defaultErrorThresholds = healthThresholds(1, 5);

/** p95 latency in ms, orange from 300 ms, red from 1 s, unless the p95 field has its own thresholds. */
export const defaultLatencyThresholds = healthThresholds(300, 1000);
