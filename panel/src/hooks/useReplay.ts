import { useEffect, useState } from 'react';
import type { ReplayFrame } from '../../../servicegraph/src/insight/replay';

export type ReplaySpeed = 1 | 4 | 16;

export interface ReplayControls {
  /** Slider position; undefined = live map (no step chosen yet). */
  index?: number;
  playing: boolean;
  speed: ReplaySpeed;
  seek(index: number | undefined): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: ReplaySpeed): void;
}

/** Steps per second at 1×: a 60-step hour plays in a minute, 4 s at 16×. */
const STEP_MS_AT_1X = 1000;

/** Slider state of a replay: play advances one step per second (× speed) and stops at the end. */
export function useReplay(frames: readonly ReplayFrame[]): ReplayControls {
  const [chosen, seek] = useState<number | undefined>(undefined);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(1);
  const count = frames.length;

  // A shorter timeline after a refresh keeps the slider on its last step.
  const index = chosen === undefined || count === 0 ? undefined : Math.min(chosen, count - 1);

  useEffect(() => {
    if (!playing || count === 0) {
      return undefined;
    }
    const timer = window.setInterval(() => {
      seek((current) => {
        const next = current === undefined ? 0 : current + 1;
        if (next >= count - 1) {
          setPlaying(false);
          return count - 1;
        }
        return next;
      });
    }, STEP_MS_AT_1X / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed, count]);

  return { index, playing, speed, seek, setPlaying, setSpeed };
}
