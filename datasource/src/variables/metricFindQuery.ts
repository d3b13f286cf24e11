import { MetricFindValue } from '@grafana/data';
import { Observable, map, of } from 'rxjs';

import { DataflowError } from '../errors';

/**
 * Variable queries: `services()` lists Jaeger services, `operations(<service>)` the operations of one.
 * The service argument is interpolated before this runs, and encoded by the URL builder.
 */
export function runMetricFindQuery(
  text: string,
  lookups: { services: () => Observable<string[]>; operations: (service: string) => Observable<string[]> }
): Observable<MetricFindValue[]> {
  const query = text.trim();
  const toValues = (names: string[]) => names.map((name) => ({ text: name, value: name }));
  if (query === '' || query === 'services()') {
    return lookups.services().pipe(map(toValues));
  }
  const operations = /^operations\((.*)\)$/.exec(query);
  if (operations) {
    const service = operations[1].trim().replace(/^["']|["']$/g, '');
    return service ? lookups.operations(service).pipe(map(toValues)) : of([]);
  }
  throw new DataflowError(`Variable query "${query.slice(0, 60)}": use services() or operations(<service>)`);
}
