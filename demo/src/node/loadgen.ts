/**
 * Demo shop load generator: `npx tsx demo/src/node/loadgen.ts`. Exports the shop's spans over
 * OTLP/HTTP and serves a small control endpoint for incidents. Settings come from KOMPAS_* variables
 * (see loadgenConfig.ts).
 */
import { LoadgenConfigError, readLoadgenConfig, type LoadgenConfig } from './loadgenConfig';
import { createLoadgen } from './loadgenRunner';
import { startControlServer, type ControlServer } from './controlServer';

const STATS_EVERY_MS = 30_000;

function readConfigOrExit(): LoadgenConfig {
  try {
    return readLoadgenConfig(process.env);
  } catch (error) {
    if (error instanceof LoadgenConfigError) {
      console.error(`loadgen: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const loadgen = createLoadgen(config, { log: (line) => console.error(`loadgen: ${line}`) });
  let control: ControlServer | undefined;
  if (config.controlPort >= 0) {
    try {
      control = await startControlServer(loadgen, config.controlPort, config.controlHost);
    } catch (error) {
      console.error(
        `loadgen: cannot listen on ${config.controlHost}:${config.controlPort}: ${error instanceof Error ? error.message : error}`
      );
      process.exit(1);
    }
  }
  console.log(
    `loadgen: ${config.ratePerSecond} req/s (seed ${config.seed}${config.diurnal ? ', diurnal' : ''}) -> ${config.endpoint} as ${config.format}` +
      (config.incidents.length > 0 ? `; incidents on: ${config.incidents.join(', ')}` : '') +
      (control ? `; control at ${control.url}/incidents` : '')
  );
  loadgen.start();
  const statsTimer = setInterval(() => {
    const s = loadgen.stats();
    console.log(
      `loadgen: requests=${s.requests} sent=${s.sentSpans} failed=${s.failedSpans} dropped=${s.droppedSpans} pending=${s.pendingSpans}`
    );
  }, STATS_EVERY_MS);
  const shutdown = async () => {
    clearInterval(statsTimer);
    await loadgen.stop();
    await control?.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`loadgen: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
