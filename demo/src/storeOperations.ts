/**
 * Operations on data stores and external providers, keyed `<node> <operation>`. Their latency is
 * the client span's duration (there is no server span), so they become database / virtual-node edges.
 */

export interface StoreOperation {
  /** db.operation.name, e.g. SELECT or GET. */
  operation: string;
  /** db.collection.name (table, key prefix or index). */
  collection: string;
  /** db.query.text: parameterised, never with values. */
  query: string;
  medianMs: number;
  sigma: number;
  /** Baseline failure probability. */
  errorRate: number;
}

export interface ExternalOperation {
  method: string;
  /** url.template of the provider's API. */
  route: string;
  medianMs: number;
  sigma: number;
  errorRate: number;
}

function sql(operation: string, collection: string, query: string, medianMs: number, sigma = 0.5): StoreOperation {
  return { operation, collection, query, medianMs, sigma, errorRate: 0.0005 };
}

function redis(command: string, prefix: string, medianMs = 0.3): StoreOperation {
  const args = command === 'SET' ? ' ?' : command === 'ZINCRBY' ? ' 1 ?' : '';
  return {
    operation: command,
    collection: prefix,
    query: `${command} ${prefix}:?${args}`,
    medianMs,
    sigma: 0.4,
    errorRate: 0.0002,
  };
}

export const STORE_OPERATIONS: Record<string, StoreOperation> = {
  'orders-db INSERT orders': sql(
    'INSERT',
    'orders',
    'INSERT INTO orders (id, customer_id, total_cents, currency, status) VALUES ($1, $2, $3, $4, $5)',
    3
  ),
  'orders-db UPDATE orders': sql(
    'UPDATE',
    'orders',
    'UPDATE orders SET status = $1, updated_at = now() WHERE id = $2',
    2.5
  ),
  'orders-db SELECT orders': sql(
    'SELECT',
    'orders',
    'SELECT id, status, total_cents, created_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20',
    3.5
  ),
  'payments-db SELECT accounts': sql(
    'SELECT',
    'accounts',
    'SELECT id, balance_cents FROM accounts WHERE customer_id = $1 FOR UPDATE',
    6,
    0.8
  ),
  'payments-db INSERT payments': sql(
    'INSERT',
    'payments',
    'INSERT INTO payments (id, order_id, amount_cents, provider_ref, status) VALUES ($1, $2, $3, $4, $5)',
    4,
    0.6
  ),
  'payments-db UPDATE accounts': sql(
    'UPDATE',
    'accounts',
    'UPDATE accounts SET balance_cents = balance_cents - $1 WHERE id = $2',
    4,
    0.6
  ),
  'payments-db SELECT payments': sql(
    'SELECT',
    'payments',
    'SELECT id, amount_cents, provider_ref FROM payments WHERE order_id = $1',
    2
  ),
  'payments-db INSERT refunds': sql(
    'INSERT',
    'refunds',
    'INSERT INTO refunds (id, payment_id, amount_cents) VALUES ($1, $2, $3)',
    3
  ),
  'inventory-db SELECT stock': sql('SELECT', 'stock', 'SELECT sku, available FROM stock WHERE sku = $1', 1.5),
  'inventory-db UPDATE stock': sql(
    'UPDATE',
    'stock',
    'UPDATE stock SET available = available - $1 WHERE sku = $2 AND available >= $1',
    2.5
  ),
  'inventory-db INSERT reservations': sql(
    'INSERT',
    'reservations',
    'INSERT INTO reservations (order_id, sku, quantity) VALUES ($1, $2, $3)',
    2
  ),
  'inventory-db INSERT picks': sql(
    'INSERT',
    'picks',
    'INSERT INTO picks (order_id, warehouse_id, sku, quantity) VALUES ($1, $2, $3, $4)',
    2
  ),
  'customers-db SELECT customers': sql(
    'SELECT',
    'customers',
    'SELECT id, email, name, tier FROM customers WHERE id = $1',
    1.8
  ),
  'customers-db UPDATE loyalty_accounts': sql(
    'UPDATE',
    'loyalty_accounts',
    'UPDATE loyalty_accounts SET points = points + $1 WHERE customer_id = $2',
    2
  ),
  'customers-db INSERT wishlist_items': sql(
    'INSERT',
    'wishlist_items',
    'INSERT INTO wishlist_items (customer_id, sku) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    2
  ),
  'customers-db SELECT preferences': sql(
    'SELECT',
    'preferences',
    'SELECT channel, opted_in FROM preferences WHERE customer_id = $1',
    1.5
  ),
  'catalog-db SELECT products': sql(
    'SELECT',
    'products',
    'SELECT id, sku, title, description, price_cents FROM products WHERE id = ANY($1)',
    4
  ),
  'catalog-db SELECT reviews': sql(
    'SELECT',
    'reviews',
    'SELECT rating, body, author FROM reviews WHERE product_id = $1 ORDER BY created_at DESC LIMIT 10',
    5
  ),
  'redis-cache GET token': redis('GET', 'token'),
  'redis-cache INCR ratelimit': redis('INCR', 'ratelimit', 0.2),
  'redis-cache GET session': redis('GET', 'session'),
  'redis-cache SET session': redis('SET', 'session'),
  'redis-cache GET featured': redis('GET', 'featured'),
  'redis-cache GET product': redis('GET', 'product'),
  'redis-cache MGET product': redis('MGET', 'product', 0.6),
  'redis-cache GET reviews': redis('GET', 'reviews'),
  'redis-cache GET profile': redis('GET', 'profile'),
  'redis-cache GET cart': redis('GET', 'cart'),
  'redis-cache SET cart': redis('SET', 'cart'),
  'redis-cache DEL cart': redis('DEL', 'cart'),
  'redis-cache GET promotions': redis('GET', 'promotions'),
  'redis-cache GET banners': redis('GET', 'banners'),
  'redis-cache SET shipment': redis('SET', 'shipment'),
  'redis-cache GET shipment': redis('GET', 'shipment'),
  'redis-cache ZINCRBY popularity': redis('ZINCRBY', 'popularity'),
  'search-index search products': {
    operation: 'search',
    collection: 'products',
    query: '{"query":{"multi_match":{"query":"?","fields":["title^3","description"]}},"size":24}',
    medianMs: 14,
    sigma: 0.6,
    errorRate: 0.0005,
  },
};

export const EXTERNAL_OPERATIONS: Record<string, ExternalOperation> = {
  'stripe POST /v1/payment_intents': {
    method: 'POST',
    route: '/v1/payment_intents',
    medianMs: 240,
    sigma: 0.4,
    errorRate: 0.004,
  },
  'stripe POST /v1/refunds': { method: 'POST', route: '/v1/refunds', medianMs: 200, sigma: 0.4, errorRate: 0.004 },
  'sendgrid POST /v3/mail/send': { method: 'POST', route: '/v3/mail/send', medianMs: 90, sigma: 0.5, errorRate: 0.003 },
  'twilio POST /2010-04-01/Messages': {
    method: 'POST',
    route: '/2010-04-01/Accounts/{sid}/Messages.json',
    medianMs: 150,
    sigma: 0.5,
    errorRate: 0.005,
  },
  'firebase-messaging POST /v1/messages:send': {
    method: 'POST',
    route: '/v1/projects/{project}/messages:send',
    medianMs: 60,
    sigma: 0.5,
    errorRate: 0.003,
  },
};
