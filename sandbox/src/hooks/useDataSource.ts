import { useEffect, useState } from 'react';
import { DataSourceApi, DataSourceRef } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';

/** Resolves a datasource reference to its instance (created from the plugin's DataSourceApi class). */
export function useDataSource(ref: DataSourceRef | null | undefined, generation: number) {
  const [ds, setDs] = useState<DataSourceApi>();
  const [error, setError] = useState<string>();
  const uid = ref?.uid;
  useEffect(() => {
    let cancelled = false;
    getDataSourceSrv()
      .get(uid ? { uid } : undefined)
      .then((instance) => {
        if (!cancelled) {
          setDs(instance);
          setError(undefined);
        }
      })
      .catch((err: Error) => !cancelled && setError(err.message));
    return () => {
      cancelled = true;
    };
  }, [uid, generation]);
  return { ds, error };
}
