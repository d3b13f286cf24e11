import { ParseError } from './parseError';
import { parseTraceText } from './parseTraces';
import { parseJaegerDependencies } from './jaegerDependencies';

describe('Jaeger /api/dependencies', () => {
  it('keeps whole, non-negative call counts (absent is 1)', () => {
    const links = parseJaegerDependencies(
      [
        { parent: 'a', child: 'b', callCount: 0 },
        { parent: 'a', child: 'c', callCount: Number.MAX_SAFE_INTEGER },
        { parent: 'b', child: 'c' },
      ],
      'deps.json'
    );
    expect(links.map((link) => link.callCount)).toEqual([0, Number.MAX_SAFE_INTEGER, 1]);
  });

  const WHOLE = 'callCount: expected a whole number from 0 to 9007199254740991, got';
  it.each([
    [{ parent: 'a', child: 'b', callCount: 1e308 }, `[1].${WHOLE} 1e+308`],
    [{ parent: 'a', child: 'b', callCount: 1.5 }, `[1].${WHOLE} 1.5`],
    [{ parent: 'a', child: 'b', callCount: -3 }, `[1].${WHOLE} -3`],
    [{ parent: 'a', child: 'b', callCount: '7' }, `[1].${WHOLE} "7"`],
    [{ parent: '', child: 'b', callCount: 1 }, '[1].parent: expected a service name, got ""'],
    [{ parent: 'a', child: '', callCount: 1 }, '[1].child: expected a service name, got ""'],
    [{ parent: 'a', child: 4, callCount: 1 }, '[1].child: expected a service name, got 4'],
  ])('rejects %j naming the index and field', (bad, problem) => {
    const text = JSON.stringify([{ parent: 'x', child: 'y', callCount: 2 }, bad]);
    expect(() => parseTraceText(text, 'deps.json')).toThrow(new ParseError('deps.json', problem));
  });

  it('names the index inside {data: […]}', () => {
    const text = JSON.stringify({ data: [{ parent: 'a', child: 'b', callCount: 1e308 }] });
    expect(() => parseTraceText(text, 'deps.json')).toThrow(
      /^deps\.json: data\[0\]\.callCount: expected a whole number/
    );
  });
});
