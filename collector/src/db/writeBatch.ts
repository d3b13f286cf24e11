/**
 * Writes one flush in one transaction: the edge dictionary, the 10 s / 1 min / 1 h / 6 h bucket upserts (counts
 * added, latency and consumer-lag sketches merged, the slower exemplar kept), node metadata, and this collector's checkpoint. The checkpoint row is locked and
 * compared first: a batch whose range (fromSeq, toSeq] is already committed is rolled back untouched, so a
 * retry after a lost COMMIT acknowledgement never double-counts.
 */
import type { Pool, PoolClient } from 'pg';
import { RESOLUTIONS, rollUpRows, type BucketRow, type NodeRow, type ResolutionName } from '../pipeline/bucketAccumulator';
import { SKETCH_SCALE, toSketchArrays } from './sketchArrays';

export interface WriteBatch {
  collectorId: string;
  spoolId: string;
  /** The checkpoint this batch continues from (0 for a new spool). */
  fromSeq: number;
  /** The checkpoint after this batch: every spool record up to here is accounted for. */
  toSeq: number;
  rows: BucketRow[];
  nodes: NodeRow[];
}

export type WriteOutcome = 'written' | 'already-applied';

/** The database's checkpoint belongs to another history (e.g. two collectors sharing one id). */
export class CheckpointConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointConflictError';
  }
}

/** Highest spool seq the database holds for this collector and spool (0 if none). */
export async function readCheckpoint(pool: Pool, collectorId: string, spoolId: string): Promise<number> {
  const { rows } = await pool.query<{ spool_id: string; consumed_seq: string }>(
    'SELECT spool_id, consumed_seq FROM kompas.collector_checkpoints WHERE collector_id = $1',
    [collectorId]
  );
  return rows.length > 0 && rows[0].spool_id === spoolId ? Number(rows[0].consumed_seq) : 0;
}

const UPSERT_BUCKETS = (table: string): string => `
  INSERT INTO kompas.edge_buckets_${table} AS cur (bucket, edge_id, requests, failed, latency_sum_ms, latency_idx, latency_cnt,
                                                   exemplar_trace_id, exemplar_latency_ms, lag_idx, lag_cnt)
  SELECT to_timestamp(x.b / 1000.0), e.edge_id, x.r, x.f, x.l, x.i, x.n, x.x, x.xl, x.li, x.ln
  FROM json_to_recordset($1::json) AS x(b double precision, c text, s text, t text, r bigint, f bigint,
                                        l double precision, i integer[], n bigint[], x text, xl double precision,
                                        li integer[], ln bigint[])
  JOIN kompas.edges e ON e.client_service = x.c AND e.server_service = x.s AND e.connection_type = x.t
  ORDER BY 1, 2
  ON CONFLICT (bucket, edge_id) DO UPDATE SET
    requests = cur.requests + excluded.requests,
    failed = cur.failed + excluded.failed,
    latency_sum_ms = cur.latency_sum_ms + excluded.latency_sum_ms,
    (latency_idx, latency_cnt) = (SELECT m.idx, m.cnt FROM kompas.sketch_add(cur.latency_idx, cur.latency_cnt,
                                                                           excluded.latency_idx, excluded.latency_cnt) AS m),
    (exemplar_trace_id, exemplar_latency_ms) =
      (SELECT CASE WHEN w THEN excluded.exemplar_trace_id ELSE cur.exemplar_trace_id END,
              CASE WHEN w THEN excluded.exemplar_latency_ms ELSE cur.exemplar_latency_ms END
       FROM kompas.exemplar_wins(excluded.exemplar_latency_ms, excluded.exemplar_trace_id,
                                 cur.exemplar_latency_ms, cur.exemplar_trace_id) AS w),
    (lag_idx, lag_cnt) = (SELECT m.idx, m.cnt FROM kompas.sketch_add_optional(cur.lag_idx, cur.lag_cnt,
                                                                              excluded.lag_idx, excluded.lag_cnt) AS m)`;

const INSERT_EDGES = `
  INSERT INTO kompas.edges (client_service, server_service, connection_type)
  SELECT DISTINCT x.c, x.s, x.t FROM json_to_recordset($1::json) AS x(c text, s text, t text)
  ORDER BY 1, 2, 3
  ON CONFLICT DO NOTHING`;

