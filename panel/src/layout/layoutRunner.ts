import { forceLayout } from './forceLayout';
import { WORKER_NODE_THRESHOLD } from './layoutConfig';
import { LayoutRequest, LayoutResult } from './layoutTypes';

export interface LayoutRunner {
  /** Lays out the request; a newer call supersedes an older one, whose callback is never called. */
  run(request: LayoutRequest, onResult: (result: LayoutResult) => void): void;
  dispose(): void;
}

/**
 * Runs large layouts in a Web Worker and small ones (or all, when workers are unavailable, e.g. a
 * cross-origin CDN or a test environment) synchronously on the calling thread.
 */
export function createLayoutRunner(createWorker?: () => Worker): LayoutRunner {
  let worker: Worker | undefined;
  let workerFailed = !createWorker;
  let latest = 0;
  let pending: ((result: LayoutResult) => void) | undefined;

  const runSync = (request: LayoutRequest, onResult: (result: LayoutResult) => void) => onResult(forceLayout(request));

  const ensureWorker = (): Worker | undefined => {
    if (worker || workerFailed || !createWorker) {
      return worker;
    }
    try {
      worker = createWorker();
      worker.onmessage = (event: MessageEvent<{ id: number; result: LayoutResult }>) => {
        if (event.data.id === latest && pending) {
          const callback = pending;
          pending = undefined;
          callback(event.data.result);
        }
      };
      worker.onerror = () => {
        workerFailed = true;
        worker?.terminate();
        worker = undefined;
      };
    } catch {
      workerFailed = true;
    }
    return worker;
  };

  let removeFallback = () => {};

  return {
    run(request, onResult) {
      latest++;
      // The previous request's fallback holds that request: drop it, or a long stream piles them up.
      removeFallback();
      const target = request.nodes.length >= WORKER_NODE_THRESHOLD ? ensureWorker() : undefined;
      if (!target) {
        pending = undefined;
        runSync(request, onResult);
        return;
      }
      // If the worker dies before answering, fall back for this request too.
      const id = latest;
      pending = onResult;
      const fallback = () => {
        if (latest === id && pending === onResult) {
          pending = undefined;
          runSync(request, onResult);
        }
      };
      target.addEventListener('error', fallback, { once: true });
      removeFallback = () => target.removeEventListener('error', fallback);
      target.postMessage({ id, request });
    },
    dispose() {
      latest++;
      pending = undefined;
      removeFallback();
      worker?.terminate();
      worker = undefined;
    },
  };
}
