// Rebuilds the store from the archive alone when the archive has a manifest (.newsvault/manifest/):
// every article with every revision (content from git history, metadata from the manifest), in the
// order they were first archived, and every status event. Files the manifest does not know (the old
// archive's) are imported by importArchive afterwards, which skips the numbers already taken.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { manifestMonths, manifestPath, parseManifest, type RevisionLine } from '../publish/manifest/index.ts';
import type { SeenWhere, Store } from '../store/index.ts';
import { parseArticleFile } from './article-file.ts';
import { articleVersions } from './git-versions.ts';
import { sha256 } from '../revision/fingerprint.ts';

export interface RebuildResult {
  articles: number;
  revisions: number;
  statusEvents: number;
  errors: string[];
}

export function rebuildFromManifest(input: {
  store: Store;
  dir: string;
  sources: readonly { id: string; name: string; url: string }[];
}): RebuildResult | null {
  const months = manifestMonths(input.dir);
  if (months.length === 0) return null;
  const { store } = input;
  const result: RebuildResult = { articles: 0, revisions: 0, statusEvents: 0, errors: [] };
  const versions = articleVersions(input.dir);
  const known = new Map(input.sources.map((source) => [source.id, source]));
  const synced = new Set<string>();
  const ids = new Map<string, number>();

  const contentOf = (line: RevisionLine): string | null => {
    const found = versions.get(line.path)?.find((version) => version.sha256 === line.sha256);
    if (found) return found.html;
    // Not committed yet (a run whose commit failed): the file on disk may hold it.
    try {
      const html = parseArticleFile(readFileSync(join(input.dir, line.path), 'utf8'), line.path).html;
      return sha256(html) === line.sha256 ? html : null;
    } catch {
      return null;
    }
  };

  store.transaction(() => {
    for (const month of months) {
      const path = manifestPath(month);
      const { lines } = parseManifest(readFileSync(join(input.dir, path), 'utf8'), path);
      for (const line of lines) {
        const where = `${line.source}/${line.number}`;
        if (line.type === 'status') {
          const id = ids.get(where);
          if (id === undefined) continue;
          store.setStatus(id, line.kind === 'removed' ? 'removed' : 'live', Date.parse(line.at));
          result.statusEvents++;
          continue;
        }
        if (line.type !== 'revision') continue;
        if (!synced.has(line.source)) {
          store.syncSources([known.get(line.source) ?? { id: line.source, name: line.source, url: '' }]);
          synced.add(line.source);
        }
        const content = contentOf(line);
        if (content === null) {
          result.errors.push(`import: ${path}: revision ${line.seq} of ${line.path} (sha256 ${line.sha256.slice(0, 12)}…) is not in the git history`);
          continue;
        }
        const revision = {
          title: line.title,
          url: line.url,
          content,
          sha256: line.sha256,
          fingerprint: line.fingerprint,
          seenMs: Date.parse(line.archivedAt),
          seenWhere: line.seenWhere as SeenWhere,
        };
        const id = ids.get(where);
        if (id === undefined) {
          const name = basename(line.path);
          const article = store.insertArticle({
            ...revision,
            sourceId: line.source,
            key: line.key,
            number: line.number,
            ...(name === `${line.number}.md` ? {} : { fileName: name }),
            author: line.author,
            publishedMs: line.publishedMs,
          });
          ids.set(where, article.id);
          result.articles++;
        } else {
          store.addRevision(id, revision);
        }
        result.revisions++;
      }
    }
  });
  return result;
}
