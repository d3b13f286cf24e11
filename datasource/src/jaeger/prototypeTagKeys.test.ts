import { adHocFiltersToTags } from '../datasource';
import { buildTracesUrl } from './jaegerUrls';

const SEARCH = { service: 'orders', startMs: 1000, endMs: 2000, limit: 20 };

function tagsOf(url: string): unknown {
  return JSON.parse(new URL(url).searchParams.get('tags') ?? 'null');
}

describe('tag keys that are Object.prototype names', () => {
  it('keep __proto__, constructor and hasOwnProperty from the tags field as Jaeger tags', () => {
    const url = buildTracesUrl('http://jaeger', { ...SEARCH, tags: '__proto__=a constructor=b hasOwnProperty=c' });
    expect(tagsOf(url)).toEqual({ ['__proto__']: 'a', constructor: 'b', hasOwnProperty: 'c' });
  });

  it('keep them from ad-hoc filters too', () => {
    const extraTags = adHocFiltersToTags([
      { key: '__proto__', operator: '=', value: 'a' },
      { key: 'toString', operator: '=', value: 'b' },
    ]);
    const url = buildTracesUrl('http://jaeger', { ...SEARCH, extraTags });
    expect(tagsOf(url)).toEqual({ ['__proto__']: 'a', toString: 'b' });
  });
});
