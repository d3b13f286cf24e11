import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { IconButton, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import React from 'react';
import type { ReplayFrame } from '../../../servicegraph/src/insight/replay';
import type { ReplayControls, ReplaySpeed } from '../hooks/useReplay';

interface Props {
  frames: readonly ReplayFrame[];
  replay: ReplayControls;
  timeZone?: string;
}

const SPEEDS: Array<{ value: ReplaySpeed; label: string }> = [
  { value: 1, label: '1×' },
  { value: 4, label: '4×' },
  { value: 16, label: '16×' },
];

/** Time slider over the timeline's steps with play/pause, speed, and back to live. */
export function ReplayBar({ frames, replay, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const last = frames.length - 1;
  const index = replay.index ?? last;
  const frame = frames[index];
  const label = replay.index === undefined ? 'Live' : dateTimeFormat(frame.timeMs, { timeZone, format: 'HH:mm:ss' });
  return (
    <div className={styles.bar} data-testid="kompas-dataflow-replay" data-step={replay.index ?? ''} data-steps={frames.length}>
      <IconButton
        name={replay.playing ? 'pause' : 'play'}
        tooltip={replay.playing ? 'Pause replay' : 'Play replay'}
        data-testid="kompas-dataflow-replay-play"
        onClick={() => {
          if (!replay.playing && (replay.index === undefined || replay.index >= last)) {
            replay.seek(0);
          }
          replay.setPlaying(!replay.playing);
        }}
      />
      <input
        className={styles.slider}
        type="range"
        min={0}
        max={last}
        value={index}
        aria-label="Replay time"
        data-testid="kompas-dataflow-replay-slider"
        onChange={(e) => replay.seek(Number(e.currentTarget.value))}
      />
      <span className={styles.time}>{label}</span>
      <RadioButtonGroup<ReplaySpeed> size="sm" options={SPEEDS} value={replay.speed} onChange={replay.setSpeed} />
      {replay.index !== undefined && (
        <IconButton
          name="times"
          tooltip="Back to live"
          onClick={() => {
            replay.setPlaying(false);
            replay.seek(undefined);
          }}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    position: 'absolute',
    left: theme.spacing(1),
    right: theme.spacing(1),
    bottom: theme.spacing(3.5),
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.25, 0.75),
    opacity: 0.95,
  }),
  slider: css({ flex: 1, minWidth: 80 }),
  time: css({ fontVariantNumeric: 'tabular-nums', fontSize: theme.typography.bodySmall.fontSize, minWidth: 56 }),
});
