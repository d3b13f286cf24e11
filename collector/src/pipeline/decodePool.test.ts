/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseError } from '../../../servicegraph/src/parse/parseError';
import { RecordType } from '../spool/recordFormat';
import { decodeOtlpBody } from './decodeOtlp';
import { createDecodePool } from './decodePool';

const fixture = readFileSync(join(__dirname, '..', '..', 'testdata', 'kiali-tempo-responseTrace-bookinfo.json'));

describe('createDecodePool', () => {
  it('decodes on worker threads exactly as inline, and passes parse errors back as ParseError', async () => {
    const pool = createDecodePool(2);
    try {
      const [a, b] = await Promise.all([pool.decode(RecordType.OtlpJson, fixture), pool.decode(RecordType.OtlpJson, fixture)]);
      expect(a).toEqual(decodeOtlpBody(RecordType.OtlpJson, fixture));
      expect(b.spans).toHaveLength(8);
      const failure = pool.decode(RecordType.OtlpJson, Buffer.from('{"resourceSpans": ['));
      await expect(failure).rejects.toThrow(ParseError);
      await expect(pool.decode(RecordType.OtlpJson, Buffer.from('nope'))).rejects.toThrow(/not valid JSON/);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('decodes inline with 0 workers', async () => {
    const pool = createDecodePool(0);
    expect((await pool.decode(RecordType.OtlpJson, fixture)).spans).toHaveLength(8);
    await pool.close();
  });
});
