/**
 * Decodes request bodies on worker threads, so JSON/protobuf parsing (the costliest step per span) runs in
 * parallel with pairing on the main thread. With 0 workers it decodes inline (tests, tiny deployments).
 * The result is the same either way: decodeOtlpBody is a pure function of the body.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ParseError } from '../../../servicegraph/src/parse/parseError';
import type { RecordType } from '../spool/recordFormat';
import { decodeOtlpBody, type DecodedRequest } from './decodeOtlp';

export interface DecodePool {
  decode(type: RecordType, body: Buffer): Promise<DecodedRequest>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  result?: DecodedRequest;
  error?: string;
  parse?: { file: string; problem: string };
}

interface Pending {
  resolve: (result: DecodedRequest) => void;
  reject: (err: Error) => void;
}

/**
 * Run from TypeScript source (`tsx`), a worker does not inherit the loader, so it registers tsx's CommonJS
 * hook before loading the worker module; a compiled build loads the .js file directly.
 */
function startWorker(): Worker {
  const fromSource = __filename.endsWith('.ts');
  const file = join(__dirname, fromSource ? 'decodeWorker.ts' : 'decodeWorker.js');
  if (!fromSource) {
    return new Worker(file);
  }
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(file)});`;
  return new Worker(bootstrap, { eval: true });
}

export function createDecodePool(workers: number): DecodePool {
  if (workers <= 0) {
    return { decode: async (type, body) => decodeOtlpBody(type, body), close: async () => undefined };
  }
  const pending = new Map<number, Pending>();
  const load = new Array<number>(workers).fill(0);
  let nextId = 0;
  const threads: Worker[] = [];
  const attach = (index: number): void => {
    const worker = startWorker();
    worker.on('message', (reply: Reply) => {
      load[index]--;
      const task = pending.get(reply.id);
      pending.delete(reply.id);
      if (!task) {
        return;
      }
      if (reply.result) {
        task.resolve(reply.result);
      } else if (reply.parse) {
        task.reject(new ParseError(reply.parse.file, reply.parse.problem));
      } else {
        task.reject(new Error(reply.error ?? 'decode worker failed'));
      }
    });
    worker.on('error', (err) => {
      // Which tasks the dead worker held is not tracked: fail them all (the clients retry) and replace it.
      pending.forEach((task) => task.reject(err));
      pending.clear();
      load.fill(0);
      attach(index);
    });
    worker.unref();
    threads[index] = worker;
  };
  for (let i = 0; i < workers; i++) {
    attach(i);
  }

  return {
    decode(type, body) {
      const index = load.indexOf(Math.min(...load));
      load[index]++;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        threads[index].postMessage({ id, type, body });
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
