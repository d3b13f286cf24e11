/** Creates the layout worker; webpack emits it as its own chunk under the plugin's public path. */
export function createLayoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url));
}
