import { Pool, types } from 'pg';
import { StoredDataSource } from './datasourceStore';
import { expandPostgresMacros } from './postgresMacros';

/** Grafana returns int8 and numeric as numbers, not strings. */
types.setTypeParser(20, (v) => Number(v));
types.setTypeParser(1700, (v) => Number(v));

export interface DsQueryRequest {
  from?: string;
  to?: string;
  queries?: Array<{
    refId?: string;
    datasource?: { uid?: string; type?: string };
    rawSql?: string;
    format?: string;
    intervalMs?: number;
  }>;
}

type FieldType = 'time' | 'number' | 'string' | 'boolean' | 'other';

const TIME_OIDS = new Set([1082, 1114, 1184]);
const NUMBER_OIDS = new Set([20, 21, 23, 26, 700, 701, 1700]);
const STRING_OIDS = new Set([18, 19, 25, 1042, 1043, 2950]);
const JSON_OIDS = new Set([114, 3802]);

function fieldTypeForOid(oid: number): FieldType {
  if (TIME_OIDS.has(oid)) {
    return 'time';
  }
  if (NUMBER_OIDS.has(oid)) {
    return 'number';
  }
  if (oid === 16) {
    return 'boolean';
  }
  if (JSON_OIDS.has(oid)) {
    return 'other';
  }
  return STRING_OIDS.has(oid) ? 'string' : 'string';
}

function toFieldValue(value: unknown, type: FieldType): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (type === 'time') {
    return value instanceof Date ? value.getTime() : Date.parse(String(value));
  }
  if (type === 'string' && typeof value !== 'string') {
    // Unknown PostgreSQL types (arrays, intervals, ...) reach the browser as text, as in Grafana.
    return Array.isArray(value) ? `{${value.join(',')}}` : String(value);
  }
  return value;
}

/** Runs /api/ds/query targets against the PostgreSQL datasource's database, answering in Grafana's shape. */
export class PostgresQueryRunner {
  private readonly pools = new Map<string, Pool>();

  private poolFor(ds: StoredDataSource): Pool {
    let pool = this.pools.get(ds.uid);
    if (!pool) {
      const [host, port] = ds.url.replace(/^postgres(ql)?:\/\//, '').split(':');
      pool = new Pool({
        host,
        port: Number(port || 5432),
        database: String(ds.jsonData.database ?? ds.database),
        user: ds.user,
        password: ds.secureJsonData.password,
        max: 4,
        statement_timeout: 30_000,
      });
      pool.on('error', () => undefined);
      this.pools.set(ds.uid, pool);
    }
    return pool;
  }

  async run(ds: StoredDataSource, body: DsQueryRequest): Promise<{ status: number; body: unknown }> {
    const fromMs = Number(body.from);
    const toMs = Number(body.to);
    const results: Record<string, unknown> = {};
    let status = 200;
    for (const query of body.queries ?? []) {
      const refId = query.refId ?? 'A';
      try {
        if (!query.rawSql) {
          throw new Error('no SQL query given');
        }
        const sql = expandPostgresMacros(query.rawSql, { fromMs, toMs, intervalMs: query.intervalMs ?? 60_000 });
        const result = await this.poolFor(ds).query({ text: sql, rowMode: 'array' });
        const fields = result.fields.map((f) => ({ name: f.name, type: fieldTypeForOid(f.dataTypeID) }));
        const values = fields.map((field, col) => result.rows.map((row: unknown[]) => toFieldValue(row[col], field.type)));
        results[refId] = {
          status: 200,
          frames: [
            {
              schema: {
                refId,
                meta: { typeVersion: [0, 0], executedQueryString: sql },
                fields: fields.map((f) => ({ name: f.name, type: f.type })),
              },
              data: { values },
            },
          ],
        };
      } catch (err) {
        // Grafana answers 400 when any query fails, with the database's message per refId.
        status = 400;
        results[refId] = { status: 400, error: err instanceof Error ? err.message : String(err), errorSource: 'downstream' };
      }
    }
    return { status, body: { results } };
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.end()));
    this.pools.clear();
  }
}
