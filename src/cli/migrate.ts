// `newsvault migrate --to <postgresql://… | file.sqlite>`: copies the configured store, every table and every id,
// into an empty store of the other engine (store/copy), then checks both ends table by table by row count and
// SHA-256. The search index is not copied: `newsvault reindex` builds it on the new store.
import { resolve } from 'node:path';
import type { Config } from '../config/index.ts';
import { isOtherUrl, isPostgresUrl } from '../config/database.ts';
import { StoreError } from '../store/error.ts';
import { copyStore } from '../store/copy/copy-store.ts';
import { redactUrl } from '../store/postgres/open.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { withOutputLock } from './output-lock.ts';

export interface MigrateOptions {
  to: string;
}

/** The target as copyStore takes it: a postgresql:// URL as written, or a SQLite file relative to the working folder. */
export function migrationTarget(to: string, cwd: string): string {
  return isPostgresUrl(to) ? to : resolve(cwd, to);
}

function shown(database: string): string {
  return isPostgresUrl(database) ? redactUrl(database) : database;
}

export async function migrateCommand(config: Config, options: MigrateOptions, io: CliIo): Promise<number> {
  if (options.to.trim() === '' || isOtherUrl(options.to)) {
    io.stderr(`migrate: --to must be a postgresql:// URL or a SQLite file name, got "${options.to}"\n`);
    return EXIT_USAGE;
  }
  const target = migrationTarget(options.to, io.cwd);
  if (target === config.database) {
    io.stderr(`migrate: --to names the configured store itself (${shown(target)}); name a new, empty one\n`);
    return EXIT_USAGE;
  }
  if (isPostgresUrl(target) === isPostgresUrl(config.database)) {
    const engine = isPostgresUrl(target) ? 'PostgreSQL' : 'SQLite';
    io.stderr(`migrate: the configured store and --to are both ${engine}; migrate copies between SQLite and PostgreSQL\n`);
    return EXIT_USAGE;
  }
  // Under the archive's lock: no `run` or `check` writes the store while it is copied.
  return withOutputLock(config, io, 'migrate', async () => {
    try {
      const tables = await copyStore(config.database, target, {
        onTable: (copy) => io.stderr(`migrate: ${copy.table}: ${copy.rows} rows, sha256 ${copy.sha256.slice(0, 16)}\n`),
      });
      const rows = tables.reduce((sum, table) => sum + table.rows, 0);
      io.stdout(
        `migrate: copied ${rows} rows in ${tables.length} tables from ${shown(config.database)} to ${shown(target)}; ` +
          `row counts and SHA-256 agree on both ends\n` +
          `migrate: to use it, set \`database\` to it in the config (or NEWSVAULT_DATABASE_URL), then run \`newsvault reindex\`\n`,
      );
      return EXIT_OK;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      io.stderr(`${error.message}\n`);
      // A copy that came out different is a failure; everything else (not empty, unreachable, a newer schema) is the operator's to fix.
      return error.kind === 'corrupt' ? EXIT_FAILED : EXIT_USAGE;
    }
  });
}
