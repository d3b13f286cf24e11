import { useEffect, useState } from 'react';
import { PanelPlugin } from '@grafana/data';
import { importPluginModule } from '../pluginLoader';

/** Loads a panel plugin's built module.js and returns its `plugin` export. */
export function usePanelPlugin(type: string | undefined) {
  const [plugin, setPlugin] = useState<PanelPlugin>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!type) {
      return;
    }
    let cancelled = false;
    importPluginModule(type)
      .then((module) => {
        const exported = module.plugin;
        if (!(exported instanceof PanelPlugin)) {
          throw new Error(`${type}/module.js does not export a panel plugin`);
        }
        return fetch(`/api/plugins/${type}/settings`)
          .then((r) => r.json())
          .then((meta) => {
            exported.meta = meta;
            if (!cancelled) {
              setPlugin(exported);
            }
          });
      })
      .catch((err: Error) => !cancelled && setError(`Panel plugin ${type} failed to load: ${err.message}`));
    return () => {
      cancelled = true;
    };
  }, [type]);
  return { plugin, error };
}
