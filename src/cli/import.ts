// `newsvault import DIR`: reads an archive in the compatible layout into the store, and indexes it for search.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config/index.ts';
import { importArchive } from '../import/index.ts';
import { openStore } from '../store/open-store.ts';
import { EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, type CliIo } from './io.ts';
import { reindexStore } from './reindex.ts';

export async function importCommand(dir: string, config: Config, io: CliIo): Promise<number> {
  const from = resolve(io.cwd, dir);
  // A folder that is not there (or holds no articles/) is a mistake in the command line: nothing is opened.
  if (!statSync(from, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`import: ${from} is not a folder; name the archive folder that holds articles/\n`);
    return EXIT_USAGE;
  }
  if (!statSync(join(from, 'articles'), { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`import: ${from} has no articles/ folder; name the archive folder that holds articles/\n`);
    return EXIT_USAGE;
  }
  const { store, search } = await openStore(config);
  try {
    await store.syncSources(config.sources.map(({ id, name, url }) => ({ id, name, url })));
    const result = await importArchive({ store, dir: from, sources: config.sources, now: io.now });
    // Importing the output folder itself: its files are already exactly what was imported, so the next
    // run must not rewrite them with today's formatting.
    // Except those the archival cleaner changed: their files are rewritten with the cleaned HTML.
    if (from === resolve(config.output)) {
      await store.markAllPublished();
      await store.markUnpublished(result.cleaned);
    }
    // Searchable at once, without a separate `newsvault reindex`.
    const indexed = await reindexStore(store, search);
    for (const line of [...result.warnings, ...result.errors]) io.stderr(`${line}\n`);
    io.stdout(
      `imported ${result.imported} articles from ${result.sources.length} sources (${result.sources.join(', ')}); ` +
        `${result.skipped} already in the store; ${indexed} articles searchable\n`,
    );
    return result.errors.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  } finally {
    await store.close();
  }
}
