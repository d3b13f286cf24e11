/** A seeded linear congruential generator in [0, 1), as d3-force's own (https://en.wikipedia.org/wiki/Linear_congruential_generator). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (1664525 * state + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** A stable seed from the node ids, so the same graph gets the same map for everyone. */
export function seedFromIds(ids: readonly string[]): number {
  let hash = 2166136261;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) {
      hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
    }
    hash = Math.imul(hash ^ 0x2c, 16777619);
  }
  return hash >>> 0;
}
