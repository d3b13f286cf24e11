/**
 * OTLP AnyValue in the fast scanner: strings, numbers (intValue may be a decimal string) and booleans;
 * structured values (arrays, kvlists) go to the full parser.
 */
import type { AttributeValue } from '../../types';
import { keyTable, ScanUnsupported } from './jsonCursor';
import type { TraceCursor } from './traceFields';

const STRING_VALUE = 0;
const NUMBER_VALUE = 1;
const BOOL_VALUE = 2;
const STRUCTURED_VALUE = 3;
/** AnyValue keys. */
const VALUE_KEYS = keyTable([
  ['stringValue', STRING_VALUE],
  ['bytesValue', STRING_VALUE],
  ['intValue', NUMBER_VALUE],
  ['doubleValue', NUMBER_VALUE],
  ['boolValue', BOOL_VALUE],
  ['arrayValue', STRUCTURED_VALUE],
  ['kvlistValue', STRUCTURED_VALUE],
]);

/** One AnyValue (null: undefined); when several members are present the first scalar one wins. */
export function scanAnyValue(cursor: TraceCursor): AttributeValue | undefined {
  if (cursor.isNull()) {
    return undefined;
  }
  let value: AttributeValue | undefined;
  cursor.beginObject();
  for (let first = true; cursor.nextKnownKey(first, VALUE_KEYS); first = false) {
    switch (cursor.knownKey) {
      case STRING_VALUE: {
        const v = cursor.readScalar();
        if (typeof v !== 'string') {
          throw new ScanUnsupported('non-string stringValue');
        }
        value ??= v;
        break;
      }
      case NUMBER_VALUE: {
        const v = cursor.readScalar();
        if (v !== undefined && typeof v !== 'boolean') {
          const n = typeof v === 'number' ? v : Number(v);
          value ??= Number.isFinite(n) ? n : String(v);
        }
        break;
      }
      case BOOL_VALUE: {
        const v = cursor.readScalar();
        if (typeof v === 'boolean') {
          value ??= v;
        }
        break;
      }
      case STRUCTURED_VALUE:
        throw new ScanUnsupported('structured attribute value');
      default:
        cursor.skipValue();
    }
  }
  return value;
}
