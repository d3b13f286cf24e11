/**
 * Resolves the string-keyed topology into linked objects once, so the hot path never looks anything
 * up, and reports a dangling reference by name instead of failing mid-simulation.
 */
import type { AttributeValue } from '../../servicegraph/src/types';
import { ENDPOINTS, TOPIC_CONSUMERS, type CallSpec, type StepSpec } from './callGraph';
import { SCENARIOS } from './scenarios';
import { EXTERNAL_OPERATIONS, STORE_OPERATIONS, type ExternalOperation, type StoreOperation } from './storeOperations';
import { DATASTORES, EXTERNALS, SERVICES, type DatastoreInfo, type ExternalInfo, type ServiceInfo } from './topology';

export interface CompiledEndpoint {
  key: string;
  service: ServiceInfo;
  resource: Readonly<Record<string, AttributeValue>>;
  protocol: 'http' | 'grpc' | 'kafka';
  /** HTTP method, gRPC method name, or the topic for a consumer. */
  method: string;
  /** HTTP route, gRPC service name, or the topic. */
  route: string;
  serverSpanName: string;
  clientSpanName: string;
  selfMs: number;
  sigma: number;
  errorRate: number;
  steps: CompiledStep[];
}

export type CompiledTarget =
  | { type: 'endpoint'; endpoint: CompiledEndpoint }
  | { type: 'store'; store: DatastoreInfo; operation: StoreOperation; spanName: string }
  | { type: 'external'; external: ExternalInfo; operation: ExternalOperation; spanName: string }
  | { type: 'publish'; topic: string; consumers: CompiledEndpoint[] };

export interface CompiledCall {
  target: CompiledTarget;
  p: number;
  countMin: number;
  countMax: number;
  optional: boolean;
  timeoutMs: number;
}

export interface CompiledStep {
  parallel: boolean;
  calls: CompiledCall[];
}

export interface CompiledScenario {
  name: string;
  /** Cumulative weight share in (0, 1], for picking by one uniform draw. */
  cumulative: number;
  entry: CompiledEndpoint;
}

export interface CompiledShop {
  scenarios: CompiledScenario[];
  endpoints: Map<string, CompiledEndpoint>;
}

function parseEndpointKey(
  key: string,
  services: Map<string, ServiceInfo>
): Omit<CompiledEndpoint, 'selfMs' | 'sigma' | 'errorRate' | 'steps'> {
  const [serviceName, method, route] = key.split(' ');
  const service = services.get(serviceName);
  if (!service || !method || !route) {
    throw new Error(
      `demo topology: endpoint "${key}" must be "<service> <METHOD|grpc|kafka> <route>" with a known service`
    );
  }
  const resource = Object.freeze({
    'service.name': service.name,
    'service.namespace': service.namespace,
    'service.version': service.version,
    'deployment.environment.name': 'demo',
    'telemetry.sdk.language': service.language,
  });
  if (method === 'grpc') {
    const [rpcService, rpcMethod] = route.split('/');
    const qualified = `shop.${service.name.replace(/-/g, '_')}.v1.${rpcService}`;
    const name = `${qualified}/${rpcMethod}`;
    return {
      key,
      service,
      resource,
      protocol: 'grpc',
      method: rpcMethod,
      route: qualified,
      serverSpanName: name,
      clientSpanName: name,
    };
  }
  if (method === 'kafka') {
    return {
      key,
      service,
      resource,
      protocol: 'kafka',
      method: route,
      route,
      serverSpanName: `process ${route}`,
      clientSpanName: '',
    };
  }
  const name = `${method} ${route}`;
  return { key, service, resource, protocol: 'http', method, route, serverSpanName: name, clientSpanName: name };
}

/** Builds the linked shop graph from the data tables; throws naming the first bad reference. */
export function compileShop(): CompiledShop {
  const services = new Map(SERVICES.map((s) => [s.name, s]));
  const stores = new Map(DATASTORES.map((d) => [d.name, d]));
  const externals = new Map(EXTERNALS.map((e) => [e.name, e]));
  const endpoints = new Map<string, CompiledEndpoint>();
  for (const [key, spec] of Object.entries(ENDPOINTS)) {
    const head = parseEndpointKey(key, services);
    endpoints.set(key, {
      ...head,
      selfMs: spec.selfMs,
      sigma: spec.sigma ?? 0.45,
      errorRate: spec.errorRate ?? 0.001,
      steps: [],
    });
  }
  const resolveTarget = (to: string, from: string): CompiledTarget => {
    const endpoint = endpoints.get(to);
    if (endpoint) {
      return { type: 'endpoint', endpoint };
    }
    const [node, ...rest] = to.split(' ');
    const operation = STORE_OPERATIONS[to];
    const store = stores.get(node);
    if (operation && store) {
      return { type: 'store', store, operation, spanName: `${operation.operation} ${operation.collection}` };
    }
    const externalOperation = EXTERNAL_OPERATIONS[to];
    const external = externals.get(node);
    if (externalOperation && external) {
      return {
        type: 'external',
        external,
        operation: externalOperation,
        spanName: `${externalOperation.method} ${externalOperation.route}`,
      };
    }
    const topic = rest.join(' ');
    if (node === 'kafka' && TOPIC_CONSUMERS[topic]) {
      const consumers = TOPIC_CONSUMERS[topic].map((consumer) => {
        const found = endpoints.get(consumer);
        if (!found || found.protocol !== 'kafka') {
          throw new Error(`demo topology: consumer "${consumer}" of topic "${topic}" is not a kafka endpoint`);
        }
        return found;
      });
      return { type: 'publish', topic, consumers };
    }
    throw new Error(`demo topology: "${from}" calls unknown target "${to}"`);
  };
  const compileCall = (spec: CallSpec, from: string): CompiledCall => ({
    target: resolveTarget(spec.to, from),
    p: spec.p ?? 1,
    countMin: spec.count?.[0] ?? 1,
    countMax: spec.count?.[1] ?? 1,
    optional: spec.optional ?? false,
    timeoutMs: spec.timeoutMs ?? Infinity,
  });
  for (const [key, spec] of Object.entries(ENDPOINTS)) {
    endpoints.get(key)!.steps = spec.steps.map((step: StepSpec) =>
      Array.isArray(step)
        ? { parallel: true, calls: step.map((c) => compileCall(c, key)) }
        : { parallel: false, calls: [compileCall(step, key)] }
    );
  }
  const total = SCENARIOS.reduce((sum, s) => sum + s.weight, 0);
  let running = 0;
  const scenarios = SCENARIOS.map((s): CompiledScenario => {
    const entry = endpoints.get(s.entry);
    if (!entry) {
      throw new Error(`demo topology: scenario "${s.name}" enters at unknown endpoint "${s.entry}"`);
    }
    running += s.weight;
    return { name: s.name, cumulative: running / total, entry };
  });
  scenarios[scenarios.length - 1].cumulative = 1;
  return { scenarios, endpoints };
}
