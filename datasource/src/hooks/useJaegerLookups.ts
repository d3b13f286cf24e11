import { useEffect, useState } from 'react';
import { Observable } from 'rxjs';

import { toUserMessage } from '../errors';

export interface JaegerLookupSource {
  getServices(): Observable<string[]>;
  getOperations(service: string): Observable<string[]>;
}

export interface JaegerLookups {
  services: string[];
  operations: string[];
  loading: boolean;
  /** One-line reason the lists could not be loaded (shown under the fields). */
  error?: string;
}

interface Loaded {
  /** What the result answers (the source, or the service of the operations). */
  key: unknown;
  names: string[];
  error?: string;
}

/**
 * Services and the operations of the chosen service, fetched when the Jaeger fields are shown. State is
 * only set from the subscription callbacks; loading is derived by comparing what was asked with what
 * the last answer was for.
 */
export function useJaegerLookups(
  source: JaegerLookupSource,
  service: string | undefined,
  enabled: boolean
): JaegerLookups {
  const [services, setServices] = useState<Loaded>({ key: undefined, names: [] });
  const [operations, setOperations] = useState<Loaded>({ key: undefined, names: [] });

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const subscription = source.getServices().subscribe({
      next: (names) => setServices({ key: source, names }),
      error: (e: unknown) => setServices({ key: source, names: [], error: toUserMessage(e) }),
    });
    return () => subscription.unsubscribe();
  }, [source, enabled]);

  useEffect(() => {
    if (!enabled || !service) {
      return undefined;
    }
    const subscription = source.getOperations(service).subscribe({
      next: (names) => setOperations({ key: service, names }),
      error: (e: unknown) => setOperations({ key: service, names: [], error: toUserMessage(e) }),
    });
    return () => subscription.unsubscribe();
  }, [source, service, enabled]);

  const currentOperations = service && operations.key === service ? operations : undefined;
  return {
    services: services.names,
    operations: currentOperations?.names ?? [],
    loading: enabled && services.key !== source,
    error: services.error ?? currentOperations?.error,
  };
}
