/** A small web-shop graph shared by the frames tests. */
import { addObservation, createEdgeWindow } from '../aggregate/edgeWindow';
import { observation } from '../aggregate/testObservations';
import { windowToGraph } from '../aggregate/windowToGraph';
import type { EdgeObservation, Graph } from '../types';

export function shopGraph(): Graph {
  const observations: EdgeObservation[] = [
    observation({ clientService: 'user', serverService: 'frontend', connectionType: 'virtual_node', latencyMs: 120 }),
    observation({ clientService: 'frontend', serverService: 'orders', latencyMs: 60, traceId: 'abc123' }),
    observation({ clientService: 'frontend', serverService: 'orders', latencyMs: 30, failed: true }),
    observation({ clientService: 'orders', serverService: 'postgres', connectionType: 'database', latencyMs: 5 }),
    observation({
      clientService: 'orders',
      serverService: 'shipping',
      connectionType: 'messaging_system',
      latencyMs: 2,
      messagingLagMs: 40,
    }),
  ];
  const window = createEdgeWindow();
  observations.forEach((obs) => addObservation(window, obs));
  return windowToGraph(window, { startMs: 0, endMs: 2_000, groups: { orders: 'checkout' } });
}
