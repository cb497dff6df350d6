// Runs the reader on a real socket. Loopback by default: the reader is a local tool, and anything wider
// is the user's explicit choice (--host).
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createReaderApp, type ReaderOptions } from './app.ts';

export interface StartReaderOptions extends ReaderOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
}

export interface RunningReader {
  url: string;
  close: () => Promise<void>;
}

export function startReader(options: StartReaderOptions): Promise<RunningReader> {
  const { port, host = '127.0.0.1', ...readerOptions } = options;
  const app = createReaderApp(readerOptions);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      server.off('error', reject);
      const hostPart = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${hostPart}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            // Keep-alive connections (a browser's) would hold close() open; end them.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
    server.once('error', reject);
  });
}
