import React from 'react';
import { InlineField, InlineFieldRow, InlineSwitch, Input } from '@grafana/ui';

import { DEFAULT_CADENCE_MS, DEFAULT_WINDOW_MS, MIN_CADENCE_MS } from '../defaults';
import { DataflowQuery } from '../types';
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
          <InlineField label="Window (s)" tooltip="Length of the sliding window">
            <Input
              width={10}
              type="number"
              aria-label="Window in seconds"
              data-testid={TEST_IDS.query.windowSeconds}
              defaultValue={seconds(query.windowMs ?? DEFAULT_WINDOW_MS)}
              onBlur={(e) => update({ windowMs: parseSeconds(e.currentTarget.value, DEFAULT_WINDOW_MS, 1000) })}
            />
          </InlineField>
          <InlineField label="Every (s)" tooltip="How often the map is refreshed">
            <Input
              width={10}
              type="number"
              aria-label="Cadence in seconds"
              data-testid={TEST_IDS.query.cadenceSeconds}
              defaultValue={seconds(query.cadenceMs ?? DEFAULT_CADENCE_MS)}
              onBlur={(e) =>
                update({ cadenceMs: parseSeconds(e.currentTarget.value, DEFAULT_CADENCE_MS, MIN_CADENCE_MS) })
              }
            />
          </InlineField>
        </>
      )}
    </InlineFieldRow>
  );
}
