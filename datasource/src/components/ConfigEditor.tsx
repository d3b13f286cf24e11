import React from 'react';
import { DataSourceInstanceSettings, DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { FieldSet, InlineField, Input, RadioButtonGroup } from '@grafana/ui';

import { DEFAULT_OPTIONS } from '../defaults';
import { DataflowDataSourceOptions, DataflowSecureJsonData, DataflowSourceKind } from '../types';
import { CustomHeadersSettings } from './CustomHeadersSettings';
import { JaegerAuthSettings } from './JaegerAuthSettings';
import { TEST_IDS } from './testIds';

type Props = DataSourcePluginOptionsEditorProps<DataflowDataSourceOptions, DataflowSecureJsonData>;

export const SOURCE_OPTIONS: Array<{ label: string; value: DataflowSourceKind; description: string }> = [
  { label: 'Demo', value: 'demo', description: 'A simulated web shop running in the browser' },
  { label: 'Jaeger', value: 'jaeger', description: 'Edges derived from Jaeger traces' },
  { label: 'Timescale', value: 'timescale', description: 'Edge aggregates in TimescaleDB/PostgreSQL' },
];

const POSTGRES_TYPES = ['grafana-postgresql-datasource', 'postgres'];

export function ConfigEditor(props: Props) {
  const { options, onOptionsChange } = props;
  const jsonData = options.jsonData;
  const setJson = <K extends keyof DataflowDataSourceOptions>(key: K, value: DataflowDataSourceOptions[K]) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, [key]: value } });
  const numberOr = (text: string, fallback: number) =>
    Number.isFinite(Number(text)) && Number(text) > 0 ? Number(text) : fallback;

  return (
    <>
      <FieldSet label="Source">
        <InlineField label="Default source" labelWidth={20} tooltip="Queries can override it">
          <div data-testid={TEST_IDS.config.defaultSource}>
            <RadioButtonGroup<DataflowSourceKind>
              options={SOURCE_OPTIONS}
              value={jsonData.defaultSource ?? DEFAULT_OPTIONS.defaultSource}
              onChange={(value) => setJson('defaultSource', value)}
            />
          </div>
        </InlineField>
      </FieldSet>
      <FieldSet label="Jaeger">
        <InlineField
          label="URL"
          labelWidth={20}
          tooltip="Jaeger query service as the Grafana server reaches it"
          required
        >
          <Input
            width={40}
            placeholder="http://jaeger:16686"
            aria-label="Jaeger URL"
            data-testid={TEST_IDS.config.jaegerUrl}
            value={jsonData.jaegerUrl ?? ''}
            onChange={(e) => setJson('jaegerUrl', e.currentTarget.value)}
            onBlur={(e) => {
              // The datasource URL mirrors it, so Grafana's proxy checks (allow lists) see the real target.
              const url = e.currentTarget.value.trim().replace(/\/+$/, '');
              onOptionsChange({ ...options, url, jsonData: { ...jsonData, jaegerUrl: url } });
            }}
          />
        </InlineField>
        <JaegerAuthSettings {...props} />
        <CustomHeadersSettings {...props} />
        <InlineField label="Timeout (s)" labelWidth={20}>
          <Input
            width={12}
            type="number"
            aria-label="Jaeger timeout in seconds"
            data-testid={TEST_IDS.config.timeout}
            defaultValue={(jsonData.jaegerTimeoutMs ?? DEFAULT_OPTIONS.jaegerTimeoutMs) / 1000}
            onBlur={(e) => setJson('jaegerTimeoutMs', numberOr(e.currentTarget.value, 30) * 1000)}
          />
        </InlineField>
        <InlineField
          label="Max response (MB)"
          labelWidth={20}
          tooltip="Bigger Jaeger answers are refused with a message"
        >
          <Input
            width={12}
            type="number"
            aria-label="Maximum Jaeger response size in MB"
            data-testid={TEST_IDS.config.maxResponse}
            defaultValue={(jsonData.maxResponseBytes ?? DEFAULT_OPTIONS.maxResponseBytes) / 1024 / 1024}
            onBlur={(e) => setJson('maxResponseBytes', Math.round(numberOr(e.currentTarget.value, 50) * 1024 * 1024))}
          />
        </InlineField>
        <InlineField
          label="Request id attribute"
          labelWidth={20}
          tooltip="Span attribute holding request ids (trace mode)"
        >
          <Input
            width={40}
            aria-label="Request id attribute"
            data-testid={TEST_IDS.config.requestIdAttribute}
            placeholder={DEFAULT_OPTIONS.requestIdAttribute}
            value={jsonData.requestIdAttribute ?? ''}
            onChange={(e) => setJson('requestIdAttribute', e.currentTarget.value.trim())}
          />
        </InlineField>
        <InlineField
          label="Trace links to"
          labelWidth={20}
          tooltip="Jaeger datasource that node and edge links open (empty: this one)"
        >
          <div data-testid={TEST_IDS.config.tracesPicker}>
            <DataSourcePicker
              tracing
              noDefault
              width={40}
              current={jsonData.tracesDatasourceUid ?? null}
              onChange={(ds: DataSourceInstanceSettings) => setJson('tracesDatasourceUid', ds.uid)}
              onClear={() => setJson('tracesDatasourceUid', undefined)}
            />
          </div>
        </InlineField>
      </FieldSet>
      <FieldSet label="Timescale">
        <InlineField
          label="PostgreSQL datasource"
          labelWidth={20}
          tooltip="Grafana PostgreSQL datasource holding the Kompas edge tables. The tables keep no spans: the route of a request (and an edge's example request) is fetched from the Jaeger URL above"
        >
          <div data-testid={TEST_IDS.config.postgresPicker}>
            <DataSourcePicker
              type={POSTGRES_TYPES}
              noDefault
              width={40}
              current={jsonData.postgresDatasourceUid ?? null}
              onChange={(ds: DataSourceInstanceSettings) => setJson('postgresDatasourceUid', ds.uid)}
              onClear={() => setJson('postgresDatasourceUid', undefined)}
            />
          </div>
        </InlineField>
      </FieldSet>
    </>
  );
}
