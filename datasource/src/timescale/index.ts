/**
 * Timescale mode, pure part: SQL for Grafana's PostgreSQL datasource and the mapping of its result to a Graph.
 * Typical use: `const plan = planEdgeSql(query, { fromMs, toMs })`, run `plan.sql` (format: table), then
 * `rowsToGraph(frameOrRows, { fromMs: plan.coveredFromMs, toMs: plan.coveredToMs })`.
 */
export { buildEdgeSql, chooseResolution, CONNECTION_TYPES, coverRange, planEdgeSql, RESOLUTION_TABLES } from './edgeSql';
export type { EdgeResolution, EdgeSqlOptions, EdgeSqlPlan, EdgeSqlQuery, EdgeSqlRange, EdgeSqlSegment } from './edgeSql';
export { EDGE_COLUMNS, rowsToGraph, TimescaleResultError } from './rowsToGraph';
export type { EdgeRowsInput, FrameLike, RowsRange } from './rowsToGraph';
export { quoteText, SqlValueError } from './sqlLiteral';
