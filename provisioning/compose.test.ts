/**
 * @jest-environment node
 *
 * docker-compose.yml checked offline: Debian's docker-compose validates it (`config -q`) with no .env, and
 * the resolved file is read for what the stack promises: pinned images, health checks and start order,
 * named volumes, no literal secrets; the OpenTelemetry Collector config and the Dockerfile agree with it.
 * No container is started (these machines have no Docker engine).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { REPO_ROOT } from './testing/provisioningFiles';

const run = promisify(execFile);
// Spawning docker-compose (Python) takes seconds on a busy machine.
jest.setTimeout(30_000);
const COMPOSE_BINARY = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find((file) => existsSync(file));
const composeIt = COMPOSE_BINARY ? it : it.skip;
if (!COMPOSE_BINARY) {
  console.warn(
    'compose.test.ts: docker-compose is not installed (apt-get install -y docker-compose); skipping the config checks that need it'
  );
}

/** An empty env file stands in for the .env a developer may have: CI has none. */
const NO_ENV_FILE = join(mkdtempSync(join(tmpdir(), 'kompas-compose-')), 'empty.env');
writeFileSync(NO_ENV_FILE, '');

/** The environment without anything a developer's shell might set for the stack, as in CI. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(KOMPAS_|GF_|GRAFANA_|COMPOSE_)/.test(key))
  );
}

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target?: string };
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  volumes?: Array<string | { type: string; source: string; target: string; read_only?: boolean }>;
  ports?: unknown[];
}

let resolved: Promise<{ services: Record<string, ComposeService>; volumes: Record<string, unknown> }> | undefined;

/** `docker-compose config` output (variables substituted, anchors merged), computed once. */
function resolvedCompose(): Promise<{ services: Record<string, ComposeService>; volumes: Record<string, unknown> }> {
  resolved ??= run(COMPOSE_BINARY!, ['--env-file', NO_ENV_FILE, '-f', 'docker-compose.yml', 'config'], {
    cwd: REPO_ROOT,
    env: cleanEnv(),
  }).then(({ stdout }) => parse(stdout));
  return resolved;
}

