import { createColdStartGate, MAX_GATED_UPDATES, YOUNG_UPDATES } from './coldStartGate';

describe('createColdStartGate', () => {
  it('opens at once for a one-shot result and for a panel that already has a layout', () => {
    expect(createColdStartGate(false).observe(1, false)).toBe(true);
    expect(createColdStartGate(true).observe(1, true)).toBe(true);
  });

  it('waits while a stream backfill changes the topology, and opens once it holds still for one update', () => {
    const gate = createColdStartGate(false);
    expect(gate.observe(1, true)).toBe(false);
    expect(gate.observe(2, true)).toBe(false);
    expect(gate.observe(2, true)).toBe(true);
    expect(gate.observe(3, true)).toBe(true);
  });

  it('stops waiting after a bounded number of updates, or when forced', () => {
    const gate = createColdStartGate(false);
    const answers = Array.from({ length: MAX_GATED_UPDATES }, (_, i) => gate.observe(i, true));
    expect(answers.slice(0, -1).every((open) => !open)).toBe(true);
    expect(answers[answers.length - 1]).toBe(true);
    const forced = createColdStartGate(false);
    forced.force();
    expect(forced.open).toBe(true);
  });

  it('keeps a stream map young for a few updates after opening, so late arrivals are laid out cold', () => {
    const gate = createColdStartGate(false);
    gate.observe(1, true);
    gate.observe(1, true);
    expect(gate.young).toBe(true);
    for (let i = 0; i < YOUNG_UPDATES; i++) {
      gate.observe(2, true);
    }
    expect(gate.young).toBe(false);
    const oneShot = createColdStartGate(false);
    oneShot.observe(1, false);
    expect(oneShot.young).toBe(false);
    const settled = createColdStartGate(false);
    settled.observe(1, true);
    settled.observe(1, true);
    settled.settle();
    expect(settled.young).toBe(false);
    const remounted = createColdStartGate(true);
    remounted.observe(1, true);
    expect(remounted.young).toBe(false);
  });
});
