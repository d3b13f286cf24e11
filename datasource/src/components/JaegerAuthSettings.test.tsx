import React from 'react';
import { DataSourceSettings } from '@grafana/data';
import { fireEvent, render, screen } from '@testing-library/react';

import { DataflowDataSourceOptions, DataflowSecureJsonData } from '../types';
import { JaegerAuthSettings } from './JaegerAuthSettings';
import { TEST_IDS } from './testIds';

function settings(jsonData: DataflowDataSourceOptions, secureJsonFields: Record<string, boolean> = {}) {
  return { jsonData, secureJsonFields, secureJsonData: {} } as unknown as DataSourceSettings<
    DataflowDataSourceOptions,
    DataflowSecureJsonData
  >;
}

describe('JaegerAuthSettings', () => {
  it('turns on bearer auth and leaves Grafana basic auth off', () => {
    const onOptionsChange = jest.fn();
    render(<JaegerAuthSettings options={settings({ jaegerAuth: 'basic' })} onOptionsChange={onOptionsChange} />);
    fireEvent.click(screen.getByLabelText('Bearer token'));
    expect(onOptionsChange).toHaveBeenCalledWith(
      expect.objectContaining({ basicAuth: false, jsonData: { jaegerAuth: 'bearer', oauthPassThru: false } })
    );
  });

  it('shows a configured token as write-only and writes a new one to secureJsonData only', () => {
    const onOptionsChange = jest.fn();
    render(
      <JaegerAuthSettings
        options={settings({ jaegerAuth: 'bearer' }, { bearerToken: true })}
        onOptionsChange={onOptionsChange}
      />
    );
    expect(screen.getByDisplayValue('configured')).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onOptionsChange).toHaveBeenCalledWith(
      expect.objectContaining({
        secureJsonFields: { bearerToken: false },
        secureJsonData: { bearerToken: '' },
        jsonData: { jaegerAuth: 'bearer' },
      })
    );
  });

  it('asks for user and password in basic mode', () => {
    render(<JaegerAuthSettings options={settings({ jaegerAuth: 'basic' })} onOptionsChange={jest.fn()} />);
    expect(screen.getByTestId(TEST_IDS.config.basicUser)).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.config.basicPassword)).toBeInTheDocument();
    expect(screen.queryByTestId(TEST_IDS.config.bearerToken)).not.toBeInTheDocument();
  });
});
