import { ThresholdsMode, ThresholdsConfig } from '@grafana/data';
import { DataflowOptions } from './types';

export const defaultOptions: DataflowOptions = {
  layoutMode: 'force',
  animation: true,
  animationSpeed: 1,
  labelDensity: 'normal',
  latencyWarnMs: 300,
  latencyCritMs: 1000,
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

/** Error rate in percent: green below 1 %, orange from 1 %, red from 5 %. */
export const defaultErrorThresholds: ThresholdsConfig = {
  mode: ThresholdsMode.Absolute,
  steps: [
    { value: -Infinity, color: 'green' },
    { value: 1, color: 'orange' },
    { value: 5, color: 'red' },
  ],
};
