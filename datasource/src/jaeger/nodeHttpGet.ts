import { request } from 'node:http';
import { Observable } from 'rxjs';

import { HttpGet, HttpTextResponse, TransportError, tooLargeMessage } from './httpTransport';

/**
 * An HttpGet on Node's http module, for Node tools and for tests that run the datasource under jsdom
 * (where `fetch` is absent). Same contract as the fetch and BackendSrv ones: abort on unsubscribe,
 * size cap, TransportError below HTTP.
 */
export function createNodeHttpGet(options: { maxBytes: number }): HttpGet {
  return (url) =>
    new Observable<HttpTextResponse>((subscriber) => {
      const req = request(url, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            req.destroy();
            subscriber.error(new TransportError('too-large', tooLargeMessage(size, options.maxBytes)));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          subscriber.next({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          });
          subscriber.complete();
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        const kind = error.code === 'ECONNREFUSED' ? 'refused' : error.code === 'ENOTFOUND' ? 'dns' : 'unreachable';
        subscriber.error(
          new TransportError(kind, `Jaeger at ${new URL(url).host} is unreachable (${error.code ?? error.message})`)
        );
      });
      req.end();
      return () => req.destroy();
    });
}
