/**
 * Append-only, segmented write-ahead spool. `append` writes a record synchronously (so records are on disk
 * in sequence order); `sync(seq)` resolves once that record is fsynced. Concurrent requests share one
 * fsync (group commit), so acknowledging after `sync` costs one disk flush per burst, not per request.
 * Whole segment files are deleted by `prune` once the database holds everything they could contribute.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeRecordAt, encodeRecordHeader, RECORD_HEADER_BYTES, RecordType, type SpoolRecord } from './recordFormat';

const fsyncAsync = promisify(fsync);
const SEGMENT_PATTERN = /^seg-(\d{16})\.log$/;

export interface SpoolOptions {
  dir: string;
  segmentBytes: number;
}

interface Segment {
  path: string;
  firstSeq: number;
  lastSeq: number;
  lastReceivedMs: number;
  bytes: number;
}

export interface Spool {
  /** Random id of this spool directory, so a checkpoint is never applied to a different spool. */
  readonly id: string;
  readonly lastSeq: number;
  /** Highest seq known to be fsynced. */
  readonly syncedSeq: number;
  readonly lastReceivedMs: number;
  /** Bytes in all segment files. */
  readonly sizeBytes: number;
  append(type: RecordType, payload: Buffer): SpoolRecord;
  /** Resolves when every record up to `seq` is durable. */
  sync(seq: number): Promise<void>;
  /** Records with seq >= fromSeq, in order (reads the files; used for replay at start). */
  readFrom(fromSeq: number): Generator<SpoolRecord>;
  /** Deletes closed segments whose records all satisfy `deletable(lastSeq, lastReceivedMs)`. */
  prune(deletable: (lastSeq: number, lastReceivedMs: number) => boolean): number;
  close(): void;
}

function segmentName(firstSeq: number): string {
  return `seg-${String(firstSeq).padStart(16, '0')}.log`;
}

/** Scans a segment; cuts a torn tail (never acknowledged) and returns what it holds. */
function scanSegment(path: string, firstSeq: number): Segment {
  const buffer = readFileSync(path);
  const segment: Segment = { path, firstSeq, lastSeq: firstSeq - 1, lastReceivedMs: 0, bytes: 0 };
  let offset = 0;
  for (;;) {
    const record = decodeRecordAt(buffer, offset);
    if (!record) {
      break;
    }
    segment.lastSeq = record.seq;
    segment.lastReceivedMs = record.receivedMs;
    offset += RECORD_HEADER_BYTES + record.payload.length;
  }
  if (offset < buffer.length) {
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, offset);
    fsyncSync(fd);
    closeSync(fd);
  }
  segment.bytes = offset;
  return segment;
}

function readSpoolId(dir: string): string {
  const path = join(dir, 'spool-id');
  if (existsSync(path)) {
    return readFileSync(path, 'utf8').trim();
  }
  const id = randomUUID();
  writeFileSync(path, id + '\n');
  return id;
}

export function openSpool(options: SpoolOptions): Spool {
  mkdirSync(options.dir, { recursive: true });
  const id = readSpoolId(options.dir);
  const segments: Segment[] = readdirSync(options.dir)
    .map((name) => SEGMENT_PATTERN.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => scanSegment(join(options.dir, m[0]), Number(m[1])))
    .sort((a, b) => a.firstSeq - b.firstSeq);

  let lastSeq = segments.length > 0 ? segments[segments.length - 1].lastSeq : 0;
  let lastReceivedMs = segments.reduce((max, s) => Math.max(max, s.lastReceivedMs), 0);
  let active: Segment | undefined;
  let fd = -1;
  let syncedSeq = lastSeq;
  let syncing = false;
  const waiters: Array<{ seq: number; resolve: () => void; reject: (e: Error) => void }> = [];
  /** Rotated-out descriptors, closed once no fsync can be using them. */
  const retired: number[] = [];

  const openActive = (): void => {
    const segment: Segment = {
      path: join(options.dir, segmentName(lastSeq + 1)),
      firstSeq: lastSeq + 1,
      lastSeq,
      lastReceivedMs,
      bytes: 0,
    };
    fd = openSync(segment.path, 'a');
    segments.push(segment);
    active = segment;
  };

  const rotate = (): void => {
    // Make the old segment durable now; its descriptor is closed after any fsync in flight.
    fsyncSync(fd);
    retired.push(fd);
    openActive();
  };

  const runSyncLoop = async (): Promise<void> => {
    syncing = true;
    try {
      while (waiters.length > 0) {
        const target = lastSeq;
        await fsyncAsync(fd);
        syncedSeq = target;
        for (let i = waiters.length - 1; i >= 0; i--) {
          if (waiters[i].seq <= syncedSeq) {
            waiters[i].resolve();
            waiters.splice(i, 1);
          }
        }
        retired.splice(0).forEach((old) => closeSync(old));
      }
    } catch (err) {
      waiters.splice(0).forEach((w) => w.reject(err as Error));
    } finally {
      syncing = false;
    }
  };

  return {
    id,
    get lastSeq() {
      return lastSeq;
    },
    get syncedSeq() {
      return syncedSeq;
    },
    get lastReceivedMs() {
      return lastReceivedMs;
    },
    get sizeBytes() {
      return segments.reduce((sum, s) => sum + s.bytes, 0);
    },
    append(type, payload) {
      if (!active || active.bytes >= options.segmentBytes) {
        if (active) {
          rotate();
        } else {
          openActive();
        }
      }
      // The clock never goes backwards, so replaying expiry sees the same order of time as the live run.
      const receivedMs = Math.max(lastReceivedMs, Date.now());
      const record: SpoolRecord = { seq: lastSeq + 1, receivedMs, type, payload };
      const header = encodeRecordHeader(record);
      writeSync(fd, header);
      if (payload.length > 0) {
        writeSync(fd, payload);
      }
      lastSeq = record.seq;
      lastReceivedMs = receivedMs;
      const segment = active!;
      segment.lastSeq = record.seq;
      segment.lastReceivedMs = receivedMs;
      segment.bytes += header.length + payload.length;
      return record;
    },
    sync(seq) {
      if (seq <= syncedSeq) {
        return Promise.resolve();
      }
      return new Promise((resolve, reject) => {
        waiters.push({ seq, resolve, reject });
        if (!syncing) {
          void runSyncLoop();
        }
      });
    },
    *readFrom(fromSeq) {
      for (const segment of [...segments]) {
        if (segment.lastSeq < fromSeq || !existsSync(segment.path)) {
          continue;
        }
        const buffer = readFileSync(segment.path);
        let offset = 0;
        for (;;) {
          const record = decodeRecordAt(buffer, offset);
          if (!record) {
            break;
          }
          offset += RECORD_HEADER_BYTES + record.payload.length;
          if (record.seq >= fromSeq) {
            yield record;
          }
        }
      }
    },
    prune(deletable) {
      let removed = 0;
      while (segments.length > 0 && segments[0] !== active && deletable(segments[0].lastSeq, segments[0].lastReceivedMs)) {
        const segment = segments.shift()!;
        if (existsSync(segment.path)) {
          unlinkSync(segment.path);
        }
        removed++;
      }
      return removed;
    },
    close() {
      if (fd >= 0) {
        fsyncSync(fd);
        closeSync(fd);
        fd = -1;
      }
      retired.splice(0).forEach((old) => closeSync(old));
      active = undefined;
    },
  };
}

/** Size of a spool directory on disk (for tests and metrics). */
export function spoolDirBytes(dir: string): number {
  return readdirSync(dir)
    .filter((name) => SEGMENT_PATTERN.test(name))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}
