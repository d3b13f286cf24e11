import 'systemjs/dist/system.js';
import 'systemjs/dist/extras/amd.js';
import { sharedModules } from './sharedModules';

interface SystemJSLike {
  set(id: string, module: object): void;
  import(id: string): Promise<Record<string, unknown>>;
  constructor: { prototype: { resolve(id: string, parentUrl?: string): string } };
}

const SHARED_PREFIX = 'app:';
const system = (window as unknown as { System: SystemJSLike }).System;

let registered = false;

/** Registers the shared modules once; bare names resolve to them, like Grafana's SystemJS resolve hook. */
function registerSharedModules(): void {
  if (registered) {
    return;
  }
  registered = true;
  const proto = system.constructor.prototype;
  const resolve = proto.resolve;
  proto.resolve = function (id: string, parentUrl?: string) {
    return Object.prototype.hasOwnProperty.call(sharedModules, id) ? SHARED_PREFIX + id : resolve.call(this, id, parentUrl);
  };
  for (const [name, module] of Object.entries(sharedModules)) {
    system.set(SHARED_PREFIX + name, module);
  }
}

/** Loads `public/plugins/<id>/module.js` through SystemJS, the way Grafana loads plugins. */
export async function importPluginModule(pluginId: string): Promise<Record<string, unknown>> {
  registerSharedModules();
  const url = new URL(`/public/plugins/${pluginId}/module.js`, window.location.href).href;
  return system.import(url);
}
