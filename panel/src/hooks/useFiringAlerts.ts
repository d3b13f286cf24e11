import { getBackendSrv } from '@grafana/runtime';
import { useEffect, useState } from 'react';
import { GrafanaAlert, readAlertsResponse } from '../insight/matchAlerts';

/** Grafana's Prometheus-compatible list of its own alert instances (the user's session and permissions apply). */
export const GRAFANA_ALERTS_URL = '/api/prometheus/grafana/api/v1/alerts';

/** A rejected promise instead of a throw when Grafana's backend service is not there (tests, odd hosts). */
function fetchAlerts(): Promise<unknown> {
  try {
    return getBackendSrv().get(GRAFANA_ALERTS_URL, undefined, undefined, { showErrorAlert: false });
  } catch (error) {
    return Promise.reject(error);
  }
}

const NO_ALERTS: FiringAlerts = { alerts: [] };

export interface FiringAlerts {
  alerts: GrafanaAlert[];
  error?: string;
}

/**
 * Alerts, fetched again whenever `refreshKey` changes (the dashboard's refresh gives each query run a new
 * request id; stream ticks keep it, so a live map does not poll every second).
 */
export function useFiringAlerts(enabled: boolean, refreshKey: string | undefined): FiringAlerts {
  const [state, setState] = useState<FiringAlerts>({ alerts: [] });
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    let cancelled = false;
    fetchAlerts()
      .then((body: unknown) => !cancelled && setState({ alerts: readAlertsResponse(body) }))
      .catch((error: unknown) => {
        if (!cancelled) {
          const message = error instanceof Error ? error.message : 'alerts could not be read';
          setState({ alerts: [], error: message });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [enabled, refreshKey]);
  return enabled ? state : NO_ALERTS;
}
