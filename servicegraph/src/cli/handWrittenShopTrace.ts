/**
 * A small shop trace written out by hand as Jaeger /api/traces JSON and OTLP/JSON (see edgesCli.handWritten.test.ts
 * for the graph it must give). Kept literal on purpose: no Kompas encoder is involved.
 *
 *   gateway SERVER (root, 100 ms) ─ gateway CLIENT → orders SERVER (80 ms)
 *   orders CLIENT → payments SERVER (40 ms, error status)
 *   payments CLIENT with db.system=postgresql, db.name=postgres, no server span (10 ms)
 *   orders PRODUCER (messaging.system=kafka) → shipping CONSUMER (30 ms)
 */
const TRACE = '5b8efff798038103d269b633813fc60c';

/** Jaeger /api/traces: times in µs, kinds and errors as tags. */
export const JAEGER_SHOP_TRACE = {
  data: [
    {
      traceID: TRACE,
      processes: {
        p1: { serviceName: 'gateway', tags: [] },
        p2: { serviceName: 'orders', tags: [] },
        p3: { serviceName: 'payments', tags: [] },
        p4: { serviceName: 'shipping', tags: [] },
      },
      spans: [
        {
          traceID: TRACE,
          spanID: '00000000000000a1',
          operationName: 'GET /checkout',
          references: [],
          startTime: 1700000000000000,
          duration: 100000,
          tags: [{ key: 'span.kind', type: 'string', value: 'server' }],
          processID: 'p1',
        },
        {
          traceID: TRACE,
          spanID: '00000000000000a2',
          operationName: 'POST /orders',
          references: [{ refType: 'CHILD_OF', traceID: TRACE, spanID: '00000000000000a1' }],
          startTime: 1700000000005000,
          duration: 90000,
          tags: [{ key: 'span.kind', type: 'string', value: 'client' }],
          processID: 'p1',
        },
        {
          traceID: TRACE,
          spanID: '00000000000000a3',
          operationName: 'POST /orders',
          references: [{ refType: 'CHILD_OF', traceID: TRACE, spanID: '00000000000000a2' }],
          startTime: 1700000000010000,
          duration: 80000,
          tags: [{ key: 'span.kind', type: 'string', value: 'server' }],
          processID: 'p2',
        },
        {
          traceID: TRACE,
          spanID: '00000000000000a4',
          operationName: 'POST /pay',
          references: [{ refType: 'CHILD_OF', traceID: TRACE, spanID: '00000000000000a3' }],
          startTime: 1700000000015000,
          duration: 45000,
          tags: [{ key: 'span.kind', type: 'string', value: 'client' }],
          processID: 'p2',
        },
        {
          traceID: TRACE,
          spanID: '00000000000000a5',
          operationName: 'POST /pay',
          references: [{ refType: 'CHILD_OF', traceID: TRACE, spanID: '00000000000000a4' }],
          startTime: 1700000000020000,
          duration: 40000,
          tags: [
            { key: 'span.kind', type: 'string', value: 'server' },
            { key: 'error', type: 'bool', value: true },
          ],
          processID: 'p3',
        },
        {
          traceID: TRACE,
          spanID: '00000000000000a6',
          operationName: 'INSERT payments',
          references: [{ refType: 'CHILD_OF', traceID: TRACE, spanID: '00000000000000a5' }],
          startTime: 1700000000025000,
          duration: 10000,
          tags: [
            { key: 'span.kind', type: 'string', value: 'client' },
            { key: 'db.system', type: 'string', value: 'postgresql' },
            { key: 'db.name', type: 'string', value: 'postgres' },
          ],
          processID: 'p3',
        },
        {
          traceID: TRACE,
          spanID: '00000000000000a7',
          operationName: 'orders publish',
          references: [{ refType: 'CHILD_OF', traceID: TRACE, spanID: '00000000000000a3' }],
          startTime: 1700000000065000,
          duration: 5000,
          tags: [
            { key: 'span.kind', type: 'string', value: 'producer' },
            { key: 'messaging.system', type: 'string', value: 'kafka' },
          ],
          processID: 'p2',
        },
        {
          traceID: TRACE,
          spanID: '00000000000000a8',
          operationName: 'orders process',
          references: [{ refType: 'CHILD_OF', traceID: TRACE, spanID: '00000000000000a7' }],
          startTime: 1700000000200000,
          duration: 30000,
          tags: [
            { key: 'span.kind', type: 'string', value: 'consumer' },
            { key: 'messaging.system', type: 'string', value: 'kafka' },
          ],
          processID: 'p4',
        },
      ],
    },
  ],
};

