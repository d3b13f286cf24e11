/**
 * @jest-environment node
 */
import { formatDuration, formatRatio, formatShare } from './formatDuration';

describe('formatDuration / formatShare / formatRatio', () => {
  it.each([
    [0.4, '0.4 ms'],
    [7.25, '7.3 ms'],
    [110.4, '110 ms'],
    [2310, '2.3 s'],
    [45_000, '45 s'],
    [150_000, '2.5 min'],
    [Number.NaN, 'NaN'],
  ])('formats %p ms as %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('formats shares and ratios', () => {
    expect(formatShare(0.712)).toBe('71 %');
    expect(formatShare(0.0049)).toBe('0.5 %');
    expect(formatShare(0)).toBe('0 %');
    expect(formatRatio(20.9)).toBe('21×');
    expect(formatRatio(1.55)).toBe('1.6×');
  });
});
