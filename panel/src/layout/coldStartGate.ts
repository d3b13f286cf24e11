/**
 * When a fresh panel makes its first (cold) layout. A live stream fills its window in chunks, so its first
 * frames list a varying part of the services; laying out the first frame would make the map depend on which
 * chunks arrived first, and two people opening the same dashboard would see different maps. The gate waits
 * until the topology holds still for one update (or a few updates, or a short time, have passed), so the
 * cold layout sees the settled node and edge sets. For a few updates after that the map is still young: a
 * late arrival from the backfill is laid out from scratch with the whole set (not added warm to a map of a
 * partial set), so the map still depends only on the final nodes and edges. One-shot results open the gate
 * at once and are never young.
 */
export interface ColdStartGate {
  readonly open: boolean;
  /** A topology change now should be laid out cold, over the whole set. */
  readonly young: boolean;
  /** Records an update of the data; returns whether layouts may run now. */
  observe(topologyKey: number, streaming: boolean): boolean;
  /** Opens the gate regardless (the time limit passed). */
  force(): void;
  /** Ends the young phase early: the data changed in a way a backfill does not (services left, a new query). */
  settle(): void;
}

/** Updates to wait at most for the topology to hold still. */
export const MAX_GATED_UPDATES = 5;
/** Time to wait at most, for streams with a slow cadence. */
export const MAX_GATED_MS = 2500;
/** Updates after the gate opened during which a topology change is laid out cold. */
export const YOUNG_UPDATES = 4;

export function createColdStartGate(initiallyOpen: boolean): ColdStartGate {
  let open = initiallyOpen;
  let lastKey: number | undefined;
  let updates = 0;
  let youngLeft = 0;
  return {
    get open() {
      return open;
    },
    get young() {
      return youngLeft > 0;
    },
    observe(topologyKey, streaming) {
      if (open) {
        youngLeft = Math.max(0, youngLeft - 1);
        return true;
      }
      updates++;
      open = !streaming || topologyKey === lastKey || updates >= MAX_GATED_UPDATES;
      youngLeft = open && streaming ? YOUNG_UPDATES : 0;
      lastKey = topologyKey;
      return open;
    },
    force() {
      if (!open) {
        open = true;
        youngLeft = YOUNG_UPDATES;
      }
    },
    settle() {
      youngLeft = 0;
    },
  };
}
