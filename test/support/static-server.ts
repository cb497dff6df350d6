// Serves a folder on 127.0.0.1 under a sub-path (as a GitHub Pages project site or a mirror's folder
// would), with no directory index, so a link that relies on one fails as it would from file://.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface StaticServer {
  /** Root URL of the served folder, ending in "/". */
  url: string;
  notFound: string[];
  close(): Promise<void>;
}

export async function serveFolder(dir: string, prefix: string): Promise<StaticServer> {
  const notFound: string[] = [];
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const relative = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : null;
    const file = relative === null ? null : normalize(join(dir, relative));
    let ok = false;
    if (file && (file + sep).startsWith(dir + sep) && !relative!.endsWith('/')) {
      try {
        ok = statSync(file).isFile();
      } catch {
        ok = false; // missing: answered with 404 below
      }
    }
    if (!file || !ok) {
      notFound.push(pathname);
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    notFound,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
