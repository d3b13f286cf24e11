import { DrawContext } from '../render/drawContext';

/** A DrawContext that records calls (jsdom has no canvas): lets tests assert what a draw function did. */
export interface RecordingContext extends DrawContext {
  calls: Array<{ name: string; args: unknown[]; style?: string; alpha?: number; lineWidth?: number }>;
  count(name: string): number;
}

export function createRecordingContext(): RecordingContext {
  const calls: RecordingContext['calls'] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      const style =
        name === 'fill' || name === 'fillRect' ? ctx.fillStyle : name === 'stroke' ? ctx.strokeStyle : undefined;
      calls.push({
        name,
        args,
        style: typeof style === 'string' ? style : undefined,
        alpha: ctx.globalAlpha,
        lineWidth: name === 'stroke' ? ctx.lineWidth : undefined,
      });
    };
  const ctx: RecordingContext = {
    calls,
    count: (name) => calls.filter((c) => c.name === name).length,
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    quadraticCurveTo: record('quadraticCurveTo'),
    arc: record('arc'),
    ellipse: record('ellipse'),
    rect: record('rect'),
    closePath: record('closePath'),
    fill: record('fill'),
    stroke: record('stroke'),
    fillRect: record('fillRect'),
    clearRect: record('clearRect'),
    fillText: record('fillText'),
    strokeText: record('strokeText'),
    setTransform: record('setTransform') as DrawContext['setTransform'],
    setLineDash: record('setLineDash'),
    save: record('save'),
    restore: record('restore'),
    measureText: (text: string) => ({ width: text.length * 6 }) as TextMetrics,
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    lineJoin: 'miter',
    lineCap: 'butt',
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
  };
  return ctx;
}
