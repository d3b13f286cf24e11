import { useEffect, useState } from 'react';
import { MetricFindValue } from '@grafana/data';

import { toUserMessage } from '../errors';

/** Where service names come from: the datasource's `services()` variable query (its default source's list). */
export interface ServiceNameSource {
  metricFindQuery(query: string): Promise<MetricFindValue[]>;
}

export interface ServiceNames {
  names: string[];
  /** One-line reason the list could not be loaded (the field still takes typed names and $variables). */
  error?: string;
}

/** The services to suggest in a services field, fetched once per source while the field is shown. */
export function useServiceNames(source: ServiceNameSource): ServiceNames {
  const [loaded, setLoaded] = useState<ServiceNames>({ names: [] });
  useEffect(() => {
    let current = true;
    source.metricFindQuery('services()').then(
      (values) => current && setLoaded({ names: values.map((v) => String(v.text)) }),
      (error: unknown) => current && setLoaded({ names: [], error: toUserMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [source]);
  return loaded;
}
