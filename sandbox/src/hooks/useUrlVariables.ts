import { useEffect, useState } from 'react';
import { locationService } from '@grafana/runtime';

/**
 * The page's query string, kept current like Grafana's dashboard does: a `var-<name>` change from anywhere
 * (the variables bar, or a panel calling `locationService.partial`, as "Show an example request" does) updates
 * the variables and re-runs the queries.
 */
export function useUrlVariables(): { search: URLSearchParams; setVariable: (name: string, value: string) => void } {
  const [search, setSearch] = useState(() => locationService.getSearch());
  useEffect(() => {
    const subscription = locationService
      .getLocationObservable()
      // Only a real change makes a new object (the subject replays the current location on subscribe).
      .subscribe((location) =>
        setSearch((current) => (`?${current}` === location.search ? current : new URLSearchParams(location.search)))
      );
    return () => subscription.unsubscribe();
  }, []);
  const setVariable = (name: string, value: string) => locationService.partial({ [`var-${name}`]: value }, true);
  return { search, setVariable };
}
