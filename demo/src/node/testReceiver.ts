/**
 * A real OTLP/HTTP receiver on 127.0.0.1 for the load generator's tests: decodes every request with
 * servicegraph's own parsers and answers with scripted statuses (then 200).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Span } from '../../../servicegraph/src/types';
import { otlpRequestToSpans } from '../../../servicegraph/src/parse/otlpJson';
import { decodeOtlpProtobuf } from '../../../servicegraph/src/parse/otlpProtobuf';

export interface ScriptedReply {
  status: number;
  retryAfter?: string;
}

export interface TestReceiver {
  url: string;
  /** Spans of the requests answered with 2xx. */
  spans: Span[];
  /** Every request seen: its content type and status given. */
  requests: Array<{ contentType: string; status: number }>;
  close(): Promise<void>;
}

export function startTestReceiver(script: ScriptedReply[] = []): Promise<TestReceiver> {
  const replies = [...script];
  const receiver: Omit<TestReceiver, 'url' | 'close'> = { spans: [], requests: [] };
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const contentType = request.headers['content-type'] ?? '';
    const reply = replies.shift() ?? { status: 200 };
    receiver.requests.push({ contentType, status: reply.status });
    if (reply.status === 200) {
      const spans = contentType.includes('protobuf')
        ? decodeOtlpProtobuf(new Uint8Array(body))
        : otlpRequestToSpans(JSON.parse(body.toString('utf8')), 'request');
      receiver.spans.push(...spans);
    }
    response.writeHead(reply.status, reply.retryAfter === undefined ? {} : { 'retry-after': reply.retryAfter });
    response.end(reply.status === 200 ? '{}' : 'busy');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(
        Object.assign(receiver, {
          url: `http://127.0.0.1:${port}/v1/traces`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        })
      );
    });
  });
}
