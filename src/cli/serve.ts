// `newsvault serve [--port N] [--host H]`: the local web reader over the configured store, SQLite or PostgreSQL
// (openStore). Before serving it brings the search index up to date (one read-write connection, closed again);
// the reader itself reads through a read-only store (a read-only SQLite connection; read-only transactions on
// PostgreSQL), so no request can change the archive even by mistake, and cycles, and other readers on the same
// PostgreSQL database, may run at the same time.
import { existsSync } from 'node:fs';
import type { Config } from '../config/index.ts';
import { isPostgresUrl } from '../config/database.ts';
import { join } from 'node:path';
import { MEDIA_DIR } from '../publish/media-links.ts';
import { startReader } from '../serve/index.ts';
import { openStore } from '../store/open-store.ts';
import { CliError, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { reindexStore } from './reindex.ts';

export interface ServeOptions {
  port?: string;
  host?: string;
  /** Resolves when the server should stop; default: SIGINT or SIGTERM. */
  until?: Promise<void>;
  /** Called with the reader's URL once it listens (tests use it). */
  onListening?: (url: string) => void;
}

export const DEFAULT_PORT = 8080;

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Rebuilds the index when it is missing, from another version, or holds a different number of articles. */
async function prepareIndex(config: Config, io: CliIo): Promise<void> {
  const { store, search } = await openStore(config);
  try {
    const { needsReindex } = await search.prepare();
    const articles = await store.countArticles();
    if (!needsReindex && (await search.count()) === articles) return;
    io.stderr(`serve: building the search index for ${articles} articles…\n`);
    const count = await reindexStore(store, search);
    io.stderr(`serve: indexed ${count} articles\n`);
  } finally {
    await store.close();
  }
}

export async function serveCommand(config: Config, options: ServeOptions, io: CliIo): Promise<number> {
  const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
  if (!/^\d{1,5}$/.test(options.port ?? String(DEFAULT_PORT)) || port > 65535) {
    io.stderr(`serve: --port must be a number from 0 to 65535, got "${options.port}"\n`);
    return EXIT_USAGE;
  }
  if (!isPostgresUrl(config.database) && !existsSync(config.database)) {
    io.stderr(`serve: no database at ${config.database}; run \`newsvault run\` or \`newsvault import DIR\` first\n`);
    return EXIT_USAGE;
  }
  await prepareIndex(config, io);

  const host = options.host ?? '127.0.0.1';
  const { store, search } = await openStore(config, { readonly: true });
  try {
    const reader = await startReader({
      store,
      search,
      port,
      host,
      now: io.now,
      mediaDir: join(config.output, MEDIA_DIR),
      logError: (error) => io.stderr(`serve: ${(error as Error).stack ?? String(error)}\n`),
    }).catch((error: unknown) => {
      throw listenError(error, host, port);
    });
    io.stdout(`newsvault reader at ${reader.url}/  (Ctrl-C stops it)\n`);
    options.onListening?.(reader.url);
    await (options.until ?? untilSignal());
    await reader.close();
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

/** Why the reader could not listen, as one line that says what to do; anything unforeseen passes through. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const at = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  switch (code) {
    case 'EADDRINUSE':
      return new CliError(`serve: ${at} is already in use (another reader?); choose another port with --port N, or --port 0 for any free one`, EXIT_USAGE, { cause: error });
    case 'EACCES':
      return new CliError(`serve: not allowed to listen on ${at} (ports below 1024 need privileges); choose --port 1024 or higher`, EXIT_USAGE, { cause: error });
    case 'EADDRNOTAVAIL':
      return new CliError(`serve: ${host} is not an address of this machine; use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)`, EXIT_USAGE, { cause: error });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return new CliError(`serve: --host ${host} is not an address or a name this machine can resolve; use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)`, EXIT_USAGE, { cause: error });
    default:
      return error;
  }
}
