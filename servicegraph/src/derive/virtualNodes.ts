/**
 * Virtual nodes (design.md, after the OpenTelemetry servicegraph connector and Tempo): the peer that sent
 * no spans of its own. A root SERVER span is called by `user`; a root CONSUMER span naming its producer
 * with peer.service gets that virtual producer; an unpaired CLIENT (or PRODUCER) span naming its peer with
 * peer.service gets a virtual server. An unpaired CLIENT with database attributes becomes a database edge.
 */
import type { EdgeObservation, Span } from '../types';
import { databaseNodeName, isDatabaseSpan } from './databaseName';

/** The virtual client of root SERVER spans. */
export const USER_CLIENT = 'user';

export interface UnpairedOptions {
  /**
   * Server name for an unpaired CLIENT span with nothing naming its peer. Undefined (the design.md and
   * Tempo rule) gives no edge; the collector-contrib connector uses 'unknown'.
   */
  unnamedPeer?: string;
}

/** Edge for a span that has no parent: root SERVER → from `user`; root CONSUMER with peer.service. */
export function rootSpanObservation(span: Span): EdgeObservation | undefined {
  if (span.kind === 'server') {
    return serverSideObservation(USER_CLIENT, span);
  }
  if (span.kind === 'consumer') {
    const peer = peerService(span);
    return peer === undefined ? undefined : serverSideObservation(peer, span);
  }
  return undefined;
}

/** Edge for a CLIENT/PRODUCER span that no SERVER/CONSUMER span answered. */
export function unpairedClientObservation(span: Span, options: UnpairedOptions): EdgeObservation | undefined {
  if (span.kind === 'client' && isDatabaseSpan(span)) {
    const name = databaseNodeName(span);
    if (name !== undefined) {
      return clientSideObservation(span, name, 'database');
    }
  }
  if (span.kind !== 'client' && span.kind !== 'producer') {
    return undefined;
  }
  const peer = peerService(span) ?? options.unnamedPeer;
  return peer === undefined ? undefined : clientSideObservation(span, peer, 'virtual_node');
}

function peerService(span: Span): string | undefined {
  const peer = span.attributes['peer.service'];
  return peer === undefined || peer === '' ? undefined : String(peer);
}

function serverSideObservation(clientService: string, server: Span): EdgeObservation {
  return {
    clientService,
    serverService: server.service,
    connectionType: 'virtual_node',
    traceId: server.traceId,
    timeMs: server.startMs,
    latencyMs: server.durationMs,
    failed: server.error,
  };
}

function clientSideObservation(
  client: Span,
  serverService: string,
  connectionType: 'database' | 'virtual_node'
): EdgeObservation {
  return {
    clientService: client.service,
    serverService,
    connectionType,
    traceId: client.traceId,
    timeMs: client.startMs,
    // No server span: the client's view of the call is the only latency there is.
    latencyMs: client.durationMs,
    failed: client.error,
    clientLatencyMs: client.durationMs,
  };
}
