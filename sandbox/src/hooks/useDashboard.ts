import { useCallback, useEffect, useState } from 'react';
import { fetchDashboard, forgetDashboard, loadSavedDashboard, saveDashboard, SandboxDashboard } from '../dashboardModel';

/** Loads a dashboard JSON (a saved edit from localStorage wins, like a saved dashboard in Grafana). */
export function useDashboard(name: string) {
  const [dashboard, setDashboard] = useState<SandboxDashboard | undefined>(() => loadSavedDashboard(name));
  const [error, setError] = useState<string>();
  const loaded = dashboard !== undefined;

  useEffect(() => {
    if (!loaded) {
      fetchDashboard(name).then(setDashboard, (err: Error) => setError(err.message));
    }
  }, [name, loaded]);

  const update = useCallback(
    (change: (d: SandboxDashboard) => SandboxDashboard) =>
      setDashboard((current) => {
        if (!current) {
          return current;
        }
        const next = change(current);
        saveDashboard(name, next);
        return next;
      }),
    [name]
  );

  const reset = useCallback(() => {
    forgetDashboard(name);
    fetchDashboard(name).then(setDashboard, (err: Error) => setError(err.message));
  }, [name]);

  return { dashboard, error, update, reset };
}
