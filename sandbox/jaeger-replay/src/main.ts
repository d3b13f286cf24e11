/**
 * `npx tsx sandbox/jaeger-replay/src/main.ts [--port 16686] [--now] [--demo-minutes N]`: a replaying Jaeger
 * for manual use. --now moves the recordings next to the current time; --demo-minutes adds the demo
 * shop's traces of the last N minutes.
 */
import { startJaegerReplay } from './server';

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 16686;

const demoIndex = args.indexOf('--demo-minutes');
const demoMinutes = demoIndex >= 0 ? Number(args[demoIndex + 1]) : 0;
const now = Date.now();

startJaegerReplay({
  port,
  shiftToMs: args.includes('--now') ? now : undefined,
  demoShop: demoMinutes > 0 ? { endMs: now, durationMs: demoMinutes * 60_000 } : undefined,
})
  .then((replay) => console.log(`jaeger-replay listening on ${replay.url}`))
  .catch((error: unknown) => {
    console.error(`jaeger-replay: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
