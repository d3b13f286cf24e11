/**
 * On-disk format of one spool record: a 32-byte header then the payload.
 *   0 magic u32 | 4 payload length u32 | 8 crc32 u32 (of bytes 12.. and the payload) | 12 type u8 | 13 pad
 *  16 seq u64 | 24 receivedMs f64
 * A torn or corrupt tail (crash mid-write) fails the length or CRC check and is cut off at open; such a
 * record was never fsynced, so never acknowledged.
 */
import { crc32 } from 'node:zlib';

export const RECORD_HEADER_BYTES = 32;
const MAGIC = 0x4b4d5053;

/**
 * What a record holds: an OTLP request body (as received, decompressed), a clock tick (expire pairing
 * entries), or a shutdown marker (expire them all). Ticks are records so replay expires at the same points.
 */
export enum RecordType {
  Tick = 0,
  OtlpJson = 1,
  OtlpProtobuf = 2,
  FlushAll = 3,
}

export interface SpoolRecord {
  seq: number;
  /** Collector clock when the record was written; drives pairing expiry so replay is deterministic. */
  receivedMs: number;
  type: RecordType;
  payload: Buffer;
}

export function encodeRecordHeader(record: SpoolRecord): Buffer {
  const header = Buffer.alloc(RECORD_HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(record.payload.length, 4);
  header.writeUInt8(record.type, 12);
  header.writeBigUInt64LE(BigInt(record.seq), 16);
  header.writeDoubleLE(record.receivedMs, 24);
  const crc = crc32(record.payload, crc32(header.subarray(12)));
  header.writeUInt32LE(crc, 8);
  return header;
}

/** Decodes the record at `offset`, or undefined when the bytes there are not a complete, valid record. */
export function decodeRecordAt(buffer: Buffer, offset: number): SpoolRecord | undefined {
  if (offset + RECORD_HEADER_BYTES > buffer.length || buffer.readUInt32LE(offset) !== MAGIC) {
    return undefined;
  }
  const length = buffer.readUInt32LE(offset + 4);
  const end = offset + RECORD_HEADER_BYTES + length;
  if (end > buffer.length) {
    return undefined;
  }
  const payload = buffer.subarray(offset + RECORD_HEADER_BYTES, end);
  const crc = crc32(payload, crc32(buffer.subarray(offset + 12, offset + RECORD_HEADER_BYTES)));
  if (crc !== buffer.readUInt32LE(offset + 8)) {
    return undefined;
  }
  const type = buffer.readUInt8(offset + 12);
  if (!(type in RecordType)) {
    return undefined;
  }
  return {
    seq: Number(buffer.readBigUInt64LE(offset + 16)),
    receivedMs: buffer.readDoubleLE(offset + 24),
    type,
    payload,
  };
}
