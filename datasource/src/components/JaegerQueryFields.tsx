import React, { useMemo } from 'react';
import { SelectableValue } from '@grafana/data';
import { Combobox, ComboboxOption, InlineField, InlineFieldRow, Input, RadioButtonGroup, Text } from '@grafana/ui';

import { DEFAULT_TRACE_LIMIT } from '../defaults';
import { JaegerLookupSource, useJaegerLookups } from '../hooks/useJaegerLookups';
import { JaegerDataflowQuery, JaegerQueryType } from '../types';
import { NumberField } from './NumberField';
import { TEST_IDS } from './testIds';

interface Props {
  query: JaegerDataflowQuery;
  lookups: JaegerLookupSource;
  onChange: (query: JaegerDataflowQuery) => void;
  onRunQuery: () => void;
}

const QUERY_TYPES: Array<SelectableValue<JaegerQueryType>> = [
  { label: 'Traces', value: 'traces', description: 'Derive edges from the traces in the range' },
  { label: 'Dependencies', value: 'dependencies', description: "Jaeger's own dependency links" },
  { label: 'Trace / request id', value: 'trace', description: 'The route of one request' },
];

const toOptions = (names: string[], current?: string): Array<ComboboxOption<string>> => {
  const all = current && !names.includes(current) ? [current, ...names] : names;
  return all.map((name) => ({ label: name, value: name }));
};

export function JaegerQueryFields({ query, lookups, onChange, onRunQuery }: Props) {
  const { services, operations, loading, error } = useJaegerLookups(
    lookups,
    query.service,
    query.queryType !== 'dependencies'
  );
  const serviceOptions = useMemo(() => toOptions(services, query.service), [services, query.service]);
  const operationOptions = useMemo(() => toOptions(operations, query.operation), [operations, query.operation]);
  const set = (patch: Partial<JaegerDataflowQuery>, run = false) => {
    onChange({ ...query, ...patch });
    if (run) {
      onRunQuery();
    }
  };
  const textField = (
    key: 'tags' | 'minDuration' | 'maxDuration' | 'lookback' | 'traceId',
    label: string,
    testId: string,
    width: number,
    placeholder: string
  ) => (
    <InlineField label={label}>
      <Input
        width={width}
        aria-label={label}
        data-testid={testId}
        placeholder={placeholder}
        value={query[key] ?? ''}
        onChange={(e) => set({ [key]: e.currentTarget.value })}
        onBlur={onRunQuery}
      />
    </InlineField>
  );

  return (
    <>
      <InlineField label="Query type">
        <div data-testid={TEST_IDS.query.queryType}>
          <RadioButtonGroup<JaegerQueryType>
            options={QUERY_TYPES}
            value={query.queryType}
            onChange={(queryType) => set({ queryType }, true)}
          />
        </div>
      </InlineField>
      {query.queryType !== 'dependencies' && (
        <InlineFieldRow>
          <InlineField label="Service" htmlFor="kompas-query-service" invalid={Boolean(error)}>
            <Combobox<string>
              width={30}
              id="kompas-query-service"
              placeholder={query.queryType === 'traces' ? 'All services' : 'Service'}
              data-testid={TEST_IDS.query.service}
              loading={loading}
              createCustomValue
              isClearable
              options={serviceOptions}
              value={query.service ?? null}
              onChange={(option) => set({ service: option?.value ?? undefined, operation: undefined }, true)}
            />
          </InlineField>
          {query.queryType === 'traces' && (
            <InlineField label="Operation" htmlFor="kompas-query-operation">
              <Combobox<string>
                width={30}
                id="kompas-query-operation"
                data-testid={TEST_IDS.query.operation}
                createCustomValue
                isClearable
                options={operationOptions}
                value={query.operation ?? null}
                onChange={(option) => set({ operation: option?.value ?? undefined }, true)}
              />
            </InlineField>
          )}
        </InlineFieldRow>
      )}
      {query.queryType === 'traces' && (
        <>
          <InlineFieldRow>
            {textField('tags', 'Tags', TEST_IDS.query.tags, 40, 'http.status_code=500 error=true')}
            {textField('minDuration', 'Min duration', TEST_IDS.query.minDuration, 12, '100ms')}
            {textField('maxDuration', 'Max duration', TEST_IDS.query.maxDuration, 12, '5s')}
          </InlineFieldRow>
          <NumberField
            label="Limit"
            tooltip="Most traces fetched over the whole range"
            testId={TEST_IDS.query.limit}
            width={12}
            value={query.limit ?? DEFAULT_TRACE_LIMIT}
            onCommit={(text) => set({ limit: Math.max(1, Math.floor(Number(text) || DEFAULT_TRACE_LIMIT)) }, true)}
          />
        </>
      )}
      {query.queryType === 'dependencies' && textField('lookback', 'Lookback', TEST_IDS.query.lookback, 12, 'range')}
      {query.queryType === 'trace' &&
        textField('traceId', 'Trace or request id', TEST_IDS.query.traceId, 44, 'trace id or request id')}
      {error && (
        <div data-testid={TEST_IDS.query.lookupError} role="alert">
          <Text color="error" variant="bodySmall">
            {error}
          </Text>
        </div>
      )}
    </>
  );
}
