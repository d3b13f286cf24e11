/**
 * What each endpoint does: its own work (log-normal self time) and the calls it makes, in order.
 * Keys name the node first: `service METHOD /route` (HTTP), `service grpc Service/Method` (gRPC),
 * `service kafka topic` (a consumer group); call targets may also be data store operations,
 * external operations (see storeOperations.ts) or `kafka topic` (a publish).
 */

export interface CallSpec {
  /** Key of an endpoint, data store operation, external operation or `kafka <topic>`. */
  to: string;
  /** Probability that the call happens (default 1). */
  p?: number;
  /** Repeat the call a uniform number of times in [min, max]. */
  count?: [number, number];
  /** A failure of an optional call degrades the response instead of failing it. */
  optional?: boolean;
  /** The caller gives up after this long and fails with a timeout. */
  timeoutMs?: number;
}

/** One step of a handler: a single call, or calls made concurrently. */
export type StepSpec = CallSpec | CallSpec[];

export interface EndpointSpec {
  /** Median of the handler's own work. */
  selfMs: number;
  /** Log-normal sigma of the own work (default 0.45). */
  sigma?: number;
  /** Baseline probability that the handler itself fails (default 0.001). */
  errorRate?: number;
  steps: StepSpec[];
}

function call(to: string, options: Omit<CallSpec, 'to'> = {}): CallSpec {
  return { to, ...options };
}

function ep(selfMs: number, steps: StepSpec[] = [], extra: Omit<EndpointSpec, 'selfMs' | 'steps'> = {}): EndpointSpec {
  return { selfMs, steps, ...extra };
}

/** Every gateway route authenticates and rate-limits before routing to the backend. */
function gw(selfMs: number, steps: StepSpec[]): EndpointSpec {
  return ep(selfMs, [[call('auth grpc AuthService/Verify'), call('rate-limiter grpc RateLimiter/Check')], ...steps]);
}

const session = call('session grpc SessionService/Get');
const flags = call('feature-flags grpc FlagService/Evaluate', { p: 0.3 });
const optional = { optional: true };

