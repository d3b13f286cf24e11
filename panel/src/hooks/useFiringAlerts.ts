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

/**
 * Grafana's backend service rejects with a FetchError ({status, statusText, data.message}), not an Error, so a
 * 403 would otherwise read as "no alerts".
 */
export function describeAlertsError(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  const fetchError = (error ?? {}) as { status?: number; statusText?: string; data?: { message?: string } };
  const status = [fetchError.status, fetchError.statusText].filter(Boolean).join(' ');
  const message = fetchError.data?.message;
  if (status && message) {
    return `${status}: ${message}`;
  }
  return status || message || 'the alerting API could not be read';
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
          setState({ alerts: [], error: describeAlertsError(error) });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [enabled, refreshKey]);
  return enabled ? state : NO_ALERTS;
}
