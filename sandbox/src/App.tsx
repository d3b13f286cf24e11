import React, { useEffect, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import {
  CoreApp,
  DataQuery,
  DataSourceInstanceSettings,
  FieldConfigSource,
  getPanelOptionsWithDefaults,
  GrafanaTheme2,
  LoadingState,
  rangeUtil,
  RawTimeRange,
  TimeRange,
} from '@grafana/data';
import { config, getDataSourceSrv } from '@grafana/runtime';
import { Alert, useStyles2 } from '@grafana/ui';
import { ConfigDrawer } from './components/ConfigDrawer';
import { OptionsPane } from './components/OptionsPane';
import { PanelView } from './components/PanelView';
import { QueryPane } from './components/QueryPane';
import { Toolbar } from './components/Toolbar';
import { VariablesBar } from './components/VariablesBar';
import { SandboxPanel, variablesFromDashboard } from './dashboardModel';
import { useDashboard } from './hooks/useDashboard';
import { useDataSource } from './hooks/useDataSource';
import { useElementSize } from './hooks/useElementSize';
import { usePanelData } from './hooks/usePanelData';
import { usePanelPlugin } from './hooks/usePanelPlugin';
import { useRefreshTick } from './hooks/useRefreshTick';
import { useUrlVariables } from './hooks/useUrlVariables';
import { SandboxTemplateSrv } from './templateSrv';

/** Relative ranges ("now-1h") stay relative; absolute picks are stored as ISO strings. */
function rawTime(range: TimeRange) {
  const text = (value: RawTimeRange['from'], fallback: string) => (typeof value === 'string' ? value : fallback);
  return { from: text(range.raw.from, range.from.toISOString()), to: text(range.raw.to, range.to.toISOString()) };
}

interface Props {
  templateSrv: SandboxTemplateSrv;
}

/** The sandbox's dashboard page: toolbar, variables, one panel with its options pane, and the query editor. */
export function App({ templateSrv }: Props) {
  const styles = useStyles2(getStyles);
  const search = useMemo(() => new URLSearchParams(window.location.search), []);
  const dashboardName = search.get('dashboard') ?? 'sandbox';
  const { dashboard, error, update, reset } = useDashboard(dashboardName);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [dsGeneration, setDsGeneration] = useState(0);
  const { search: urlVars, setVariable } = useUrlVariables();

  const panelIndex = Math.max(
    0,
    dashboard?.panels.findIndex((p) =>
      search.get('viewPanel') ? String(p.id) === search.get('viewPanel') : p.type === 'kompas-dataflow-panel'
    ) ?? 0
  );
  const panel: SandboxPanel | undefined = dashboard?.panels[panelIndex];
  const updatePanel = (change: Partial<SandboxPanel>) =>
    update((d) => ({ ...d, panels: d.panels.map((p, i) => (i === panelIndex ? { ...p, ...change } : p)) }));

  // Depend on the variable list itself, not the dashboard: an options change must not re-run the query.
  const templating = dashboard?.templating;
  const variables = useMemo(() => variablesFromDashboard(templating, urlVars), [templating, urlVars]);
  templateSrv.setVariables(variables);

  const { tick, bump } = useRefreshTick(dashboard?.refresh);
  const rawRange: RawTimeRange = dashboard?.time ?? { from: 'now-15m', to: 'now' };
  const range: TimeRange = useMemo(
    () => rangeUtil.convertRawToRange(rawRange),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rawRange.from, rawRange.to, tick]
  );
  useEffect(() => templateSrv.updateTimeRange(range), [templateSrv, range]);

  const { plugin, error: pluginError } = usePanelPlugin(panel?.type);
  const { ds, error: dsError } = useDataSource(panel?.datasource, dsGeneration);
  const { ref: panelRef, width: panelWidth, height: panelHeight } = useElementSize<HTMLDivElement>();
  const panelTargets = panel?.targets;
  const panelDs = panel?.datasource;
  const targets = useMemo<DataQuery[]>(() => {
    const list = panelTargets?.length ? panelTargets : [{ refId: 'A' }];
    const defaults = ds?.getDefaultQuery?.(CoreApp.Dashboard) ?? {};
    return list.map((t) => ({ ...defaults, ...t, datasource: panelDs ?? undefined }));
  }, [panelTargets, panelDs, ds]);
  // Queries re-run on refresh ticks and when a variable value changes, as in a Grafana dashboard.
  const rerunKey = `${tick}:${JSON.stringify(variables)}`;
  const data = usePanelData(ds, targets, range, panelWidth || 800, panel?.id ?? 1, rerunKey);

  const withDefaults = useMemo(
    () =>
      plugin && panel
        ? getPanelOptionsWithDefaults({
            plugin,
            currentOptions: panel.options ?? {},
            currentFieldConfig: panel.fieldConfig ?? { defaults: {}, overrides: [] },
            isAfterPluginChange: false,
          })
        : undefined,
    [plugin, panel]
  );

  if (error) {
    return <Alert title={error} severity="error" />;
  }
  if (!dashboard || !panel) {
    return <div className={styles.loading}>Loading dashboard…</div>;
  }

  const onDataSourceChange = (settings: DataSourceInstanceSettings) => {
    const sameType = settings.type === getDataSourceSrv().getInstanceSettings(panel.datasource)?.type;
    updatePanel({
      datasource: { uid: settings.uid, type: settings.type },
      targets: sameType ? panel.targets : [{ refId: 'A' }],
    });
  };

  return (
    <div className={styles.page} data-theme={config.theme2.isDark ? 'dark' : 'light'}>
      <header className={styles.header}>
        <Toolbar
          title={dashboard.title}
          dataSources={getDataSourceSrv().getList({})}
          dataSourceUid={ds?.uid}
          range={range}
          refresh={dashboard.refresh ?? ''}
          theme={config.theme2.isDark ? 'dark' : 'light'}
          onDataSourceChange={onDataSourceChange}
          onRangeChange={(r) => update((d) => ({ ...d, time: rawTime(r) }))}
          onRefreshChange={(refresh) => update((d) => ({ ...d, refresh }))}
          onRefresh={bump}
          onOpenSettings={() => setSettingsOpen(true)}
          onReset={reset}
        />
        <VariablesBar variables={variables} onChange={setVariable} />
      </header>
      {(pluginError || dsError) && <Alert title={pluginError ?? dsError ?? ''} severity="error" />}
      <main className={styles.main}>
        <div className={styles.panel} ref={panelRef} data-testid="sandbox-panel">
          {plugin && withDefaults && panelWidth > 0 && (
            <PanelView
              plugin={plugin}
              panelId={panel.id}
              title={panel.title ?? ''}
              data={data}
              options={withDefaults.options}
              fieldConfig={withDefaults.fieldConfig}
              timeRange={range}
              width={panelWidth}
              height={panelHeight}
              onOptionsChange={(options) => updatePanel({ options })}
              onFieldConfigChange={(fieldConfig: FieldConfigSource) => updatePanel({ fieldConfig })}
              onChangeTimeRange={(r) =>
                update((d) => ({
                  ...d,
                  time: { from: new Date(r.from).toISOString(), to: new Date(r.to).toISOString() },
                }))
              }
            />
          )}
        </div>
        <aside className={styles.options}>
          {plugin && withDefaults && (
            <OptionsPane
              plugin={plugin}
              data={data}
              options={withDefaults.options}
              fieldConfig={withDefaults.fieldConfig}
              onOptionsChange={(options) => updatePanel({ options })}
              onFieldConfigChange={(fieldConfig) => updatePanel({ fieldConfig })}
            />
          )}
        </aside>
      </main>
      <section
        className={styles.queries}
        data-testid="sandbox-queries"
        data-state={data.state ?? LoadingState.NotStarted}
      >
        {ds && (
          <QueryPane
            ds={ds}
            targets={targets}
            data={data}
            range={range}
            onChange={(next) => updatePanel({ targets: next.map(({ datasource, ...t }) => t) })}
            onRunQuery={bump}
          />
        )}
      </section>
      {settingsOpen && ds && (
        <ConfigDrawer ds={ds} onClose={() => setSettingsOpen(false)} onSaved={() => setDsGeneration((g) => g + 1)} />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr) 280px',
    height: '100vh',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 2),
    background: theme.colors.background.canvas,
    color: theme.colors.text.primary,
  }),
  header: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  main: css({ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 340px', gap: theme.spacing(1), minHeight: 0 }),
  panel: css({ minWidth: 0, minHeight: 0, position: 'relative' }),
  options: css({
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    minHeight: 0,
  }),
  queries: css({
    overflowY: 'auto',
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    padding: theme.spacing(1),
  }),
  loading: css({ padding: 32 }),
});
