// Reads an archive in the compatible layout into the store: every article becomes its first revision,
// keeps its file number, and later runs continue the numbering below the lowest number found.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, sha256 } from '../revision/fingerprint.ts';
import type { Store } from '../store/index.ts';
import { readFetchStateFile } from '../publish/fetch-state-file.ts';
import { parseArticleFile } from './article-file.ts';

export interface ImportOptions {
  store: Store;
  dir: string;
  /** Known sources (id → name); folders not listed become sources named after the folder. */
  sources: readonly { id: string; name: string; url: string }[];
  now: () => Date;
}

export interface ImportResult {
  imported: number;
  skipped: number;
  errors: string[];
  sources: string[];
}

const FILE_NAME = /^(\d+)(?:_.*)?\.md$/;

export function importArchive(options: ImportOptions): ImportResult {
  const { store, dir } = options;
  const articlesDir = join(dir, 'articles');
  const result: ImportResult = { imported: 0, skipped: 0, errors: [], sources: [] };
  if (!existsSync(articlesDir)) {
    result.errors.push(`import: ${dir} has no articles/ folder`);
    return result;
  }
  const known = new Map(options.sources.map((source) => [source.id, source]));
  const nowMs = options.now().getTime();
  const saved = readFetchStateFile(dir);

  for (const sourceId of readdirSync(articlesDir).sort()) {
    const folder = join(articlesDir, sourceId);
    if (!statSync(folder).isDirectory()) continue;
    const source = known.get(sourceId) ?? { id: sourceId, name: sourceId, url: saved[sourceId]?.url ?? '' };
    store.syncSources([source]);
    result.sources.push(sourceId);

    const files = readdirSync(folder)
      .map((name) => ({ name, match: FILE_NAME.exec(name) }))
      .filter((entry) => entry.match !== null)
      .sort((a, b) => Number(b.match![1]) - Number(a.match![1]));
    store.transaction(() => {
      for (const { name, match } of files) {
        const path = join(folder, name);
        try {
          const file = parseArticleFile(readFileSync(path, 'utf8'), path);
          const number = Number(match![1]);
          const key = file.url ? `url:${file.url}` : `file:${sourceId}/${name}`;
          if (store.findArticleByKey(sourceId, key) || store.getArticleByNumber(sourceId, number)) {
            result.skipped++;
            continue;
          }
          const publishedMs = file.publishedMs ?? statSync(path).mtimeMs;
          store.insertArticle({
            sourceId,
            key,
            number,
            url: file.url,
            title: file.title,
            author: null,
            publishedMs: Math.round(publishedMs),
            content: file.html,
            sha256: sha256(file.html),
            fingerprint: fingerprint(file.html),
            seenMs: nowMs,
            seenWhere: 'import',
          });
          result.imported++;
        } catch (error) {
          result.errors.push((error as Error).message);
        }
      }
    });
  }

  // Restore conditional-request validators saved in the archive.
  for (const [sourceId, state] of Object.entries(saved)) {
    const current = store.getFetchState(sourceId);
    if (!current) continue;
    store.saveFetchState({
      ...current,
      url: state.url,
      configuredUrl: state.configuredUrl,
      etag: state.etag,
      lastModified: state.lastModified,
      lastSuccessMs: current.lastSuccessMs ?? nowMs,
    });
  }
  return result;
}
