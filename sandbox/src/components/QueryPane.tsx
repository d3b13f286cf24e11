import React from 'react';
import { CoreApp, DataQuery, DataSourceApi, PanelData, TimeRange } from '@grafana/data';
import { Alert } from '@grafana/ui';

interface Props {
  ds: DataSourceApi;
  targets: DataQuery[];
  data: PanelData;
  range: TimeRange;
  onChange: (targets: DataQuery[]) => void;
  onRunQuery: () => void;
}

/** The query rows of the panel editor, each rendered by the datasource's own QueryEditor. */
export function QueryPane({ ds, targets, data, range, onChange, onRunQuery }: Props) {
  const QueryEditor = ds.components?.QueryEditor;
  if (!QueryEditor) {
    return <Alert title="This datasource has no query editor" severity="info" />;
  }
  return (
    <div aria-label="Query editor rows">
      {targets.map((query, index) => (
        <div key={query.refId} data-testid={`query-row-${query.refId}`}>
          <h6>
            {query.refId} — {ds.name}
          </h6>
          <QueryEditor
            datasource={ds}
            query={query}
            data={data}
            range={range}
            app={CoreApp.PanelEditor}
            onChange={(next: DataQuery) => onChange(targets.map((t, i) => (i === index ? next : t)))}
            onRunQuery={onRunQuery}
          />
        </div>
      ))}
    </div>
  );
}