// merge: the file shares settings through YAML anchors and << merge keys, as Compose reads them.
const rawCompose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const otel = parse(readFileSync(join(REPO_ROOT, 'stack/otel-collector/config.yaml'), 'utf8'));
const dockerfile = readFileSync(join(REPO_ROOT, 'stack/kompas-node.Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  composeIt('passes `docker-compose config -q` without a .env file', async () => {
    const { stdout, stderr } = await run(
      COMPOSE_BINARY!,
      ['--env-file', NO_ENV_FILE, '-f', 'docker-compose.yml', 'config', '-q'],
      {
        cwd: REPO_ROOT,
        env: cleanEnv(),
      }
    );
    expect(stdout).toBe('');
    expect(stderr).toBe('');
  });

  composeIt('runs Grafana 12, Jaeger v2, TimescaleDB and the contrib collector from pinned tags', async () => {
    const { services } = await resolvedCompose();
    const images = Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.image]));
    expect(images.grafana).toMatch(/^grafana\/grafana:12\.\d+\.\d+$/);
    expect(images.jaeger).toMatch(/^jaegertracing\/jaeger:2\.\d+\.\d+$/);
    expect(images.timescaledb).toMatch(/^timescale\/timescaledb:\d+\.\d+\.\d+-pg1[5-7]$/);
    expect(images['otel-collector']).toMatch(/^otel\/opentelemetry-collector-contrib:0\.\d+\.\d+$/);
    for (const [name, service] of Object.entries(services)) {
      expect({ name, latest: /:latest$|^[^:]+$/.test(service.image ?? '') }).toEqual({ name, latest: false });
    }
  });

  composeIt(
    'gives Grafana the built plugins read-only, the unsigned allowance for exactly our ids, and provisioning',
    async () => {
      const { services } = await resolvedCompose();
      const grafana = services.grafana;
      expect(grafana.environment?.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).toBe(
        'kompas-dataflow-datasource,kompas-dataflow-panel'
      );
      const mounts = (grafana.volumes ?? []).map((v) =>
        typeof v === 'string' ? v : `${v.source}:${v.target}${v.read_only ? ':ro' : ''}`
      );
      expect(mounts).toEqual(
        expect.arrayContaining([
          `${join(REPO_ROOT, 'dist/kompas-dataflow-datasource')}:/var/lib/grafana/plugins/kompas-dataflow-datasource:ro`,
          `${join(REPO_ROOT, 'dist/kompas-dataflow-panel')}:/var/lib/grafana/plugins/kompas-dataflow-panel:ro`,
          `${join(REPO_ROOT, 'provisioning/datasources')}:/etc/grafana/provisioning/datasources:ro`,
          `${join(REPO_ROOT, 'provisioning/dashboards')}:/etc/grafana/provisioning/dashboards:ro`,
          `${join(REPO_ROOT, 'provisioning/alerting')}:/etc/grafana/provisioning/alerting:ro`,
        ])
      );
      // Every $VARIABLE the provisioning files expand is set for Grafana.
      const provisioningText = ['datasources/kompas.yaml', 'alerting/kompas-notifications.yaml']
        .map((file) => readFileSync(join(REPO_ROOT, 'provisioning', file), 'utf8'))
        .join('\n');
      const needed = new Set([...provisioningText.matchAll(/\$(KOMPAS_\w+)/g)].map((m) => m[1]));
      expect([...needed].filter((name) => !grafana.environment?.[name])).toEqual([]);
    }
  );

  composeIt('has health checks and waits on them, and keeps data in named volumes', async () => {
    const { services, volumes } = await resolvedCompose();
    // The collector-contrib image has no shell to run a check in; everything else has one.
    const unchecked = Object.entries(services)
      .filter(([, s]) => !s.healthcheck)
      .map(([name]) => name);
    expect(unchecked).toEqual(['otel-collector']);
    expect(services.grafana.depends_on).toMatchObject({
      timescaledb: { condition: 'service_healthy' },
      jaeger: { condition: 'service_healthy' },
    });
    expect(services['kompas-collector-1'].depends_on).toEqual({ timescaledb: { condition: 'service_healthy' } });
    expect(services['otel-collector'].depends_on).toMatchObject({
      'kompas-collector-1': { condition: 'service_healthy' },
      'kompas-collector-2': { condition: 'service_healthy' },
    });
    expect(Object.keys(volumes).sort()).toEqual(['grafana-data', 'kompas-spool-1', 'kompas-spool-2', 'timescale-data']);
  });

  it('keeps secrets out of the file: every password is a ${VARIABLE} (with a marked demo fallback)', () => {
    const text = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    const secrets = [...text.matchAll(/^\s*([A-Z_]*PASSWORD[A-Z_]*):\s*(.+)$/gm)];
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    for (const [, name, value] of secrets) {
      expect({ name, value }).toEqual({
        name,
        value: expect.stringMatching(/^\$\{[A-Z_]+(:-[\w-]*demo[\w-]*|:-admin)?\}$/),
      });
    }
    expect(text).not.toMatch(/password@|:\/\/[^$\s]+:[^$\s{]+@/i);
    const example = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    for (const name of new Set([...text.matchAll(/\$\{(\w+)/g)].map((m) => m[1]))) {
      expect({ name, inExample: example.includes(`${name}=`) }).toEqual({ name, inExample: true });
    }
  });

  it('builds the collector, the load generator and the alert sink from targets the Dockerfile defines', () => {
    const targets = new Set([...dockerfile.matchAll(/^FROM \S+ AS ([\w-]+)$/gm)].map((m) => m[1]));
    for (const name of ['kompas-collector-1', 'kompas-collector-2', 'loadgen', 'alert-sink']) {
      const build = rawCompose.services[name].build!;
      expect({ name, target: targets.has(build.target!) }).toEqual({ name, target: true });
    }
    expect(dockerfile).toMatch(/^FROM node:20[\w.-]* AS base$/m);
    expect(dockerfile).toMatch(/RUN npm ci /);
    // What the images run exists in the repository.
    for (const [, script] of dockerfile.matchAll(/CMD \["node_modules\/\.bin\/tsx", "([^"]+)"\]/g)) {
      expect({ script, exists: existsSync(join(REPO_ROOT, script)) }).toEqual({ script, exists: true });
    }
    // The incident switch of the load generator is published.
    expect(rawCompose.services.loadgen.ports).toEqual([
      '${KOMPAS_BIND_ADDRESS:-127.0.0.1}:${KOMPAS_CONTROL_PORT:-8090}:8090',
    ]);
    // Nothing is published on every interface unless asked for.
    for (const [service, { ports }] of Object.entries(rawCompose.services)) {
      for (const port of ports ?? []) {
        expect({ service, port }).toEqual({
          service,
          port: expect.stringMatching(/^(127\.0\.0\.1|\$\{KOMPAS_BIND_ADDRESS:-127\.0\.0\.1\}):/),
        });
      }
    }
    expect(rawCompose.services.loadgen.environment).toMatchObject({
      KOMPAS_CONTROL_PORT: '8090',
      KOMPAS_INCIDENTS: '${KOMPAS_INCIDENTS:-}',
    });
  });
});

describe('OpenTelemetry Collector config', () => {
  it('defines every component its pipelines use', () => {
    for (const [name, pipeline] of Object.entries(otel.service.pipelines as Record<string, Record<string, string[]>>)) {
      for (const kind of ['receivers', 'processors', 'exporters']) {
        for (const id of pipeline[kind] ?? []) {
          expect({ pipeline: name, component: id, defined: id in otel[kind] }).toEqual({
            pipeline: name,
            component: id,
            defined: true,
          });
        }
      }
    }
  });

  it('fans the shop out to Jaeger and, routed by trace id, to each Kompas collector of the compose file', () => {
    const main = otel.service.pipelines.traces;
    expect(main.receivers).toEqual(['otlp']);
    expect(main.exporters).toEqual(['otlp/jaeger', 'loadbalancing/kompas']);
    expect(otel.exporters['otlp/jaeger'].endpoint).toBe('jaeger:4317');
    const balancer = otel.exporters['loadbalancing/kompas'];
    expect(balancer.routing_key).toBe('traceID');
    const hostnames: string[] = balancer.resolver.static.hostnames;
    const collectors = Object.keys(rawCompose.services).filter((name) => name.startsWith('kompas-collector-'));
    expect(hostnames).toHaveLength(collectors.length);
    const reached = hostnames.map((host) => {
      const port = host.split(':')[1];
      const [pipelineName] = Object.entries(otel.service.pipelines as Record<string, { receivers: string[] }>).find(
        ([, p]) => p.receivers.some((r) => String(otel.receivers[r].protocols.grpc?.endpoint).endsWith(`:${port}`))
      )!;
      const exporter = otel.exporters[otel.service.pipelines[pipelineName].exporters[0]];
      return new URL(exporter.endpoint).hostname;
    });
    expect(reached.sort()).toEqual(collectors.sort());
  });
});
