import React, { useMemo } from 'react';
import { SelectableValue } from '@grafana/data';
import { ComboboxOption, InlineField, Input, MultiCombobox, RadioButtonGroup, Text } from '@grafana/ui';

import { TimescaleDataflowQuery } from '../types';
import { NumberField } from './NumberField';
import { TEST_IDS } from './testIds';
import { ServiceNameSource, useServiceNames } from './useServiceNames';

interface Props {
  query: TimescaleDataflowQuery;
  /** Suggestions for the services field (the datasource: `services()` reads the collector's node list). */
  lookups: ServiceNameSource;
  onChange: (query: TimescaleDataflowQuery) => void;
  onRunQuery: () => void;
}

/** The radio value for "no connection-type filter" (the query leaves connectionType undefined). */
const ALL_TYPES = 'all';

const CONNECTION_TYPE_OPTIONS: Array<SelectableValue<string>> = [
  { label: 'All', value: ALL_TYPES, description: 'Every edge' },
  { label: 'Calls', value: '', description: 'Service-to-service requests (no connection type)' },
  { label: 'Messaging', value: 'messaging_system', description: 'Producer → consumer edges through a broker' },
  { label: 'Database', value: 'database', description: 'Edges to databases' },
  { label: 'Virtual', value: 'virtual_node', description: 'Edges from or to uninstrumented peers' },
];

/** Suggested names plus the chosen ones that are not among them ($variables, services gone quiet). */
function serviceOptions(names: string[], chosen: string[]): Array<ComboboxOption<string>> {
  return [...chosen.filter((name) => !names.includes(name)), ...names].map((name) => ({ label: name, value: name }));
}

export function TimescaleQueryFields({ query, lookups, onChange, onRunQuery }: Props) {
  const { names, error } = useServiceNames(lookups);
  const chosen = useMemo(() => query.services ?? [], [query.services]);
  const options = useMemo(() => serviceOptions(names, chosen), [names, chosen]);
  const update = (patch: Partial<TimescaleDataflowQuery>) => {
    onChange({ ...query, ...patch });
    onRunQuery();
  };
  return (
    <>
      <InlineField label="Services" tooltip="Only edges touching these services ($variables allowed); empty = all">
        <div data-testid={TEST_IDS.query.timescaleServices} data-suggestions={names.length}>
          <MultiCombobox<string>
            width={50}
            aria-label="Services"
            placeholder="All services"
            createCustomValue
            isClearable
            options={options}
            value={chosen}
            onChange={(picked) => update({ services: picked.map((option) => option.value) })}
          />
        </div>
      </InlineField>
      <InlineField label="Connection type" tooltip="Only edges of one kind (servicegraph connection types)">
        <div data-testid={TEST_IDS.query.connectionType}>
          <RadioButtonGroup<string>
            options={CONNECTION_TYPE_OPTIONS}
            value={query.connectionType ?? ALL_TYPES}
            onChange={(value) => update({ connectionType: value === ALL_TYPES ? undefined : value })}
          />
        </div>
      </InlineField>
      <NumberField
        label="Top N edges"
        tooltip="Keep the busiest N edges (0 = all)"
        testId={TEST_IDS.query.topN}
        width={10}
        value={query.topN ?? 0}
        onCommit={(text) => update({ topN: Math.max(0, Math.floor(Number(text) || 0)) })}
      />
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
            update({ traceId: traceId === '' ? undefined : traceId });
          }}
        />
      </InlineField>
      {error && (
        <div data-testid={TEST_IDS.query.lookupError} role="alert">
          <Text color="error" variant="bodySmall">
            Service suggestions: {error}
          </Text>
        </div>
      )}
    </>
  );
}
