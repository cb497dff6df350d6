// The benchmarks' loopback feed server: serves `feeds` by path, each with an ETag; a request that sends
// the ETag back is answered 304, as a real outlet's server does for an unchanged feed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedServer {
  server: Server;
  base: string;
  /** Bodies served so far (304s not counted). */
  served: () => number;
}

/** `feeds` is read per request, so it may be filled after the server has started (to link to `base`). */
export async function serveFeeds(feeds: ReadonlyMap<string, Buffer>): Promise<FeedServer> {
  let served = 0;
  const server = createServer((request, response) => {
    const body = feeds.get(request.url ?? '');
    if (!body) return void response.writeHead(404).end();
    const etag = `"${request.url}"`;
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
    served++;
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served: () => served };
}
