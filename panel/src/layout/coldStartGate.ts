/**
 * When a fresh panel makes its first (cold) layout. A live stream fills its window in chunks, so its first
 * frames list a varying part of the services; laying out the first frame would make the map depend on which
 * chunks arrived first, and two people opening the same dashboard would see different maps. The gate waits
 * until the topology holds still for one update (or a few updates, or a short time, have passed), so the
 * cold layout sees the settled node and edge sets. One-shot query results are laid out at once.
 */
export interface ColdStartGate {
  readonly open: boolean;
  /** Records an update of the data; returns whether the first layout may run now. */
  observe(topologyKey: number, streaming: boolean): boolean;
  /** Opens the gate regardless (the time limit passed, or the panel already has a layout). */
  force(): void;
}

/** Updates to wait at most for the topology to hold still. */
export const MAX_GATED_UPDATES = 5;
/** Time to wait at most, for streams with a slow cadence. */
export const MAX_GATED_MS = 2500;

export function createColdStartGate(initiallyOpen: boolean): ColdStartGate {
  let open = initiallyOpen;
  let lastKey: number | undefined;
  let updates = 0;
  return {
    get open() {
      return open;
    },
    observe(topologyKey, streaming) {
      if (!open) {
        updates++;
        open = !streaming || topologyKey === lastKey || updates >= MAX_GATED_UPDATES;
        lastKey = topologyKey;
      }
      return open;
    },
    force() {
      open = true;
    },
  };
}
