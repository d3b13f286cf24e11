import { bytesToHex } from './ids';
import { idBytesToHex, TraceIdCache } from './idBytesToHex';

describe('idBytesToHex', () => {
  it('gives the same hex as the portable conversion for every width and byte value', () => {
    for (const length of [0, 1, 7, 8, 9, 16, 33]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length * 11) % 256);
      expect(idBytesToHex(bytes)).toBe(bytesToHex(bytes));
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let i = 0; i < 256; i += 8) {
      expect(idBytesToHex(all.subarray(i, i + 8))).toBe(bytesToHex(all.subarray(i, i + 8)));
    }
  });

  it('reuses the last trace id only while the bytes are equal', () => {
    const cache = new TraceIdCache();
    const first = cache.toHex(Uint8Array.from({ length: 16 }, (_, i) => i));
    expect(first).toBe('000102030405060708090a0b0c0d0e0f');
    expect(cache.toHex(Uint8Array.from({ length: 16 }, (_, i) => i))).toBe(first);
    expect(cache.toHex(Uint8Array.from({ length: 16 }, (_, i) => (i === 15 ? 0 : i)))).toBe(
      '000102030405060708090a0b0c0d0e00'
    );
    expect(cache.toHex(new Uint8Array(0))).toBe('');
  });
});
