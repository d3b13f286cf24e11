import { normalizeHexId, normalizeId } from './ids';

describe('normalizeId', () => {
  it('lowercases hex of full width', () => {
    expect(normalizeId('5B8EFFF798038103D269B633813FC60C', 32)).toBe('5b8efff798038103d269b633813fc60c');
    expect(normalizeId('EEE19B7EC3C1B174', 16)).toBe('eee19b7ec3c1b174');
  });

  it('decodes base64 ids to hex', () => {
    expect(normalizeId('O6VWCcPN5JZJ+dnJ+dnZNg==', 32)).toBe('3ba55609c3cde49649f9d9c9f9d9d936');
    expect(normalizeId('AQIDBAUGBwg=', 16)).toBe('0102030405060708');
  });

  it('pads short hex ids (Jaeger drops leading zeros)', () => {
    expect(normalizeHexId('abc', 16)).toBe('0000000000000abc');
    expect(normalizeId('abc', 16)).toBe('0000000000000abc');
  });

  it('keeps empty as empty and rejects what is neither hex nor base64', () => {
    expect(normalizeId('', 16)).toBe('');
    expect(normalizeId('not an id!', 16)).toBeUndefined();
    expect(normalizeHexId('trace-123', 32)).toBeUndefined();
  });
});