const service = (name: string) => ({ attributes: [{ key: 'service.name', value: { stringValue: name } }] });

/** OTLP/JSON as an exporter writes it: hex ids, enum-name kinds, nanosecond strings. */
export const OTLP_JSON_SHOP_TRACE = {
  resourceSpans: [
    {
      resource: service('gateway'),
      scopeSpans: [
        {
          spans: [
            {
              traceId: TRACE,
              spanId: '00000000000000a1',
              name: 'GET /checkout',
              kind: 'SPAN_KIND_SERVER',
              startTimeUnixNano: '1700000000000000000',
              endTimeUnixNano: '1700000000100000000',
            },
            {
              traceId: TRACE,
              spanId: '00000000000000a2',
              parentSpanId: '00000000000000a1',
              name: 'POST /orders',
              kind: 'SPAN_KIND_CLIENT',
              startTimeUnixNano: '1700000000005000000',
              endTimeUnixNano: '1700000000095000000',
            },
          ],
        },
      ],
    },
    {
      resource: service('orders'),
      scopeSpans: [
        {
          spans: [
            {
              traceId: TRACE,
              spanId: '00000000000000a3',
              parentSpanId: '00000000000000a2',
              name: 'POST /orders',
              kind: 'SPAN_KIND_SERVER',
              startTimeUnixNano: '1700000000010000000',
              endTimeUnixNano: '1700000000090000000',
            },
            {
              traceId: TRACE,
              spanId: '00000000000000a4',
              parentSpanId: '00000000000000a3',
              name: 'POST /pay',
              kind: 'SPAN_KIND_CLIENT',
              startTimeUnixNano: '1700000000015000000',
              endTimeUnixNano: '1700000000060000000',
            },
            {
              traceId: TRACE,
              spanId: '00000000000000a7',
              parentSpanId: '00000000000000a3',
              name: 'orders publish',
              kind: 'SPAN_KIND_PRODUCER',
              startTimeUnixNano: '1700000000065000000',
              endTimeUnixNano: '1700000000070000000',
              attributes: [{ key: 'messaging.system', value: { stringValue: 'kafka' } }],
            },
          ],
        },
      ],
    },
    {
      resource: service('payments'),
      scopeSpans: [
        {
          spans: [
            {
              traceId: TRACE,
              spanId: '00000000000000a5',
              parentSpanId: '00000000000000a4',
              name: 'POST /pay',
              kind: 'SPAN_KIND_SERVER',
              startTimeUnixNano: '1700000000020000000',
              endTimeUnixNano: '1700000000060000000',
              status: { code: 'STATUS_CODE_ERROR' },
            },
            {
              traceId: TRACE,
              spanId: '00000000000000a6',
              parentSpanId: '00000000000000a5',
              name: 'INSERT payments',
              kind: 'SPAN_KIND_CLIENT',
              startTimeUnixNano: '1700000000025000000',
              endTimeUnixNano: '1700000000035000000',
              attributes: [
                { key: 'db.system', value: { stringValue: 'postgresql' } },
                { key: 'db.name', value: { stringValue: 'postgres' } },
              ],
            },
          ],
        },
      ],
    },
    {
      resource: service('shipping'),
      scopeSpans: [
        {
          spans: [
            {
              traceId: TRACE,
              spanId: '00000000000000a8',
              parentSpanId: '00000000000000a7',
              name: 'orders process',
              kind: 'SPAN_KIND_CONSUMER',
              startTimeUnixNano: '1700000000200000000',
              endTimeUnixNano: '1700000000230000000',
              attributes: [{ key: 'messaging.system', value: { stringValue: 'kafka' } }],
            },
          ],
        },
      ],
    },
  ],
};
