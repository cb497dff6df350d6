// A loopback HTTP server for the bundled sample feeds, so `newsvault demo` works without internet.
// It answers conditional requests like a real feed host, so a second demo run shows 304s.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DemoServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** File names served under /feeds/. */
  feeds: string[];
  close(): Promise<void>;
}

/** The package's demo/ folder, found the same way from src/ (tsx) and from dist/cli/ (bundled). */
export function demoDir(): string {
  return fileURLToPath(new URL('../../demo/', import.meta.url));
}

const TYPES: Record<string, string> = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

export async function startDemoServer(options: { dir?: string; port?: number } = {}): Promise<DemoServer> {
  const dir = options.dir ?? demoDir();
  const files = new Map<string, Buffer>();
  for (const folder of ['feeds', 'pages', 'images']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, folder));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const name of names) files.set(`/${folder}/${name}`, readFileSync(join(dir, folder, name)));
  }
  let base = '';
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const raw = files.get(path);
    if (!raw) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Feeds and pages may refer to the demo host as {{base}}, so links and images stay on loopback.
    const body = TYPES[extname(path)]?.startsWith('image/') ? raw : Buffer.from(raw.toString('utf8').replaceAll('{{base}}', base));
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', etag }).end(body);
  });
  await listen(server, options.port ?? 0).catch(async (error: NodeJS.ErrnoException) => {
    // The preferred port is taken: any free port still works, the archive just sees new URLs.
    if (error.code !== 'EADDRINUSE' || !options.port) throw error;
    await listen(server, 0);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('demo: server has no TCP address');
  base = `http://127.0.0.1:${address.port}`;
  return {
    url: base,
    feeds: [...files.keys()].filter((path) => path.startsWith('/feeds/')).map((path) => path.slice('/feeds/'.length)),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
