/**
 * Creates the layout worker; webpack emits it as its own chunk under the plugin's public path. The plugin's
 * output is an AMD library, which webpack would also apply to the worker entry (a `define(...)` wrapper that
 * does not exist in a worker): the entry options give the worker a plain `var` library instead. Its public
 * path is `auto` (the worker script's own folder): the plugin's relative public path would resolve against
 * the worker URL when the worker imports its shared chunks.
 */
export function createLayoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), {
    /* webpackEntryOptions: { library: { type: "var", name: "kompasLayoutWorker" }, publicPath: "auto" } */
    name: 'kompas-layout',
  });
}
