/**
 * `npm run collector`: the Kompas collector service. Configuration is read from KOMPAS_* environment
 * variables (see config.ts and collector/README.md). SIGTERM/SIGINT stop it gracefully.
 */
import { ConfigError, loadConfig } from './config';
import { startCollector } from './service';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`kompas-collector: ${err.message}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  const collector = await startCollector(config);
  console.error(`kompas-collector: listening on ${collector.url} (OTLP/HTTP: POST /v1/traces)`);
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.error(`kompas-collector: ${signal}, flushing and stopping`);
    collector
      .stop()
      .then(() => process.exit(0))
      .catch((err: Error) => {
        console.error(`kompas-collector: stop failed: ${err.message}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: Error) => {
  console.error(`kompas-collector: ${err.message}`);
  process.exit(1);
});
