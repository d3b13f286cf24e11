import { REREAD_MS, liveReadFrom } from './liveReadRange';

describe('liveReadFrom', () => {
  it('reads the window first, then only from REREAD_MS before the last read', () => {
    expect(liveReadFrom(100_000, 400_000, undefined)).toBe(100_000);
    expect(liveReadFrom(110_000, 410_000, 400_000)).toBe(400_000 - REREAD_MS);
  });

  it('never reads before the window, and a clock that went back re-reads from itself', () => {
    expect(liveReadFrom(390_000, 420_000, 400_000)).toBe(390_000);
    expect(liveReadFrom(0, 300_000, 400_000)).toBe(300_000 - REREAD_MS);
  });
});
