export { startJaegerReplay } from './server';
export type { JaegerReplay, JaegerReplayOptions, RecordedRequest } from './server';
export { FAULT_MODES } from './faults';
export type { FaultMode } from './faults';
export { loadTraceFiles, shiftTraces } from './loadTraces';
export type { JaegerTrace, JaegerSpan, JaegerDependencyLink } from './jaegerModel';
export { demoShopTraces } from './demoTraces';
export type { DemoTraceOptions } from './demoTraces';
