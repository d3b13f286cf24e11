/** Reads the request bodies in a spool directory (tests: which unanswered requests did reach the disk?). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRecordAt, RECORD_HEADER_BYTES } from '../spool/recordFormat';

export function spooledBodies(dir: string): Set<string> {
  const bodies = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
    const buffer = readFileSync(join(dir, name));
    let offset = 0;
    for (let record = decodeRecordAt(buffer, 0); record; record = decodeRecordAt(buffer, offset)) {
      offset += RECORD_HEADER_BYTES + record.payload.length;
      bodies.add(record.payload.toString('base64'));
    }
  }
  return bodies;
}

/** Highest record sequence number in a spool directory (0 when empty). */
export function lastSpooledSeq(dir: string): number {
  let last = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
    const buffer = readFileSync(join(dir, name));
    let offset = 0;
    for (let record = decodeRecordAt(buffer, 0); record; record = decodeRecordAt(buffer, offset)) {
      offset += RECORD_HEADER_BYTES + record.payload.length;
      last = Math.max(last, record.seq);
    }
  }
  return last;
}
