import React from 'react';
import { InlineField, Input, TagsInput } from '@grafana/ui';

import { TimescaleDataflowQuery } from '../types';
import { TEST_IDS } from './testIds';

interface Props {
  query: TimescaleDataflowQuery;
  onChange: (query: TimescaleDataflowQuery) => void;
  onRunQuery: () => void;
}

export function TimescaleQueryFields({ query, onChange, onRunQuery }: Props) {
  return (
    <>
      <InlineField label="Services" tooltip="Only edges touching these services ($variables allowed); empty = all">
        <div data-testid={TEST_IDS.query.timescaleServices}>
          <TagsInput
            width={50}
            tags={query.services ?? []}
            onChange={(services) => {
              onChange({ ...query, services });
              onRunQuery();
            }}
          />
        </div>
      </InlineField>
      <InlineField label="Top N edges" tooltip="Keep the busiest N edges (0 = all)">
        <Input
          width={10}
          type="number"
          aria-label="Top N edges"
          data-testid={TEST_IDS.query.topN}
          defaultValue={query.topN ?? 0}
          onBlur={(e) => {
            onChange({ ...query, topN: Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)) });
            onRunQuery();
          }}
        />
      </InlineField>
      <InlineField
        label="Route of request"
        tooltip="A trace id or request id: its route is fetched from the Jaeger URL configured in this datasource ($variables allowed); empty = the map"
      >
        <Input
          width={36}
          aria-label="Trace or request id"
          data-testid={TEST_IDS.query.traceId}
          placeholder="trace id or request id"
          defaultValue={query.traceId ?? ''}
          onBlur={(e) => {
            const traceId = e.currentTarget.value.trim();
            onChange({ ...query, traceId: traceId === '' ? undefined : traceId });
            onRunQuery();
          }}
        />
      </InlineField>
    </>
  );
}
