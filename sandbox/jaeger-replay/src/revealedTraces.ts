import { JaegerTrace } from './jaegerModel';

/**
 * The traces as a Jaeger with ingestion delay holds them at one moment: only spans that ended at or
 * before `endedByUs` (µs); a trace with no such span is not there yet.
 */
export function revealedTraces(traces: JaegerTrace[], endedByUs: number): JaegerTrace[] {
  const revealed: JaegerTrace[] = [];
  for (const trace of traces) {
    const spans = trace.spans.filter((span) => span.startTime + span.duration <= endedByUs);
    if (spans.length === trace.spans.length) {
      revealed.push(trace);
    } else if (spans.length > 0) {
      revealed.push({ ...trace, spans });
    }
  }
  return revealed;
}
