/** `npx tsx sandbox/jaeger-replay/src/main.ts [--port 16686] [--now]`: a replaying Jaeger for manual use. */
import { startJaegerReplay } from './server';

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 16686;

startJaegerReplay({ port, shiftToMs: args.includes('--now') ? Date.now() : undefined })
  .then((replay) => console.log(`jaeger-replay listening on ${replay.url}`))
  .catch((error: unknown) => {
    console.error(`jaeger-replay: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
