// Test support for the fetch tests: loopback HTTP servers (port 0 on 127.0.0.1, closed by the test that
// opened them), a fetcher that records its sleeps, and an assertion for FetchError kinds.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher } from './client.ts';
import { FetchError, type FetchErrorKind, type Fetcher, type FetcherOptions } from './types.ts';

export interface TestServer {
  server: Server;
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Requests seen so far (headers as Node parsed them). */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function startServer(handler: (req: IncomingMessage, res: ServerResponse, index: number) => void): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res, requests.length - 1);
  });
  return listen(server, requests);
}

export async function listen(server: Server, requests: IncomingMessage[] = []): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Handlers that hang on purpose keep sockets open; end them so close() can finish.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A fetcher that never really waits: sleeps are recorded, jitter is 0. */
export function testFetcher(overrides: Partial<FetcherOptions> = {}): { fetcher: Fetcher; sleeps: number[] } {
  const sleeps: number[] = [];
  const fetcher = createFetcher({
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...overrides,
  });
  return { fetcher, sleeps };
}

/** Assert the promise rejects with a FetchError of this kind and a "fetch: " message; return the error. */
export async function rejectsWith(promise: Promise<unknown>, kind: FetchErrorKind): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.match(error.message, /^fetch: /);
    return error;
  }
  assert.fail(`expected a FetchError of kind ${kind}`);
}

export interface TestScope {
  serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer>;
  make(overrides?: Partial<FetcherOptions>): { fetcher: Fetcher; sleeps: number[] };
  /** Register anything else to close. */
  defer(close: () => Promise<void>): void;
  /** Close what the current test opened, newest first (fetchers before the servers they talk to). */
  closeAll(): Promise<void>;
}

/** Servers and fetchers a test opens; call closeAll() in afterEach so each test closes its own. */
export function createTestScope(): TestScope {
  let opened: Array<() => Promise<void>> = [];
  return {
    async serve(handler) {
      const server = await startServer(handler);
      opened.push(() => server.close());
      return server;
    },
    make(overrides = {}) {
      const made = testFetcher(overrides);
      opened.push(() => made.fetcher.close());
      return made;
    },
    defer(close) {
      opened.push(close);
    },
    async closeAll() {
      const closers = opened.reverse();
      opened = [];
      for (const close of closers) await close();
    },
  };
}
