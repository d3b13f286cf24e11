import { firstValueFrom } from 'rxjs';

import { toUserMessage } from '../errors';
import { JaegerClient } from './jaegerClient';

export interface HealthResult {
  status: 'success' | 'error';
  message: string;
}

/**
 * Reachability of the Jaeger query API v1 through /api/services, with specific messages for DNS,
 * credentials, wrong path, HTML and errors in the body. Only v1 is probed: it is the API the datasource
 * uses, and a probe of /api/v3 answers 404 on v1-only Jaegers, which the browser logs as a console error.
 */
export async function checkJaegerHealth(client: JaegerClient): Promise<HealthResult> {
  let services: string[];
  try {
    services = await firstValueFrom(client.getServices());
  } catch (error) {
    return { status: 'error', message: toUserMessage(error) };
  }
  const count = services.length === 0 ? 'no services have reported traces yet' : `${services.length} services`;
  return { status: 'success', message: `Jaeger query API v1 reachable: ${count}` };
}
