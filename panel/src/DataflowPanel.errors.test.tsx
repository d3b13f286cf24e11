import { LoadingState } from '@grafana/data';
import { BackendSrv, setBackendSrv } from '@grafana/runtime';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { toNodeGraphFrames } from '../../servicegraph/src/frames/toNodeGraphFrames';
import { DataflowPanel } from './DataflowPanel';
import { defaultOptions } from './defaults';
import { describeAlertsError } from './hooks/useFiringAlerts';
import { createPanelProps } from './testdata/panelProps';
import { createShopGraph } from './testdata/shopGraph';

/** What Grafana's backend service rejects with when the user may not read alert rules. */
const FORBIDDEN = { status: 403, statusText: 'Forbidden', data: { message: 'You do not have access to alert rules' } };

function dataWith(props: ReturnType<typeof createPanelProps>, extra: Partial<typeof props.data>) {
  return { ...props, data: { ...props.data, ...extra } };
}

describe('DataflowPanel with failed queries and alerts', () => {
  it('shows the query error, not the empty state, when the query failed without frames', () => {
    const props = createPanelProps([]);
    const failed = dataWith(props, { state: LoadingState.Error, errors: [{ message: 'Jaeger answered 502 Bad Gateway' }] });
    render(<DataflowPanel {...failed} />);
    const message = screen.getByRole('alert');
    expect(message).toHaveTextContent('The query failed');
    expect(message).toHaveTextContent('Jaeger answered 502 Bad Gateway');
    expect(message).not.toHaveTextContent('No dataflow to show');
  });

  it('keeps drawing the last frames with a small notice when a stream tick failed', async () => {
    const props = createPanelProps(toNodeGraphFrames(createShopGraph()), { options: { ...defaultOptions, showAlerts: false } });
    const failed = dataWith(props, { state: LoadingState.Streaming, errors: [{ message: 'stream tick failed: timeout' }] });
    render(<DataflowPanel {...failed} />);
    expect(await screen.findByTestId('kompas-dataflow-canvas')).toBeInTheDocument();
    expect(screen.queryByTestId('kompas-dataflow-message')).not.toBeInTheDocument();
    expect(screen.getByTestId('kompas-dataflow-notice')).toHaveTextContent('stream tick failed: timeout');
  });

  it('says the alerts could not be read when the alerting API answers 403', async () => {
    setBackendSrv({ get: () => Promise.reject(FORBIDDEN) } as unknown as BackendSrv);
    render(<DataflowPanel {...createPanelProps(toNodeGraphFrames(createShopGraph()))} />);
    const notice = await screen.findByTestId('kompas-dataflow-notice');
    expect(notice).toHaveTextContent('Alerts not shown: 403 Forbidden: You do not have access to alert rules');
  });

  it('describes errors without a message by their status', () => {
    expect(describeAlertsError({ status: 500 })).toBe('500');
    expect(describeAlertsError(new Error('offline'))).toBe('offline');
    expect(describeAlertsError(undefined)).toBe('the alerting API could not be read');
  });
});

describe('DataflowPanel memory', () => {
  const frames = toNodeGraphFrames(createShopGraph());
  const onDashboard = (dashboardUID: string) => {
    const props = createPanelProps(frames, { id: 1 });
    return dataWith(props, { request: { dashboardUID, requestId: 'q1' } as typeof props.data.request });
  };

  it('keeps the view of panel 1 per dashboard: another dashboard fits its own map', async () => {
    const first = render(<DataflowPanel {...onDashboard('dash-a')} />);
    const canvas = await screen.findByTestId('kompas-dataflow-canvas');
    const fitted = canvas.getAttribute('data-zoom');
    act(() => {
      fireEvent.wheel(canvas, { deltaY: -600, clientX: 100, clientY: 100 });
    });
    const zoomed = canvas.getAttribute('data-zoom');
    expect(zoomed).not.toBe(fitted);
    first.unmount();

    const other = render(<DataflowPanel {...onDashboard('dash-b')} />);
    expect((await screen.findByTestId('kompas-dataflow-canvas')).getAttribute('data-zoom')).toBe(fitted);
    other.unmount();

    render(<DataflowPanel {...onDashboard('dash-a')} />);
    expect((await screen.findByTestId('kompas-dataflow-canvas')).getAttribute('data-zoom')).toBe(zoomed);
  });
});
