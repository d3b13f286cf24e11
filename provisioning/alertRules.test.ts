/**
 * @jest-environment node
 *
 * The provisioned alert rules' SQL on real PostgreSQL, against edge tables the Kompas collector wrote from
 * the demo shop's spans (sent over OTLP/HTTP), evaluated like Grafana's ruler: nothing fires for normal
 * traffic; the payments-db-locking incident fires the error-rate and p95 rules on the payments path; a
 * traffic collapse fires the traffic-drop rule. The dashboard's SQL panels run on the same data.
 */
import { Pool } from 'pg';
import { migrate } from '../collector/src/db/migrate';
import { startCollector } from '../collector/src/service';
import { testCollectorConfig } from '../collector/src/testing/collectorHarness';
import { expandPostgresMacros } from '../sandbox/server/postgresMacros';
import { setupTestPostgres } from '../testkit/jest';
import { evaluateRule, firingEdges, type AlertInstance } from './testing/evaluateRule';
import { alertRule, loadDashboards } from './testing/provisioningFiles';
import { sendShopTraffic } from './testing/shopTraffic';

const handle = setupTestPostgres();
jest.setTimeout(300_000);

const MINUTE = 60_000;
const START = Date.UTC(2026, 10, 23, 9, 0, 0);
/** End of an hour of normal traffic (55 min quiet, then 5 min twelve times busier). */
const NORMAL_END = START + 60 * MINUTE;
/** End of 5 minutes with payments-db-locking on. */
const INCIDENT_END = NORMAL_END + 5 * MINUTE;
/** End of 5 minutes back at the quiet rate: a third of the last hour's average. */
const DROP_END = INCIDENT_END + 5 * MINUTE;
/** End of 5 minutes of Kafka consumers falling behind (normal rate). */
const LAG_END = DROP_END + 5 * MINUTE;
/** Evaluating just before a phase ends keeps the next phase's first 10 s bucket out of the range. */
const at = (endMs: number): number => endMs - 1;

const PAYMENT_PATH = ['api-gateway->checkout', 'checkout->orders', 'orders->payments'];

