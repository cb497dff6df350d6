// Reads an archive in the compatible layout into the store: every article becomes its first revision,
// keeps its file number, and later runs continue the numbering below the lowest number found.
//
// Layouts read:
//   articles/<source id>/<number>.md           the compatible layout (DESIGN.md)
//   articles/<source id>/<number>_<title>.md   the same, as the old archive named some BBC files
//   articles/<wordpress id>_<title>.md         the older China Digital Times archive (duty-machine/
//                                              chinadigitaltimes), no source folder: see LEGACY_SOURCE
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cleanArchival } from '../clean/index.ts';
import { join } from 'node:path';
import { readFetchStateFile } from '../archive-format/fetch-state-file.ts';
import { fingerprint, sha256 } from '../revision/fingerprint.ts';
import type { ArchiveWrite, Store } from '../store/index.ts';
import { ArticleFileError, parseArticleFile } from '../archive-format/article-file.ts';
import { firstAddedTimes } from './git-history.ts';

export interface ImportOptions {
  store: Store;
  dir: string;
  /** Known sources (id → name); folders not listed become sources named after the folder. */
  sources: readonly { id: string; name: string; url: string }[];
  now: () => Date;
  /** Where files of the older folder-less layout go (default LEGACY_SOURCE). */
  legacySource?: { id: string; name: string; url: string };
}

export interface ImportResult {
  imported: number;
  /** Files whose number is already in the store. */
  skipped: number;
  errors: string[];
  /** What the archival cleaner removed from a file, one line per file. */
  warnings: string[];
  /**
   * Articles whose stored content is not the file's bytes, because the archival cleaner removed something:
   * whoever marks imported files as published must leave these out, so the next publish rewrites the file
   * with what the store holds (and the manifest's hash of it names a version that git will have).
   */
  cleaned: number[];
  sources: string[];
}

const FILE_NAME = /^(\d+)(?:_.*)?\.md$/;

/**
 * The older CDT archive named files by WordPress post id. Its successor (duty-machine/news) numbered the
 * same posts 0xFFFFF − id (cdt/332719.md is https://chinadigitaltimes.net/chinese/715856.html), so the
 * same conversion keeps one numbering for both and lets the two archives be imported together.
 */
export const LEGACY_SOURCE = { id: 'cdt', name: '中国数字时代', url: '' };
const LEGACY_BASE = 0xfffff;
/** A batch of imported files is written when it holds this much HTML or this many files. */
const BATCH_HTML_CHARS = 4 * 1024 * 1024;
const BATCH_WRITES = 1000;

interface FileEntry {
  name: string;
  path: string;
  number: number;
  /** The file's name when it is not `<number>.md`, kept so lists and links keep pointing at it. */
  fileName?: string;
  /** When git history says the file was first committed. */
  archivedMs?: number;
}

export async function importArchive(options: ImportOptions): Promise<ImportResult> {
  const { dir } = options;
  const articlesDir = join(dir, 'articles');
  const result: ImportResult = { imported: 0, skipped: 0, errors: [], warnings: [], cleaned: [], sources: [] };
  if (!existsSync(articlesDir)) {
    result.errors.push(`import: ${dir} has no articles/ folder`);
    return result;
  }
  const known = new Map(options.sources.map((source) => [source.id, source]));
  const saved = readFetchStateFile(dir);

  const added = firstAddedTimes(dir);
  const loose: FileEntry[] = [];
  for (const name of readdirSync(articlesDir).sort()) {
    const path = join(articlesDir, name);
    if (statSync(path).isDirectory()) {
      const source = known.get(name) ?? { id: name, name, url: saved[name]?.url ?? '' };
      const files = filesIn(path, (n) => n).map((entry) => ({
        ...entry,
        ...(entry.name === `${entry.number}.md` ? {} : { fileName: entry.name }),
        ...(added.has(`articles/${name}/${entry.name}`) ? { archivedMs: added.get(`articles/${name}/${entry.name}`)! } : {}),
      }));
      await importFolder(options, source, files, result);
      continue;
    }
    const match = FILE_NAME.exec(name);
    if (match) loose.push({ name, path, number: Number(match[1]) });
  }
  if (loose.length > 0) {
    const legacy = options.legacySource ?? known.get(LEGACY_SOURCE.id) ?? LEGACY_SOURCE;
    const converted = loose
      .filter((entry) => entry.number < LEGACY_BASE)
      .map((entry) => ({ ...entry, number: LEGACY_BASE - entry.number }))
      .sort((a, b) => b.number - a.number);
    for (const entry of loose.filter((e) => e.number >= LEGACY_BASE)) {
      result.errors.push(`import: ${entry.path}: post id ${entry.number} is too large to number`);
    }
    await importFolder(options, legacy, converted, result);
  }

  // Restore conditional-request validators saved in the archive.
  const nowMs = options.now().getTime();
  for (const [sourceId, state] of Object.entries(saved)) {
    const current = await options.store.getFetchState(sourceId);
    if (!current) continue;
    await options.store.saveFetchState({
      ...current,
      url: state.url,
      configuredUrl: state.configuredUrl,
      etag: state.etag,
      lastModified: state.lastModified,
      lastSuccessMs: current.lastSuccessMs ?? nowMs,
    });
    // Each feed's own validators (a fallback's are never sent to the primary) and its items' dates.
    for (const [url, feed] of Object.entries(state.feeds ?? {})) {
      await options.store.saveFeedState({
        sourceId,
        url,
        etag: feed.etag,
        lastModified: feed.lastModified,
        lastAttemptMs: null,
        lastSuccessMs: nowMs,
        consecutiveFailures: 0,
        lastError: null,
        newestItemMs: feed.newestItemMs,
        medianIntervalMs: feed.medianIntervalMs,
      });
    }
    if (state.health) await options.store.saveSourceHealth({ ...state.health, sourceId });
  }
  return result;
}

