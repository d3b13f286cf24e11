import React, { useMemo } from 'react';
import { QueryEditorProps } from '@grafana/data';
import { InlineField, RadioButtonGroup } from '@grafana/ui';

import type { DataflowDataSource } from '../datasource';
import { createDefaultQuery, SOURCE_OPTIONS } from '../defaults';
import { migrateQuery } from '../migration';
import { DataflowDataSourceOptions, DataflowQuery, DataflowSourceKind } from '../types';
import { DemoQueryFields } from './DemoQueryFields';
import { InsightFields } from './InsightFields';
import { JaegerQueryFields } from './JaegerQueryFields';
import { StreamingFields } from './StreamingFields';
import { TEST_IDS } from './testIds';
import { TimescaleQueryFields } from './TimescaleQueryFields';

type Props = QueryEditorProps<DataflowDataSource, DataflowQuery, DataflowDataSourceOptions>;

export function QueryEditor({ datasource, query: saved, onChange, onRunQuery }: Props) {
  const query = useMemo(() => migrateQuery(saved, datasource.defaultSource), [saved, datasource]);
  const setSource = (source: DataflowSourceKind) => {
    onChange({
      ...createDefaultQuery(source, query),
      streaming: query.streaming,
      windowMs: query.windowMs,
      cadenceMs: query.cadenceMs,
    });
    onRunQuery();
  };
  return (
    <div data-testid={TEST_IDS.query.editor}>
      <InlineField label="Source" tooltip="Overrides the datasource's default source for this query">
        <div data-testid={TEST_IDS.query.source}>
          <RadioButtonGroup<DataflowSourceKind> options={SOURCE_OPTIONS} value={query.source} onChange={setSource} />
        </div>
      </InlineField>
      {query.source === 'jaeger' && (
        <JaegerQueryFields query={query} lookups={datasource} onChange={onChange} onRunQuery={onRunQuery} />
      )}
      {query.source === 'demo' && <DemoQueryFields query={query} onChange={onChange} onRunQuery={onRunQuery} />}
      {query.source === 'timescale' && (
        <TimescaleQueryFields query={query} lookups={datasource} onChange={onChange} onRunQuery={onRunQuery} />
      )}
      <StreamingFields query={query} onChange={onChange} onRunQuery={onRunQuery} />
      <InsightFields query={query} onChange={onChange} onRunQuery={onRunQuery} />
    </div>
  );
}
