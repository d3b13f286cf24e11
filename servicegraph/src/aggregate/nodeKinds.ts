/**
 * Node kinds from the edges alone. Observations do not say which end of a `virtual_node` edge is the
 * virtual one, so it is inferred from the servicegraph rules: `user` is the virtual client of root SERVER
 * spans; otherwise the end that shows up nowhere else (no spans of its own) is the virtual one, and when
 * neither does, the server is (an unpaired CLIENT span naming its peer is the common case).
 */
import { USER_CLIENT } from '../derive/virtualNodes';
import type { EdgeKey, NodeKind } from '../types';
import { ownValue } from './ownValue';

/** Names of message brokers (at a word start): a virtual node with such a name is drawn as messaging. */
const MESSAGING_NAME =
  /(?:^|[^a-z])(?:kafka|rabbit|amqp|nats|pulsar|sqs|sns|pubsub|activemq|artemis|kinesis|eventhub|servicebus|mqtt|jms|rocketmq)/i;

export function inferNodeKinds(edges: EdgeKey[], overrides: Record<string, NodeKind> = {}): Map<string, NodeKind> {
  const real = new Set<string>();
  const databases = new Set<string>();
  for (const edge of edges) {
    if (edge.connectionType === 'database') {
      real.add(edge.clientService);
      databases.add(edge.serverService);
    } else if (edge.connectionType !== 'virtual_node') {
      real.add(edge.clientService);
      real.add(edge.serverService);
    } else if (edge.clientService === USER_CLIENT) {
      real.add(edge.serverService);
    }
  }
  // Virtual edges between two ends without other evidence: the client is the service that made the call.
  const callers = new Set<string>();
  for (const edge of edges) {
    const { clientService: client, serverService: server } = edge;
    if (edge.connectionType === 'virtual_node' && client !== USER_CLIENT && !(real.has(server) && !real.has(client))) {
      callers.add(client);
    }
  }

  const kinds = new Map<string, NodeKind>();
  const kindOf = (name: string): NodeKind => {
    const override = ownValue(overrides, name);
    if (override !== undefined) {
      return override;
    }
    if (real.has(name) || callers.has(name)) {
      return 'service';
    }
    if (databases.has(name)) {
      return 'database';
    }
    return MESSAGING_NAME.test(name) ? 'messaging' : 'virtual';
  };
  for (const edge of edges) {
    kinds.set(edge.clientService, kindOf(edge.clientService));
    kinds.set(edge.serverService, kindOf(edge.serverService));
  }
  return kinds;
}
