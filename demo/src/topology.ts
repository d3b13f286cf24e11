/**
 * The shop's static topology: services grouped by domain (resource attribute service.namespace),
 * the data stores they talk to, the external providers and the Kafka topics.
 */
import type { NodeKind } from '../../servicegraph/src/types';

export type ServiceLanguage = 'go' | 'java' | 'nodejs' | 'python' | 'dotnet';

export interface ServiceInfo {
  name: string;
  namespace: string;
  language: ServiceLanguage;
  version: string;
}

export interface DatastoreInfo {
  /** Node name in the graph: the span's server.address. */
  name: string;
  /** db.system value. */
  system: 'postgresql' | 'redis' | 'elasticsearch';
  /** db.namespace value (database name or index). */
  namespace: string;
  port: number;
}

export interface ExternalInfo {
  /** peer.service value, which names the virtual node. */
  name: string;
  address: string;
}

const SERVICE_ROWS: Array<[string, string, ServiceLanguage]> = [
  ['web-frontend', 'storefront', 'nodejs'],
  ['mobile-bff', 'storefront', 'nodejs'],
  ['api-gateway', 'storefront', 'go'],
  ['catalog', 'storefront', 'java'],
  ['search', 'storefront', 'java'],
  ['recommendations', 'storefront', 'python'],
  ['reviews', 'storefront', 'nodejs'],
  ['media', 'storefront', 'go'],
  ['ads', 'storefront', 'python'],
  ['analytics', 'storefront', 'go'],
  ['auth', 'customer', 'go'],
  ['customers', 'customer', 'java'],
  ['session', 'customer', 'go'],
  ['loyalty', 'customer', 'java'],
  ['wishlist', 'customer', 'nodejs'],
  ['preferences', 'customer', 'nodejs'],
  ['cart', 'checkout', 'dotnet'],
  ['checkout', 'checkout', 'java'],
  ['pricing', 'checkout', 'go'],
  ['promotions', 'checkout', 'java'],
  ['tax', 'checkout', 'java'],
  ['currency', 'checkout', 'python'],
  ['orders', 'checkout', 'java'],
  ['payments', 'checkout', 'java'],
  ['fraud', 'checkout', 'python'],
  ['invoicing', 'checkout', 'java'],
  ['inventory', 'fulfilment', 'go'],
  ['warehouse', 'fulfilment', 'java'],
  ['shipping', 'fulfilment', 'go'],
  ['shipping-rates', 'fulfilment', 'go'],
  ['tracking', 'fulfilment', 'nodejs'],
  ['returns', 'fulfilment', 'java'],
  ['address-validation', 'fulfilment', 'python'],
  ['notifications', 'engagement', 'go'],
  ['email', 'engagement', 'nodejs'],
  ['sms', 'engagement', 'nodejs'],
  ['push', 'engagement', 'go'],
  ['feature-flags', 'platform', 'go'],
  ['rate-limiter', 'platform', 'go'],
  ['audit-log', 'platform', 'go'],
  ['geo-ip', 'platform', 'go'],
];

export const SERVICES: readonly ServiceInfo[] = SERVICE_ROWS.map(([name, namespace, language], index) => ({
  name,
  namespace,
  language,
  version: `1.${(index * 7) % 13}.${(index * 3) % 5}`,
}));

export const DATASTORES: readonly DatastoreInfo[] = [
  { name: 'orders-db', system: 'postgresql', namespace: 'orders', port: 5432 },
  { name: 'payments-db', system: 'postgresql', namespace: 'payments', port: 5432 },
  { name: 'inventory-db', system: 'postgresql', namespace: 'inventory', port: 5432 },
  { name: 'customers-db', system: 'postgresql', namespace: 'customers', port: 5432 },
  { name: 'catalog-db', system: 'postgresql', namespace: 'catalog', port: 5432 },
  { name: 'redis-cache', system: 'redis', namespace: '0', port: 6379 },
  { name: 'search-index', system: 'elasticsearch', namespace: 'products', port: 9200 },
];

export const EXTERNALS: readonly ExternalInfo[] = [
  { name: 'stripe', address: 'api.stripe.com' },
  { name: 'sendgrid', address: 'api.sendgrid.com' },
  { name: 'twilio', address: 'api.twilio.com' },
  { name: 'firebase-messaging', address: 'fcm.googleapis.com' },
];

/** Kafka topics (messaging.destination.name) that connect producers to consumer groups. */
export const TOPICS: readonly string[] = ['order-events', 'clickstream'];

/** Every graph node the shop can produce, with its kind and group, for legends and grouping. */
export interface ShopNode {
  id: string;
  kind: NodeKind;
  group: string;
}

export function listShopNodes(): ShopNode[] {
  return [
    { id: 'user', kind: 'virtual', group: 'users' },
    ...SERVICES.map((s): ShopNode => ({ id: s.name, kind: 'service', group: s.namespace })),
    ...DATASTORES.map((d): ShopNode => ({ id: d.name, kind: 'database', group: 'data' })),
    ...EXTERNALS.map((e): ShopNode => ({ id: e.name, kind: 'virtual', group: 'external' })),
  ];
}
