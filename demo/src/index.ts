/** Public API of the demo shop (browser and Node). */
export { createShop, DEFAULT_RATE_PER_SECOND, MAX_REQUESTS_PER_CALL } from './shop';
export type { IncidentState, Shop, ShopOptions, ShopRequest } from './shop';
export { INCIDENTS, isIncidentName } from './incidents';
export type { IncidentDescriptor, IncidentName } from './incidents';
export { listShopNodes, SERVICES, DATASTORES, EXTERNALS, TOPICS } from './topology';
export type { ShopNode } from './topology';
export { SCENARIOS } from './scenarios';
export { GATEWAY_SERVICE } from './emitRequest';
export { diurnalFactor } from './traffic';
