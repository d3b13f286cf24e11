/**
 * When each incident is on: a switch history per incident, so a request's incidents depend on its
 * start time, not on when it was generated (history stays stable while incidents are switched live).
 */
import { combineEffects, INCIDENTS, isIncidentName, type IncidentEffects, type IncidentName } from './incidents';

export interface IncidentTimeline {
  /** Without `atMs` the state holds for all time; with it, from that moment on (later switches are dropped). */
  set(name: string, on: boolean, atMs?: number): void;
  /** Incidents on for a request starting at `timeMs` (latest state when omitted). */
  activeAt(timeMs?: number): IncidentName[];
  /** The combined effects for a request starting at `timeMs`. */
  effectsAt(timeMs: number): IncidentEffects;
}

interface Switch {
  atMs: number;
  on: boolean;
}

function checkIncidentName(name: string): IncidentName {
  if (!isIncidentName(name)) {
    throw new Error(`unknown incident "${name}"; known incidents: ${INCIDENTS.map((i) => i.name).join(', ')}`);
  }
  return name;
}

export function createIncidentTimeline(): IncidentTimeline {
  const timelines = new Map<IncidentName, Switch[]>(INCIDENTS.map((i) => [i.name, [{ atMs: -Infinity, on: false }]]));
  const effectsCache = new Map<string, IncidentEffects>();

  const activeAt = (timeMs = Infinity): IncidentName[] => {
    const active: IncidentName[] = [];
    for (const [name, timeline] of timelines) {
      let on = false;
      for (const change of timeline) {
        if (change.atMs > timeMs) {
          break;
        }
        on = change.on;
      }
      if (on) {
        active.push(name);
      }
    }
    return active;
  };

  return {
    activeAt,
    effectsAt: (timeMs) => {
      const active = activeAt(timeMs);
      const key = active.join(',');
      let effects = effectsCache.get(key);
      if (!effects) {
        effects = combineEffects(active);
        effectsCache.set(key, effects);
      }
      return effects;
    },
    set: (name, on, atMs) => {
      const timeline = timelines.get(checkIncidentName(name))!;
      if (atMs === undefined) {
        timeline.splice(0, timeline.length, { atMs: -Infinity, on });
        return;
      }
      if (!Number.isFinite(atMs)) {
        throw new Error(`demo shop: incident switch time must be a finite number of ms, got ${atMs}`);
      }
      const kept = timeline.filter((change) => change.atMs < atMs);
      timeline.splice(0, timeline.length, ...kept, { atMs, on });
    },
  };
}
