// `newsvault import DIR`: reads an archive in the compatible layout into the store.
import { resolve } from 'node:path';
import type { Config } from '../config/index.ts';
import { importArchive } from '../import/index.ts';
import { SqliteStore } from '../store/index.ts';
import type { CliIo } from './io.ts';

export function importCommand(dir: string, config: Config, io: CliIo): number {
  const store = SqliteStore.open(config.database);
  try {
    store.syncSources(config.sources.map(({ id, name, url }) => ({ id, name, url })));
    const from = resolve(io.cwd, dir);
    const result = importArchive({ store, dir: from, sources: config.sources, now: io.now });
    // Importing the output folder itself: its files are already exactly what was imported, so the next
    // run must not rewrite them with today's formatting.
    if (from === resolve(config.output)) store.markAllPublished();
    for (const error of result.errors) io.stderr(`${error}\n`);
    io.stdout(
      `imported ${result.imported} articles from ${result.sources.length} sources (${result.sources.join(', ')}); ` +
        `${result.skipped} already in the store\n`,
    );
    return result.errors.length > 0 ? 1 : 0;
  } finally {
    store.close();
  }
}
