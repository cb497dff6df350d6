// The one place a command opens its store: the config's `database` (or NEWSVAULT_DATABASE_URL) is a SQLite file
// or a postgresql:// URL, and the store comes with its search index in the same database. Each engine's
// driver is imported only when it is the one configured.
import { isPostgresUrl } from '../config/database.ts';
import type { SearchIndex } from '../search/types.ts';
import { SOLE_PROCESS, type PublishLock, type SourceLeases } from './lease.ts';
import type { Store } from './types.ts';

export type StoreEngine = 'sqlite' | 'postgresql';

export interface OpenedStore {
  readonly engine: StoreEngine;
  readonly store: Store;
  /** The search index beside the store; closed with it. */
  readonly search: SearchIndex;
  /** Who fetches which source when several processes share the store (PostgreSQL); SOLE_PROCESS for SQLite. */
  readonly leases: SourceLeases;
  /** One publisher at a time among the processes sharing the store (PostgreSQL); null for SQLite, which has one. */
  readonly publishLock: PublishLock | null;
}

export interface OpenStoreOptions {
  /**
   * Nothing through this store can write (a reader beside running cycles): SQLite opens the file read-only;
   * PostgreSQL makes every transaction read-only. Either migrates an older database first.
   */
  readonly?: boolean;
  /** PostgreSQL: connections in the pool. */
  connections?: number;
}

/** Opens and migrates the configured store; StoreError 'open' (a SQLite file) or 'connect' (a server) when it cannot. */
export async function openStore(config: { database: string }, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  if (isPostgresUrl(config.database)) {
    const { PostgresStore } = await import('./postgres/store.ts');
    const store = await PostgresStore.open(config.database, {
      ...(options.connections === undefined ? {} : { max: options.connections }),
      ...(options.readonly ? { readonly: true } : {}),
    });
    return { engine: 'postgresql', store, search: store.searchIndex, leases: store.leases, publishLock: store.publishLock };
  }
  const [{ SqliteStore }, { sqliteSearchIndex }] = await Promise.all([import('./sqlite/store.ts'), import('./sqlite/search-index.ts')]);
  const store = SqliteStore.open(config.database, { readonly: options.readonly ?? false });
  return { engine: 'sqlite', store, search: sqliteSearchIndex(store), leases: SOLE_PROCESS, publishLock: null };
}
