import React from 'react';
import { InlineField, InlineFieldRow, InlineSwitch } from '@grafana/ui';

import { DEFAULT_CADENCE_MS, DEFAULT_WINDOW_MS, MIN_CADENCE_MS } from '../defaults';
import { DataflowQuery } from '../types';
import { NumberField } from './NumberField';
import { TEST_IDS } from './testIds';

interface Props {
  query: DataflowQuery;
  onChange: (query: DataflowQuery) => void;
  onRunQuery: () => void;
}

/** Live mode: a sliding window refreshed at a cadence. */
export function StreamingFields({ query, onChange, onRunQuery }: Props) {
  const seconds = (ms: number) => String(Math.round(ms / 100) / 10);
  const update = (patch: Partial<DataflowQuery>) => {
    onChange({ ...query, ...patch } as DataflowQuery);
    onRunQuery();
  };
  const parseSeconds = (text: string, fallbackMs: number, minMs: number) => {
    const value = Number(text) * 1000;
    return Number.isFinite(value) && value >= minMs ? value : fallbackMs;
  };
  return (
    <InlineFieldRow>
      <InlineField label="Live" tooltip="Stream a sliding window instead of querying the time range once">
        <InlineSwitch
          data-testid={TEST_IDS.query.streaming}
          aria-label="Live streaming"
          value={query.streaming}
          onChange={(e) => update({ streaming: e.currentTarget.checked })}
        />
      </InlineField>
      {query.streaming && (
        <>
          <NumberField
            label="Window (s)"
            tooltip="Length of the sliding window"
            ariaLabel="Window in seconds"
            testId={TEST_IDS.query.windowSeconds}
            width={10}
            value={seconds(query.windowMs ?? DEFAULT_WINDOW_MS)}
            onCommit={(text) => update({ windowMs: parseSeconds(text, DEFAULT_WINDOW_MS, 1000) })}
          />
          <NumberField
            label="Every (s)"
            tooltip="How often the map is refreshed"
            ariaLabel="Cadence in seconds"
            testId={TEST_IDS.query.cadenceSeconds}
            width={10}
            value={seconds(query.cadenceMs ?? DEFAULT_CADENCE_MS)}
            onCommit={(text) => update({ cadenceMs: parseSeconds(text, DEFAULT_CADENCE_MS, MIN_CADENCE_MS) })}
          />
        </>
      )}
    </InlineFieldRow>
  );
}