export const ENDPOINTS: Record<string, EndpointSpec> = {
  // storefront entry points (root spans)
  'web-frontend GET /': ep(14, [
    session,
    flags,
    [
      call('api-gateway GET /api/products/featured'),
      call('api-gateway GET /api/recommendations', optional),
      call('api-gateway GET /api/promotions/banners', optional),
    ],
  ]),
  'web-frontend GET /products/{id}': ep(12, [
    session,
    call('api-gateway GET /api/products/{id}'),
    [call('api-gateway GET /api/reviews', optional), call('api-gateway GET /api/recommendations', optional)],
  ]),
  'web-frontend GET /search': ep(10, [session, call('api-gateway GET /api/search')]),
  'web-frontend POST /cart': ep(6, [session, call('api-gateway POST /api/cart/items')]),
  'web-frontend GET /cart': ep(8, [session, call('api-gateway GET /api/cart')]),
  'web-frontend POST /checkout': ep(9, [session, flags, call('api-gateway POST /api/checkout', { timeoutMs: 10000 })]),
  'web-frontend POST /login': ep(7, [call('api-gateway POST /api/login')]),
  'web-frontend GET /account/orders': ep(8, [session, call('api-gateway GET /api/orders')]),
  'web-frontend POST /returns': ep(7, [session, call('api-gateway POST /api/returns')]),
  'web-frontend POST /wishlist': ep(5, [session, call('api-gateway POST /api/wishlist')]),
  'web-frontend POST /beacon': ep(1, [call('api-gateway POST /api/events')]),
  'mobile-bff GET /v1/home': ep(6, [
    flags,
    [call('api-gateway GET /api/products/featured'), call('api-gateway GET /api/recommendations', optional)],
  ]),
  'mobile-bff GET /v1/products/{id}': ep(5, [
    [call('api-gateway GET /api/products/{id}'), call('api-gateway GET /api/reviews', optional)],
  ]),
  'mobile-bff POST /v1/checkout': ep(5, [call('api-gateway POST /api/checkout', { timeoutMs: 10000 })]),
  'mobile-bff GET /v1/orders': ep(4, [call('api-gateway GET /api/orders')]),

  // gateway routes
  'api-gateway GET /api/products/featured': gw(1, [call('catalog GET /products/featured')]),
  'api-gateway GET /api/recommendations': gw(1, [call('recommendations GET /recommendations', { timeoutMs: 800 })]),
  'api-gateway GET /api/promotions/banners': gw(1, [call('promotions GET /banners')]),
  'api-gateway GET /api/products/{id}': gw(1.5, [
    call('catalog GET /products/{id}'),
    [call('pricing grpc PricingService/Quote'), call('inventory GET /stock/{sku}', optional)],
  ]),
  'api-gateway GET /api/reviews': gw(1, [call('reviews GET /reviews')]),
  'api-gateway GET /api/search': gw(1, [call('search GET /search', { timeoutMs: 3000 })]),
  'api-gateway POST /api/cart/items': gw(1, [call('cart POST /cart/items')]),
  'api-gateway GET /api/cart': gw(1, [call('cart GET /cart')]),
  'api-gateway POST /api/checkout': gw(1.5, [call('checkout POST /checkout', { timeoutMs: 8000 })]),
  'api-gateway POST /api/login': gw(1, [call('auth POST /login')]),
  'api-gateway GET /api/orders': gw(1, [call('orders GET /orders')]),
  'api-gateway POST /api/returns': gw(1, [call('returns POST /returns')]),
  'api-gateway POST /api/wishlist': gw(1, [call('wishlist POST /items')]),
  'api-gateway POST /api/events': gw(0.5, [call('analytics POST /collect')]),

  // platform
  'auth grpc AuthService/Verify': ep(1.2, [call('redis-cache GET token', { p: 0.8 })]),
  'auth POST /login': ep(
    28,
    [
      call('customers GET /customers/by-email'),
      call('session grpc SessionService/Create'),
      call('audit-log grpc AuditService/Append', optional),
    ],
    { sigma: 0.25 }
  ),
  'rate-limiter grpc RateLimiter/Check': ep(0.4, [call('redis-cache INCR ratelimit')]),
  'session grpc SessionService/Get': ep(0.8, [call('redis-cache GET session')]),
  'session grpc SessionService/Create': ep(1, [call('redis-cache SET session')]),
  'feature-flags grpc FlagService/Evaluate': ep(0.6),
  'audit-log grpc AuditService/Append': ep(1.2),
  'geo-ip grpc GeoService/Lookup': ep(0.5),

  // catalog and discovery
  'catalog GET /products/featured': ep(5, [
    call('redis-cache GET featured'),
    call('catalog-db SELECT products', { p: 0.2 }),
    call('media grpc MediaService/ResolveUrls'),
  ]),
  'catalog GET /products/{id}': ep(4, [
    call('redis-cache GET product'),
    call('catalog-db SELECT products', { p: 0.35 }),
    call('media grpc MediaService/ResolveUrls'),
  ]),
  'catalog grpc CatalogService/BatchGet': ep(3, [
    call('redis-cache MGET product'),
    call('catalog-db SELECT products', { p: 0.3 }),
  ]),
  'media grpc MediaService/ResolveUrls': ep(1.2),
  'reviews GET /reviews': ep(4, [call('redis-cache GET reviews'), call('catalog-db SELECT reviews', { p: 0.4 })]),
  'recommendations GET /recommendations': ep(
    22,
    [
      call('customers GET /customers/{id}/profile', { p: 0.5 }),
      call('catalog grpc CatalogService/BatchGet'),
      call('ads grpc AdService/Select', optional),
    ],
    { sigma: 0.5 }
  ),
  'recommendations kafka clickstream': ep(2, [call('redis-cache ZINCRBY popularity')]),
  'ads grpc AdService/Select': ep(6, [], { sigma: 0.6 }),
  'search GET /search': ep(7, [
    call('search-index search products'),
    call('catalog grpc CatalogService/BatchGet'),
    [call('pricing grpc PricingService/QuoteBatch'), call('ads grpc AdService/Select', optional)],
  ]),
  'analytics POST /collect': ep(0.8, [call('kafka clickstream')]),

  // customers
  'customers GET /customers/{id}': ep(2.5, [call('customers-db SELECT customers')]),
  'customers GET /customers/{id}/profile': ep(2.5, [
    call('redis-cache GET profile'),
    call('customers-db SELECT customers', { p: 0.3 }),
  ]),
  'customers GET /customers/by-email': ep(2.5, [call('customers-db SELECT customers')]),
  'loyalty POST /accruals': ep(3, [call('customers-db UPDATE loyalty_accounts')]),
  'wishlist POST /items': ep(3, [
    call('customers-db INSERT wishlist_items'),
    call('catalog grpc CatalogService/BatchGet'),
  ]),
  'preferences GET /preferences/{id}': ep(2, [call('customers-db SELECT preferences')]),

  // checkout
  'cart POST /cart/items': ep(4, [
    call('redis-cache GET cart'),
    call('inventory GET /stock/{sku}'),
    call('pricing grpc PricingService/Quote'),
    call('redis-cache SET cart'),
  ]),
  'cart GET /cart': ep(3, [
    call('redis-cache GET cart'),
    call('pricing grpc PricingService/QuoteBatch'),
    call('promotions grpc PromotionService/Applicable', { p: 0.6 }),
  ]),
  'cart DELETE /cart': ep(1.5, [call('redis-cache DEL cart')]),
  'pricing grpc PricingService/Quote': ep(1.8, [
    call('promotions grpc PromotionService/Applicable', { p: 0.8 }),
    call('currency grpc CurrencyService/Convert', { p: 0.25 }),
  ]),
  'pricing grpc PricingService/QuoteBatch': ep(3.5, [
    call('promotions grpc PromotionService/Applicable', { p: 0.8 }),
    call('currency grpc CurrencyService/Convert', { p: 0.25 }),
  ]),
  'promotions grpc PromotionService/Applicable': ep(1.5, [call('redis-cache GET promotions')]),
  'promotions GET /banners': ep(3, [call('redis-cache GET banners'), call('ads grpc AdService/Select', optional)]),
  'currency grpc CurrencyService/Convert': ep(1.2),
  'tax grpc TaxService/Calculate': ep(4, [call('currency grpc CurrencyService/Convert', { p: 0.2 })]),
  'fraud grpc FraudService/Score': ep(
    15,
    [[call('geo-ip grpc GeoService/Lookup'), call('customers GET /customers/{id}')]],
    { sigma: 0.5 }
  ),
  'checkout POST /checkout': ep(9, [
    call('cart GET /cart'),
    [call('customers GET /customers/{id}'), call('address-validation POST /validate', { p: 0.7, optional: true })],
    [call('tax grpc TaxService/Calculate'), call('shipping-rates grpc RatesService/Quote')],
    call('fraud grpc FraudService/Score', { timeoutMs: 1000 }),
    call('orders POST /orders', { timeoutMs: 4000 }),
    call('loyalty POST /accruals', { p: 0.6, optional: true }),
    call('cart DELETE /cart', optional),
  ]),
  'orders POST /orders': ep(5, [
    call('orders-db INSERT orders'),
    call('inventory POST /reservations'),
    call('payments POST /payments', { timeoutMs: 1000 }),
    call('orders-db UPDATE orders'),
    call('kafka order-events'),
  ]),
  'orders GET /orders': ep(3, [
    call('orders-db SELECT orders'),
    call('tracking GET /shipments', { p: 0.5, optional: true }),
  ]),
  'orders GET /orders/{id}': ep(2, [call('orders-db SELECT orders')]),
  'payments POST /payments': ep(4, [
    call('payments-db SELECT accounts'),
    call('stripe POST /v1/payment_intents', { timeoutMs: 3000 }),
    call('payments-db INSERT payments'),
    call('payments-db UPDATE accounts'),
    call('audit-log grpc AuditService/Append', optional),
  ]),
  'payments POST /refunds': ep(4, [
    call('payments-db SELECT payments'),
    call('stripe POST /v1/refunds'),
    call('payments-db INSERT refunds'),
  ]),
  'invoicing kafka order-events': ep(6, [call('orders-db SELECT orders'), call('audit-log grpc AuditService/Append')]),

  // fulfilment
  'inventory GET /stock/{sku}': ep(2, [call('inventory-db SELECT stock')]),
  'inventory POST /reservations': ep(3, [
    call('inventory-db SELECT stock'),
    call('inventory-db UPDATE stock'),
    call('inventory-db INSERT reservations'),
  ]),
  'inventory POST /restock': ep(2, [call('inventory-db UPDATE stock')]),
  'address-validation POST /validate': ep(11, [], { sigma: 0.6 }),
  'shipping-rates grpc RatesService/Quote': ep(8, [], { sigma: 0.5 }),
  'shipping kafka order-events': ep(4, [call('warehouse POST /picks'), call('tracking POST /shipments')]),
  'warehouse POST /picks': ep(5, [call('inventory-db INSERT picks')]),
  'tracking POST /shipments': ep(2, [call('redis-cache SET shipment')]),
  'tracking GET /shipments': ep(2, [call('redis-cache GET shipment')]),
  'returns POST /returns': ep(6, [
    call('orders GET /orders/{id}'),
    call('payments POST /refunds'),
    call('inventory POST /restock'),
  ]),

  // engagement
  'notifications kafka order-events': ep(3, [
    call('preferences GET /preferences/{id}'),
    call('email POST /send'),
    call('sms POST /send', { p: 0.2, optional: true }),
    call('push POST /send', { p: 0.3, optional: true }),
  ]),
  'email POST /send': ep(3, [call('sendgrid POST /v3/mail/send')]),
  'sms POST /send': ep(2, [call('twilio POST /2010-04-01/Messages')]),
  'push POST /send': ep(2, [call('firebase-messaging POST /v1/messages:send')]),
};

/** Consumer groups per Kafka topic: each consumes every message published to the topic. */
export const TOPIC_CONSUMERS: Record<string, string[]> = {
  'order-events': ['shipping kafka order-events', 'notifications kafka order-events', 'invoicing kafka order-events'],
  clickstream: ['recommendations kafka clickstream'],
};
