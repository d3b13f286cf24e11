import React from 'react';
import { InlineField, InlineFieldRow, InlineSwitch } from '@grafana/ui';

import { DEMO_INCIDENTS } from '../demo/demoSource';
import { DemoDataflowQuery } from '../types';
import { NumberField } from './NumberField';
import { TEST_IDS } from './testIds';

interface Props {
  query: DemoDataflowQuery;
  onChange: (query: DemoDataflowQuery) => void;
  onRunQuery: () => void;
}

/** The wall clock at a switch (module level: an event handler's side effect, not render state). */
function switchTime(): number {
  return Date.now();
}

/** Incident switches act at once: the running stream is replaced by one with the new incidents. */
export function DemoQueryFields({ query, onChange, onRunQuery }: Props) {
  const toggle = (name: string, on: boolean) => {
    const incidents = { ...query.incidents, [name]: on };
    if (!query.incidentsFromNow) {
      onChange({ ...query, incidents });
    } else {
      // The switch time makes the incident a change in the traffic (anomaly flags, replay), not its permanent state.
      const since = { ...query.incidentsSince };
      if (on) {
        since[name] = switchTime();
      } else {
        delete since[name];
      }
      onChange({ ...query, incidents, incidentsSince: since });
    }
    onRunQuery();
  };
  return (
    <>
      <InlineFieldRow>
        {DEMO_INCIDENTS.map((incident) => (
          <InlineField key={incident.name} label={incident.label} tooltip={incident.description}>
            <InlineSwitch
              data-testid={TEST_IDS.query.incident(incident.name)}
              aria-label={incident.label}
              value={Boolean(query.incidents?.[incident.name])}
              onChange={(e) => toggle(incident.name, e.currentTarget.checked)}
            />
          </InlineField>
        ))}
        <InlineField
          label="From now"
          tooltip="Incidents switched on start now, so the map changes over the window (anomaly flags, replay); off: they hold for all time and show at once"
        >
          <InlineSwitch
            data-testid={TEST_IDS.query.incidentsFromNow}
            aria-label="Incidents start now"
            value={Boolean(query.incidentsFromNow)}
            onChange={(e) => onChange({ ...query, incidentsFromNow: e.currentTarget.checked })}
          />
        </InlineField>
      </InlineFieldRow>
      <NumberField
        label="Traffic ×"
        tooltip="Multiplier of the shop's normal traffic"
        ariaLabel="Demo traffic multiplier"
        testId={TEST_IDS.query.rate}
        width={10}
        value={query.rate ?? 1}
        onCommit={(text) => {
          const rate = Number(text);
          onChange({ ...query, rate: Number.isFinite(rate) && rate >= 0 ? rate : 1 });
          onRunQuery();
        }}
      />
    </>
  );
}
