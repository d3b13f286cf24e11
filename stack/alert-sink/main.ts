/**
 * `tsx stack/alert-sink/main.ts`: the demo stack's alert notification receiver (see alertSink.ts).
 * ALERT_SINK_PORT (default 8099), ALERT_SINK_HOST (default 0.0.0.0).
 */
import { startAlertSink } from './alertSink';

const port = Number(process.env.ALERT_SINK_PORT ?? 8099);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`alert-sink: ALERT_SINK_PORT: expected a port 0-65535, got "${process.env.ALERT_SINK_PORT}"`);
  process.exit(2);
}

startAlertSink({ port, host: process.env.ALERT_SINK_HOST || '0.0.0.0', log: (line) => console.log(line) })
  .then((sink) => {
    console.log(`alert-sink: listening on ${sink.url} (POST Grafana webhook notifications, GET / to read them)`);
    const stop = () => sink.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  })
  .catch((error: unknown) => {
    console.error(`alert-sink: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
