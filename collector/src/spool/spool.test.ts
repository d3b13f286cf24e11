/**
 * @jest-environment node
 */
import { appendFileSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordType } from './recordFormat';
import { openSpool } from './spool';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'kompas-spool-test-'));
const segments = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.log')).sort();

describe('spool', () => {
  it('keeps records in sequence across reopen and reads them back', async () => {
    const dir = tempDir();
    const spool = openSpool({ dir, segmentBytes: 1 << 20 });
    const a = spool.append(RecordType.OtlpJson, Buffer.from('{"a":1}'));
    const b = spool.append(RecordType.OtlpProtobuf, Buffer.from([1, 2, 3]));
    spool.append(RecordType.Tick, Buffer.alloc(0));
    await spool.sync(3);
    expect(spool.syncedSeq).toBe(3);
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(b.receivedMs).toBeGreaterThanOrEqual(a.receivedMs);
    spool.close();

    const reopened = openSpool({ dir, segmentBytes: 1 << 20 });
    expect(reopened.id).toBe(spool.id);
    expect(reopened.lastSeq).toBe(3);
    const records = [...reopened.readFrom(2)];
    expect(records.map((r) => [r.seq, r.type, r.payload.toString('hex')])).toEqual([
      [2, RecordType.OtlpProtobuf, '010203'],
      [3, RecordType.Tick, ''],
    ]);
    expect(reopened.append(RecordType.OtlpJson, Buffer.from('{}')).seq).toBe(4);
    reopened.close();
  });

  it('cuts a torn record at the end (a crash mid-write) and continues after the last good one', () => {
    const dir = tempDir();
    const spool = openSpool({ dir, segmentBytes: 1 << 20 });
    spool.append(RecordType.OtlpJson, Buffer.from('{"ok":true}'));
    spool.close();
    const file = join(dir, segments(dir)[0]);
    const goodSize = statSync(file).size;
    appendFileSync(file, Buffer.from([0x53, 0x50, 0x4d, 0x4b, 0xff, 0xff, 0, 0, 1, 2]));
    const reopened = openSpool({ dir, segmentBytes: 1 << 20 });
    expect(statSync(file).size).toBe(goodSize);
    expect(reopened.lastSeq).toBe(1);
    expect([...reopened.readFrom(0)]).toHaveLength(1);
    reopened.close();
  });

  it('rotates segments and prunes only closed segments that qualify', () => {
    const dir = tempDir();
    const spool = openSpool({ dir, segmentBytes: 100 });
    for (let i = 0; i < 6; i++) {
      spool.append(RecordType.OtlpJson, Buffer.alloc(80, 32));
    }
    expect(segments(dir)).toHaveLength(6);
    const sizeBefore = spool.sizeBytes;
    expect(spool.prune((lastSeq) => lastSeq <= 3)).toBe(3);
    expect(segments(dir)).toHaveLength(3);
    expect(spool.sizeBytes).toBe(sizeBefore / 2);
    expect([...spool.readFrom(0)].map((r) => r.seq)).toEqual([4, 5, 6]);
    // The active segment is never deleted, even when the predicate allows it.
    expect(spool.prune(() => true)).toBe(2);
    expect(segments(dir)).toHaveLength(1);
    spool.close();
  });
});
