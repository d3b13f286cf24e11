/** Worker thread body for the decode pool: decodes request bodies off the main thread. */
import { parentPort } from 'node:worker_threads';
import { ParseError } from '../../../servicegraph/src/parse/parseError';
import type { RecordType } from '../spool/recordFormat';
import { decodeOtlpBody } from './decodeOtlp';

export interface DecodeTask {
  id: number;
  type: RecordType;
  body: Uint8Array;
}

parentPort?.on('message', (task: DecodeTask) => {
  try {
    const body = Buffer.from(task.body.buffer, task.body.byteOffset, task.body.byteLength);
    parentPort!.postMessage({ id: task.id, result: decodeOtlpBody(task.type, body) });
  } catch (err) {
    const parse = err instanceof ParseError ? { file: err.file, problem: err.problem } : undefined;
    parentPort!.postMessage({ id: task.id, error: (err as Error).message, parse });
  }
});
