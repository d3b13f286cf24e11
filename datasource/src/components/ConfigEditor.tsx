import React from 'react';
import { DataSourceInstanceSettings, DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { FieldSet, InlineField, Input, RadioButtonGroup } from '@grafana/ui';

import { DEFAULT_OPTIONS, SOURCE_OPTIONS } from '../defaults';
import { DataflowDataSourceOptions, DataflowSecureJsonData, DataflowSourceKind } from '../types';
import { CustomHeadersSettings } from './CustomHeadersSettings';
import { JaegerAuthSettings } from './JaegerAuthSettings';
import { NumberField } from './NumberField';
import { TEST_IDS } from './testIds';

type Props = DataSourcePluginOptionsEditorProps<DataflowDataSourceOptions, DataflowSecureJsonData>;

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
        <NumberField
          label="Timeout (s)"
          labelWidth={20}
          ariaLabel="Jaeger timeout in seconds"
          testId={TEST_IDS.config.timeout}
          width={12}
          value={(jsonData.jaegerTimeoutMs ?? DEFAULT_OPTIONS.jaegerTimeoutMs) / 1000}
          onCommit={(text) => setJson('jaegerTimeoutMs', numberOr(text, 30) * 1000)}
        />
        <NumberField
          label="Max response (MB)"
          labelWidth={20}
          tooltip="Bigger Jaeger answers are refused with a message"
          ariaLabel="Maximum Jaeger response size in MB"
          testId={TEST_IDS.config.maxResponse}
          width={12}
          value={(jsonData.maxResponseBytes ?? DEFAULT_OPTIONS.maxResponseBytes) / 1024 / 1024}
          onCommit={(text) => setJson('maxResponseBytes', Math.round(numberOr(text, 50) * 1024 * 1024))}
        />
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
