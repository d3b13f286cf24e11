/**
 * The SQL macros of Grafana's PostgreSQL datasource that Kompas queries use, expanded the way Grafana's
 * server expands them before the query reaches PostgreSQL.
 */
export interface MacroRange {
  fromMs: number;
  toMs: number;
  intervalMs: number;
}

function isoLiteral(ms: number): string {
  return `'${new Date(ms).toISOString()}'`;
}

function parseIntervalSeconds(text: string, fallbackMs: number): number {
  const match = /^'?(\d+(?:\.\d+)?)(ms|s|m|h|d)?'?$/.exec(text.trim());
  if (!match) {
    throw new Error(`invalid interval "${text}" in $__timeGroup`);
  }
  const value = Number(match[1]);
  const unit = match[2] ?? 's';
  const factor: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
  const seconds = value * factor[unit];
  return seconds > 0 ? seconds : fallbackMs / 1000;
}

export function expandPostgresMacros(sql: string, range: MacroRange): string {
  return sql.replace(/\$__(\w+)\(([^)]*)\)/g, (whole, name: string, rawArgs: string) => {
    const args = rawArgs.split(',').map((a) => a.trim()).filter((a) => a !== '');
    switch (name) {
      case 'timeFilter':
        return `${args[0]} BETWEEN ${isoLiteral(range.fromMs)} AND ${isoLiteral(range.toMs)}`;
      case 'timeFrom':
        return isoLiteral(range.fromMs);
      case 'timeTo':
        return isoLiteral(range.toMs);
      case 'unixEpochFrom':
        return String(Math.floor(range.fromMs / 1000));
      case 'unixEpochTo':
        return String(Math.floor(range.toMs / 1000));
      case 'unixEpochFilter':
        return `${args[0]} >= ${Math.floor(range.fromMs / 1000)} AND ${args[0]} <= ${Math.floor(range.toMs / 1000)}`;
      case 'timeGroup':
      case 'timeGroupAlias': {
        const seconds = parseIntervalSeconds(args[1] ?? '', range.intervalMs);
        const expr = `floor(extract(epoch from ${args[0]})/${seconds})*${seconds}`;
        return name === 'timeGroupAlias' ? `${expr} AS "time"` : expr;
      }
      default:
        throw new Error(`unknown macro $__${name}: ${whole}`);
    }
  });
}