describe('provisioned alert rules on collector-written data', () => {
  let pool: Pool;

  beforeAll(async () => {
    const url = await handle.pg.createDatabase();
    pool = new Pool({ connectionString: url, max: 2 });
    await migrate(pool);
    const collector = await startCollector(testCollectorConfig(url, { flushIntervalMs: 200 }), {
      processMetrics: false,
      log: () => undefined,
    });
    try {
      await sendShopTraffic(
        collector.url,
        [
          { fromMs: START, toMs: NORMAL_END - 5 * MINUTE, ratePerSecond: 0.5, incidents: [] },
          { fromMs: NORMAL_END - 5 * MINUTE, toMs: NORMAL_END, ratePerSecond: 6, incidents: [] },
          { fromMs: NORMAL_END, toMs: INCIDENT_END, ratePerSecond: 6, incidents: ['payments-db-locking'] },
          { fromMs: INCIDENT_END, toMs: DROP_END, ratePerSecond: 0.5, incidents: [] },
          { fromMs: DROP_END, toMs: LAG_END, ratePerSecond: 2, incidents: ['kafka-consumer-lag'] },
        ],
        21
      );
    } finally {
      await collector.stop();
    }
  }, 300_000);

  afterAll(async () => {
    await pool?.end();
  });

  function maxValue(instances: AlertInstance[]): number {
    return Math.max(...instances.map((i) => i.value));
  }

  describe('edge error rate rule', () => {
    const rule = alertRule('kompas-edge-error-rate');

    it('stays quiet for normal traffic', async () => {
      const instances = await evaluateRule(pool, rule, at(NORMAL_END));
      expect(instances.length).toBeGreaterThan(30);
      expect(firingEdges(instances)).toEqual([]);
      expect(maxValue(instances)).toBeLessThan(4);
    });

    it('fires for the payments path during payments-db-locking, labelled with client and server', async () => {
      const instances = await evaluateRule(pool, rule, at(INCIDENT_END));
      const firing = firingEdges(instances);
      expect(firing).toEqual(expect.arrayContaining(PAYMENT_PATH));
      // Only edges on the way to payments fail more; unrelated ones stay below the threshold.
      expect(firing.every((edge) => /checkout|orders|payments|api-gateway|frontend|bff/.test(edge))).toBe(true);
      const payments = instances.find((i) => i.labels.client === 'orders' && i.labels.server === 'payments');
      expect(payments).toMatchObject({ labels: { client: 'orders', server: 'payments' }, firing: true });
    });
  });

  describe('edge p95 latency rule', () => {
    const rule = alertRule('kompas-edge-p95-latency');

    it('stays quiet for normal traffic, with a margin', async () => {
      const instances = await evaluateRule(pool, rule, at(NORMAL_END));
      expect(instances.length).toBeGreaterThan(30);
      expect(firingEdges(instances)).toEqual([]);
      expect(maxValue(instances)).toBeLessThan(700);
    });

    it('fires for orders -> payments and the calls waiting on it during payments-db-locking', async () => {
      const instances = await evaluateRule(pool, rule, at(INCIDENT_END));
      expect(firingEdges(instances)).toEqual(expect.arrayContaining(PAYMENT_PATH));
      const paymentsDb = instances.find((i) => i.labels.client === 'payments' && i.labels.server === 'payments-db');
      const before = (await evaluateRule(pool, rule, at(NORMAL_END))).find(
        (i) => i.labels.client === 'payments' && i.labels.server === 'payments-db'
      );
      // The database edge itself is 20x slower (below the absolute threshold, but plainly visible on the map).
      expect(paymentsDb!.value / before!.value).toBeGreaterThan(10);
    });

    it('recovers after the incident (no traffic-drop or latency noise from the quiet phase)', async () => {
      expect(firingEdges(await evaluateRule(pool, rule, at(DROP_END)))).toEqual([]);
      expect(firingEdges(await evaluateRule(pool, alertRule('kompas-edge-error-rate'), at(DROP_END)))).toEqual([]);
    });
  });

  describe('consumer lag rule', () => {
    const rule = alertRule('kompas-consumer-lag');

    it('stays quiet for normal traffic, far below the threshold', async () => {
      const instances = await evaluateRule(pool, rule, at(NORMAL_END));
      expect(instances.length).toBeGreaterThan(0);
      expect(firingEdges(instances)).toEqual([]);
      expect(maxValue(instances)).toBeLessThan(2_000);
    });

    it('fires for the Kafka edges while consumers fall behind, and only for messaging edges', async () => {
      const instances = await evaluateRule(pool, rule, at(LAG_END));
      expect(firingEdges(instances).length).toBeGreaterThan(0);
      expect(maxValue(instances)).toBeGreaterThan(30_000);
      const { rows } = await pool.query<{ id: string }>(
        "SELECT client_service || '->' || server_service AS id FROM kompas.edges WHERE connection_type = 'messaging_system'"
      );
      expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(firingEdges(instances)));
    });
  });

  describe('edge traffic drop rule', () => {
    const rule = alertRule('kompas-edge-traffic-drop');

    it('stays quiet while traffic is normal or busier than usual', async () => {
      expect(firingEdges(await evaluateRule(pool, rule, at(NORMAL_END)))).toEqual([]);
      expect(firingEdges(await evaluateRule(pool, rule, at(INCIDENT_END)))).toEqual([]);
    });

    it('fires for the busy edges when the shop gets a fraction of its usual traffic', async () => {
      const instances = await evaluateRule(pool, rule, at(DROP_END));
      const firing = firingEdges(instances);
      expect(firing).toEqual(expect.arrayContaining(['user->web-frontend', 'web-frontend->api-gateway']));
      expect(firing.length).toBeGreaterThan(instances.length / 2);
    });
  });

  /** Grafana's SQL interpolation: multi/all values quoted and joined, a custom all value raw, text escaped. */
  function interpolateDashboardSql(sql: string, values: { service: string[]; focus: string }): string {
    const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;
    return sql
      .replace(/\$service\b/g, values.service.map(quote).join(','))
      .replace(/\$group\b/g, "'__all'")
      .replace(/\$focus\b/g, values.focus.replace(/'/g, "''"));
  }

  describe('Shop dataflow dashboard SQL', () => {
    const dashboard = loadDashboards().find((d) => d.dashboard.uid === 'kompas-shop-dataflow')!.dashboard;
    const range = { fromMs: INCIDENT_END - 10 * MINUTE, toMs: INCIDENT_END, intervalMs: MINUTE };

    it('has variable queries that list the services and groups the collector stored', async () => {
      const [service, group] = ['service', 'group'].map((name) =>
        dashboard.templating.list.find((v) => v.name === name)!
      );
      const services = (await pool.query(service.query!)).rows.map((r) => Object.values(r)[0]);
      expect(services).toEqual(expect.arrayContaining(['payments', 'payments-db', 'orders', 'api-gateway']));
      const groups = (await pool.query(group.query!)).rows.map((r) => Object.values(r)[0]);
      expect(groups.length).toBeGreaterThan(2);
    });

    it('runs every SQL panel; focused on payments, the edge table shows the incident on orders -> payments', async () => {
      const services = (await pool.query('SELECT service FROM kompas.nodes')).rows.map((r) => r.service as string);
      const sqlPanels = dashboard.panels.filter((p) => p.datasource?.uid === 'kompas-postgres');
      expect(sqlPanels.length).toBeGreaterThanOrEqual(4);
      for (const panel of sqlPanels) {
        const rawSql = String(panel.targets![0].rawSql);
        const sql = expandPostgresMacros(
          interpolateDashboardSql(rawSql, { service: services, focus: 'payments' }),
          range
        );
        const { rows } = await pool.query(sql);
        expect({ panel: panel.title, hasRows: rows.length > 0 }).toEqual({ panel: panel.title, hasRows: true });
      }
      const table = sqlPanels.find((p) => p.type === 'table')!;
      const sql = expandPostgresMacros(
        interpolateDashboardSql(String(table.targets![0].rawSql), { service: services, focus: 'payments' }),
        range
      );
      const { rows } = await pool.query(sql);
      expect(rows.every((r) => r.Client === 'payments' || r.Server === 'payments')).toBe(true);
      const edge = rows.find((r) => r.Client === 'orders' && r.Server === 'payments');
      expect(Number(edge['Error %'])).toBeGreaterThan(5);
      expect(Number(edge['p95 ms'])).toBeGreaterThan(400);
    });

    it('escapes a hostile focus value instead of running it', async () => {
      const table = dashboard.panels.find((p) => p.type === 'table' && p.datasource?.uid === 'kompas-postgres')!;
      const hostile = "x' OR 1=1; DROP TABLE kompas.edges; --";
      const sql = expandPostgresMacros(
        interpolateDashboardSql(String(table.targets![0].rawSql), { service: ['payments'], focus: hostile }),
        range
      );
      const { rows } = await pool.query(sql);
      expect(rows).toEqual([]);
      expect((await pool.query('SELECT count(*)::int AS n FROM kompas.edges')).rows[0].n).toBeGreaterThan(30);
    });
  });
});