/** Kinds only get more specific: a name once seen as a real service stays one. */
const UPSERT_NODES = `
  INSERT INTO kompas.nodes AS cur (service, kind, group_name, first_seen, last_seen)
  SELECT x.s, x.k, x.g, to_timestamp(x.a / 1000.0), to_timestamp(x.z / 1000.0)
  FROM json_to_recordset($1::json) AS x(s text, k text, g text, a double precision, z double precision)
  ORDER BY 1
  ON CONFLICT (service) DO UPDATE SET
    kind = CASE WHEN array_position(ARRAY['virtual', 'messaging', 'database', 'service'], excluded.kind)
                   > coalesce(array_position(ARRAY['virtual', 'messaging', 'database', 'service'], cur.kind), 0)
                THEN excluded.kind ELSE cur.kind END,
    group_name = coalesce(excluded.group_name, cur.group_name),
    first_seen = least(cur.first_seen, excluded.first_seen),
    last_seen = greatest(cur.last_seen, excluded.last_seen)`;

function rowsJson(rows: BucketRow[], resolution: ResolutionName): string {
  const scale = SKETCH_SCALE[resolution];
  return JSON.stringify(
    rows.map((row) => {
      const { idx, cnt } = toSketchArrays(row.latency, scale);
      const lag = row.lag ? toSketchArrays(row.lag, scale) : undefined;
      return {
        b: row.bucketMs,
        c: row.clientService,
        s: row.serverService,
        t: row.connectionType,
        r: row.requests,
        f: row.failed,
        l: row.latencySumMs,
        i: idx,
        n: cnt,
        x: row.exemplar?.traceId ?? null,
        xl: row.exemplar?.latencyMs ?? null,
        li: lag?.idx ?? null,
        ln: lag?.cnt ?? null,
      };
    })
  );
}

/** Locks this collector's checkpoint row; says whether the batch should be applied. */
async function checkCheckpoint(client: PoolClient, batch: WriteBatch): Promise<boolean> {
  const { rows } = await client.query<{ spool_id: string; consumed_seq: string }>(
    'SELECT spool_id, consumed_seq FROM kompas.collector_checkpoints WHERE collector_id = $1 FOR UPDATE',
    [batch.collectorId]
  );
  if (rows.length === 0) {
    await client.query(
      'INSERT INTO kompas.collector_checkpoints (collector_id, spool_id, consumed_seq) VALUES ($1, $2, 0)',
      [batch.collectorId, batch.spoolId]
    );
    return true;
  }
  const stored = Number(rows[0].consumed_seq);
  if (rows[0].spool_id !== batch.spoolId) {
    if (batch.fromSeq === 0) {
      return true; // A fresh spool directory takes over this collector id.
    }
    throw new CheckpointConflictError(
      `checkpoint of collector "${batch.collectorId}" belongs to spool ${rows[0].spool_id}, not ${batch.spoolId}: ` +
        'is KOMPAS_COLLECTOR_ID shared by two collectors?'
    );
  }
  if (stored >= batch.toSeq) {
    return false;
  }
  if (stored !== batch.fromSeq) {
    throw new CheckpointConflictError(
      `checkpoint of collector "${batch.collectorId}" is at ${stored}, expected ${batch.fromSeq}: ` +
        'is KOMPAS_COLLECTOR_ID shared by two collectors?'
    );
  }
  return true;
}

export async function writeBatch(pool: Pool, batch: WriteBatch): Promise<WriteOutcome> {
  const client = await pool.connect();
  let broken = false;
  // The server can end a checked-out connection (restart); the failing query reports it, so the event is noted only.
  const onError = (): void => {
    broken = true;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    if (!(await checkCheckpoint(client, batch))) {
      await client.query('ROLLBACK');
      return 'already-applied';
    }
    if (batch.rows.length > 0) {
      const fine = rowsJson(batch.rows, '10s');
      await client.query(INSERT_EDGES, [fine]);
      for (const resolution of RESOLUTIONS) {
        const json = resolution.name === '10s' ? fine : rowsJson(rollUpRows(batch.rows, resolution.ms), resolution.name);
        await client.query(UPSERT_BUCKETS(resolution.name), [json]);
      }
    }
    if (batch.nodes.length > 0) {
      const nodes = batch.nodes.map((n) => ({ s: n.service, k: n.kind, g: n.group ?? null, a: n.firstSeenMs, z: n.lastSeenMs }));
      await client.query(UPSERT_NODES, [JSON.stringify(nodes)]);
    }
    await client.query(
      'UPDATE kompas.collector_checkpoints SET spool_id = $2, consumed_seq = $3, updated_at = now() WHERE collector_id = $1',
      [batch.collectorId, batch.spoolId, batch.toSeq]
    );
    await client.query('COMMIT');
    return 'written';
  } catch (err) {
    broken = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.removeListener('error', onError);
    // A connection that failed mid-transaction is discarded rather than reused.
    client.release(broken);
  }
}
