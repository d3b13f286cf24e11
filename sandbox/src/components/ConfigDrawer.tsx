import React, { useEffect, useState } from 'react';
import { DataSourceApi, DataSourceSettings } from '@grafana/data';
import { getBackendSrv, getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, Drawer, Stack } from '@grafana/ui';

interface Props {
  ds: DataSourceApi;
  onClose: () => void;
  /** Called after a save (and the settings reload) so the page re-creates its instances. */
  onSaved: () => void;
}

type TestResult = { status: string; message: string };

/** The datasource settings page: the plugin's ConfigEditor plus "Save & test", as in Grafana. */
export function ConfigDrawer({ ds, onClose, onSaved }: Props) {
  const [settings, setSettings] = useState<DataSourceSettings>();
  const [result, setResult] = useState<TestResult>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    getBackendSrv()
      .get<DataSourceSettings>(`/api/datasources/uid/${ds.uid}`)
      .then(setSettings, (err: Error) => setResult({ status: 'error', message: err.message }));
  }, [ds.uid]);
  const ConfigEditor = ds.components?.ConfigEditor;

  const saveAndTest = async () => {
    if (!settings) {
      return;
    }
    setBusy(true);
    setResult(undefined);
    try {
      await getBackendSrv().put(`/api/datasources/uid/${ds.uid}`, settings);
      await getDataSourceSrv().reload();
      onSaved();
      const fresh = await getDataSourceSrv().get({ uid: ds.uid });
      const outcome = await fresh.testDatasource();
      setResult({ status: outcome.status, message: outcome.message });
    } catch (err) {
      const e = err as { message?: string; data?: { message?: string } };
      setResult({ status: 'error', message: e.data?.message ?? e.message ?? 'Test failed' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer title={`${ds.name} settings`} onClose={onClose} size="md">
      {settings && ConfigEditor ? (
        <ConfigEditor options={settings} onOptionsChange={setSettings} />
      ) : (
        !result && <span>Loading settings…</span>
      )}
      {result && (
        <Alert title={result.message} severity={result.status === 'success' ? 'success' : 'error'} data-testid="datasource-test-result" />
      )}
      <Stack gap={1}>
        <Button onClick={saveAndTest} disabled={busy || !settings}>
          Save &amp; test
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </Stack>
    </Drawer>
  );
}