/** Article files of a folder, highest number (oldest article) first: numbers compared as numbers, never as names. */
function filesIn(folder: string, number: (n: number) => number): FileEntry[] {
  return readdirSync(folder)
    .map((name) => ({ name, match: FILE_NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({ name, path: join(folder, name), number: number(Number(match[1])) }))
    .sort((a, b) => b.number - a.number);
}

async function importFolder(
  options: ImportOptions,
  source: { id: string; name: string; url: string },
  files: readonly FileEntry[],
  result: ImportResult,
): Promise<void> {
  const { store } = options;
  const sourceId = source.id;
  await store.syncSources([source]);
  if (!result.sources.includes(sourceId)) result.sources.push(sourceId);
  const seenMs = options.now().getTime();

  // Written in batches, each one transaction: memory stays bounded by the batch however large the folder.
  // A batch's reads come before its writes, so what the batch itself takes is kept here.
  let batch: ArchiveWrite[] = [];
  let batchChars = 0;
  const taken = { numbers: new Set<number>(), keys: new Set<string>() };
  // Per article write of the batch, in order: whether the archival cleaner changed the file's HTML.
  let cleanedInBatch: boolean[] = [];
  const flush = async () => {
    if (batch.length > 0) {
      const written = await store.writeArchive(batch);
      written.articles.forEach((article, index) => {
        if (cleanedInBatch[index]) result.cleaned.push(article.id);
      });
    }
    batch = [];
    cleanedInBatch = [];
    batchChars = 0;
    taken.numbers.clear();
    taken.keys.clear();
  };
  for (const { path, number, fileName, archivedMs } of files) {
    try {
      if (taken.numbers.has(number) || (await store.getArticleByNumber(sourceId, number))) {
        result.skipped++;
        continue;
      }
      const file = parseArticleFile(readFileSync(path, 'utf8'), path);
      // An imported article goes through the archival cleaner like a fetched one: the old archive's files
      // were written by other tools (the old one kept e.g. iframes), and what the store holds is served by
      // the reader and published again. The fingerprint is of the same cleaned HTML, so seeing the article
      // in a feed again compares like with like and does not make a revision of the cleaning.
      const cleaned = cleanArchival(file.html);
      const content = { content: cleaned.html, sha256: sha256(cleaned.html), fingerprint: fingerprint(cleaned.html) };
      if (cleaned.removed.length > 0) result.warnings.push(`import: ${path}: removed ${cleaned.removed.join(', ')}`);
      let key = file.url ? `url:${file.url}` : `file:${sourceId}/${number}`;
      // The old archive sometimes wrote one URL twice. The second file stays its own article, so that its
      // number stays taken and a later run never writes another article over it.
      if (taken.keys.has(key) || (await store.findArticleByKey(sourceId, key))) key = `file:${sourceId}/${number}`;
      // A file without the timestamp comment (or the older layout's 日期 line): the file's time is the
      // best date left.
      const publishedMs = Math.round(file.publishedMs ?? statSync(path).mtimeMs);
      batch.push({
        kind: 'article',
        article: {
          sourceId,
          key,
          number,
          ...(fileName ? { fileName } : {}),
          url: file.url,
          title: file.title,
          author: null,
          publishedMs,
          ...content,
          seenMs: archivedMs ?? seenMs,
          seenWhere: 'import',
        },
      });
      // The cleaner's one-line policy alone turns a multi-line body into a different string too.
      cleanedInBatch.push(cleaned.html !== file.html);
      taken.numbers.add(number);
      taken.keys.add(key);
      batchChars += file.html.length;
      result.imported++;
    } catch (error) {
      // Unreadable, but the file is there: its number must never go to a new article written over it.
      batch.push({ kind: 'reserve', sourceId, number });
      result.errors.push(error instanceof ArticleFileError ? error.message : `import: ${path}: ${(error as Error).message}`);
    }
    if (batchChars >= BATCH_HTML_CHARS || batch.length >= BATCH_WRITES) await flush();
  }
  await flush();
}
