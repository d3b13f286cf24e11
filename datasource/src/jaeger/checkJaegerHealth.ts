import { Observable, catchError, firstValueFrom, map, of } from 'rxjs';

import { toUserMessage } from '../errors';
import { HttpGet } from './httpTransport';
import { JaegerClient } from './jaegerClient';

export interface HealthResult {
  status: 'success' | 'error';
  message: string;
}

/**
 * Reachability and version: /api/services proves a Jaeger query API v1 (with specific messages for DNS,
 * credentials, wrong path, HTML, errors in the body); /api/v3/services tells whether the v3 API is there too.
 */
export async function checkJaegerHealth(client: JaegerClient, http: HttpGet, baseUrl: string): Promise<HealthResult> {
  let services: string[];
  try {
    services = await firstValueFrom(client.getServices());
  } catch (error) {
    return { status: 'error', message: toUserMessage(error) };
  }
  const v3 = await firstValueFrom(hasApiV3(http, baseUrl));
  const count = services.length === 0 ? 'no services have reported traces yet' : `${services.length} services`;
  return { status: 'success', message: `Jaeger query API v1${v3 ? ' (and v3)' : ''} reachable: ${count}` };
}

function hasApiV3(http: HttpGet, baseUrl: string): Observable<boolean> {
  return http(`${baseUrl}/api/v3/services`).pipe(
    map((response) => response.status === 200 && /"services"/.test(response.body)),
    catchError(() => of(false))
  );
}
