import React from 'react';
import { PanelProps } from '@grafana/data';
import { forceSimulation } from 'd3-force';

export function DataflowPanel({ width, height }: PanelProps) {
  const sim = forceSimulation([]).stop();
  return <canvas width={width} height={height} data-alpha={sim.alpha()} />;
}
