import { createTheme } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import React from 'react';
import { toSceneTheme } from '../data/healthRules';
import type { HealthRules } from '../render/health';
import { Legend } from './Legend';

const theme = toSceneTheme(createTheme({ colors: { mode: 'dark' } }), undefined);
const rules: HealthRules = { errorWarnPct: 1, errorCritPct: 5, latencyWarnMs: 300, latencyCritMs: 1000 };
const marks = { bottleneck: true, anomaly: false, alert: true };

describe('Legend by panel size', () => {
  it('full: every health level with its thresholds, the node shapes and the marks on the map', () => {
    render(<Legend theme={theme} rules={rules} marks={marks} size="full" />);
    const legend = screen.getByTestId('kompas-dataflow-legend');
    expect(legend).toHaveTextContent('≥ 1% errors or p95 ≥ 300 ms');
    expect(legend).toHaveTextContent('No traffic');
    expect(legend).toHaveTextContent('database');
    expect(legend).toHaveTextContent('bottleneck');
    expect(legend).toHaveTextContent('firing alert');
    expect(legend).not.toHaveTextContent('anomaly');
  });

  it('compact: one line of short threshold labels and marks, without the node shapes', () => {
    render(<Legend theme={theme} rules={rules} marks={marks} size="compact" />);
    const legend = screen.getByTestId('kompas-dataflow-legend');
    expect(legend).toHaveTextContent('≥ 1% · 300 ms');
    expect(legend).toHaveTextContent('≥ 5% · 1000 ms');
    expect(legend).toHaveTextContent('bottleneck');
    expect(legend).not.toHaveTextContent('errors or p95');
    expect(legend).not.toHaveTextContent('database');
    expect(legend.className).toMatch(/css-/);
    expect(getComputedStyle(legend).flexWrap).toBe('nowrap');
    // What the panel edge cuts off is the idle swatch, not the map's loudest mark.
    const text = legend.textContent ?? '';
    expect(text.indexOf('bottleneck')).toBeLessThan(text.indexOf('idle'));
  });

  it('tiny: only an icon button that opens the legend', () => {
    render(<Legend theme={theme} rules={rules} marks={marks} size="tiny" />);
    const legend = screen.getByTestId('kompas-dataflow-legend');
    expect(legend).not.toHaveTextContent('OK');
    expect(screen.getByRole('button', { name: 'Legend' })).toBeInTheDocument();
  });

  it('leaves the bottleneck out when the map does not show one', () => {
    render(<Legend theme={theme} rules={rules} size="full" />);
    expect(screen.getByTestId('kompas-dataflow-legend')).not.toHaveTextContent('bottleneck');
  });
});
