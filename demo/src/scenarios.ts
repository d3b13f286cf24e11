/** Request types: what users do, how often, and the entry endpoint whose root SERVER span starts the trace. */

export interface Scenario {
  name: string;
  label: string;
  /** Relative frequency. */
  weight: number;
  /** Key of the entry endpoint in ENDPOINTS. */
  entry: string;
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'home', label: 'Browse home page', weight: 16, entry: 'web-frontend GET /' },
  { name: 'product', label: 'View product', weight: 22, entry: 'web-frontend GET /products/{id}' },
  { name: 'search', label: 'Search', weight: 13, entry: 'web-frontend GET /search' },
  { name: 'add-to-cart', label: 'Add to cart', weight: 8, entry: 'web-frontend POST /cart' },
  { name: 'view-cart', label: 'View cart', weight: 6, entry: 'web-frontend GET /cart' },
  { name: 'checkout', label: 'Checkout', weight: 3.5, entry: 'web-frontend POST /checkout' },
  { name: 'login', label: 'Log in', weight: 4, entry: 'web-frontend POST /login' },
  { name: 'orders', label: 'Order history', weight: 3, entry: 'web-frontend GET /account/orders' },
  { name: 'return', label: 'Return an item', weight: 0.4, entry: 'web-frontend POST /returns' },
  { name: 'wishlist', label: 'Add to wishlist', weight: 1.5, entry: 'web-frontend POST /wishlist' },
  { name: 'beacon', label: 'Analytics beacon', weight: 9, entry: 'web-frontend POST /beacon' },
  { name: 'mobile-home', label: 'Mobile: home', weight: 6, entry: 'mobile-bff GET /v1/home' },
  { name: 'mobile-product', label: 'Mobile: view product', weight: 6, entry: 'mobile-bff GET /v1/products/{id}' },
  { name: 'mobile-checkout', label: 'Mobile: checkout', weight: 1.2, entry: 'mobile-bff POST /v1/checkout' },
  { name: 'mobile-orders', label: 'Mobile: order history', weight: 1.5, entry: 'mobile-bff GET /v1/orders' },
];
