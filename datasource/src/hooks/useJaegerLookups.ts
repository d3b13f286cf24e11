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

/** Services and the operations of the chosen service, fetched when the Jaeger fields are shown. */
export function useJaegerLookups(source: JaegerLookupSource, service: string | undefined, enabled: boolean): JaegerLookups {
  const [services, setServices] = useState<string[]>([]);
  const [operations, setOperations] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    setLoading(true);
    const subscription = source.getServices().subscribe({
      next: (names) => {
        setServices(names);
        setError(undefined);
        setLoading(false);
      },
      error: (e: unknown) => {
        setError(toUserMessage(e));
        setLoading(false);
      },
    });
    return () => subscription.unsubscribe();
  }, [source, enabled]);

  useEffect(() => {
    if (!enabled || !service) {
      setOperations([]);
      return undefined;
    }
    const subscription = source.getOperations(service).subscribe({
      next: setOperations,
      error: (e: unknown) => setError(toUserMessage(e)),
    });
    return () => subscription.unsubscribe();
  }, [source, service, enabled]);

  return { services, operations, loading, error };
}
