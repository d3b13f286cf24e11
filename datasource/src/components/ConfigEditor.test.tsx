import React from 'react';
import { DataSourceSettings } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';
import { fireEvent, render, screen } from '@testing-library/react';

import { DataflowDataSourceOptions, DataflowSecureJsonData } from '../types';
import { ConfigEditor } from './ConfigEditor';
import { TEST_IDS } from './testIds';

type Settings = DataSourceSettings<DataflowDataSourceOptions, DataflowSecureJsonData>;

beforeAll(() => {
  // DataSourcePicker lists datasources from Grafana's DataSourceSrv; an empty instance list is enough here.
  setDataSourceSrv({
    getList: () => [],
    getInstanceSettings: () => undefined,
    get: () => Promise.reject(new Error('none')),
    reload: () => undefined,
  } as unknown as DataSourceSrv);
});

function settings(jsonData: DataflowDataSourceOptions): Settings {
  return { jsonData, secureJsonFields: {}, secureJsonData: {}, url: '' } as unknown as Settings;
}

describe('ConfigEditor', () => {
  it('lets the URL be typed freely and normalises it on blur into jsonData and the datasource URL', () => {
    const onOptionsChange = jest.fn();
    render(<ConfigEditor options={settings({ defaultSource: 'jaeger' })} onOptionsChange={onOptionsChange} />);
    const input = screen.getByTestId(TEST_IDS.config.jaegerUrl);
    fireEvent.change(input, { target: { value: 'http://' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ jsonData: { defaultSource: 'jaeger', jaegerUrl: 'http://' } })
    );
    fireEvent.blur(input, { target: { value: ' http://jaeger:16686/ ' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({
        url: 'http://jaeger:16686',
        jsonData: { defaultSource: 'jaeger', jaegerUrl: 'http://jaeger:16686' },
      })
    );
  });

  it('switches the default source', () => {
    const onOptionsChange = jest.fn();
    render(<ConfigEditor options={settings({})} onOptionsChange={onOptionsChange} />);
    fireEvent.click(screen.getByLabelText('Timescale'));
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ jsonData: { defaultSource: 'timescale' } })
    );
  });
});
