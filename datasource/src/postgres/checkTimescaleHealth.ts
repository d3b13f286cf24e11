import { firstValueFrom } from 'rxjs';

import { toUserMessage } from '../errors';
import { HealthResult } from '../jaeger/checkJaegerHealth';
import { POSTGRES_TYPE, PostDsQuery, readDsQueryFrames } from './dsQuery';

/** Timescale mode works when the chosen PostgreSQL datasource answers and holds the Kompas tables. */
export async function checkTimescaleHealth(postDsQuery: PostDsQuery, uid: string | undefined): Promise<HealthResult> {
  if (!uid) {
    return {
      status: 'error',
      message: 'Timescale mode: choose the PostgreSQL datasource that holds the Kompas tables',
    };
  }
  try {
    const answer = await firstValueFrom(
      postDsQuery({
        queries: [
          {
            refId: 'health',
            datasource: { uid, type: POSTGRES_TYPE },
            rawSql: 'SELECT count(*) AS edges FROM kompas.edges',
            format: 'table',
          },
        ],
        from: String(Date.now() - 60_000),
        to: String(Date.now()),
      })
    );
    const values = readDsQueryFrames(answer, 'health')[0]?.data?.values?.[0] ?? [];
    return {
      status: 'success',
      message: `Timescale mode: Kompas tables found (${Number(values[0] ?? 0)} edges known)`,
    };
  } catch (error) {
    return { status: 'error', message: toUserMessage(error) };
  }
}
