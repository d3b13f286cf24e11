import React from 'react';
import { InlineField, InlineFieldRow, InlineSwitch } from '@grafana/ui';

import { DataflowQuery } from '../types';
import { NumberField } from './NumberField';
import { TEST_IDS } from './testIds';

interface Props {
  query: DataflowQuery;
  onChange: (query: DataflowQuery) => void;
  onRunQuery: () => void;
}

/** Default of servicegraph's anomaly detector (insight/anomalyDetector). */
const DEFAULT_SENSITIVITY = 6;

/** Replay timeline and anomaly sensitivity (issue 8). */
export function InsightFields({ query, onChange, onRunQuery }: Props) {
  const update = (patch: Partial<DataflowQuery>) => {
    onChange({ ...query, ...patch } as DataflowQuery);
    onRunQuery();
  };
  return (
    <InlineFieldRow>
      <InlineField
        label="Timeline (replay)"
        tooltip="Also return per-step edges, so the panel offers a time slider to replay the range"
      >
        <InlineSwitch
          data-testid={TEST_IDS.query.timeline}
          aria-label="Timeline (replay)"
          value={Boolean(query.timeline)}
          onChange={(e) => update({ timeline: e.currentTarget.checked })}
        />
      </InlineField>
      {query.streaming && (
        <NumberField
          label="Anomaly sensitivity"
          tooltip="Robust standard deviations a rate, error rate or p95 must move by to be flagged (lower flags more)"
          testId={TEST_IDS.query.anomalySensitivity}
          width={8}
          placeholder={String(DEFAULT_SENSITIVITY)}
          value={query.anomalySensitivity}
          onCommit={(text) => {
            const value = Number(text);
            update({ anomalySensitivity: text.trim() && value > 0 ? value : undefined });
          }}
        />
      )}
    </InlineFieldRow>
  );
}
