// Rebuilds the store from the archive alone when the archive has a manifest (.newsvault/manifest/):
// every article with every revision (content from git history, metadata from the manifest), in the
// order they were first archived, every status event, re-check and source health event. Files the manifest does not know (the old
// archive's) are imported by importArchive afterwards, which skips the numbers already taken.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { byTime, checkFinalUrl, manifestMonths, manifestPath, parseManifest, type RevisionLine } from '../publish/manifest/index.ts';
import { judge, nextCheckAt } from '../recheck/index.ts';
import type { SeenWhere, Store } from '../store/index.ts';
import { parseArticleFile } from './article-file.ts';
import { articleVersions } from './git-versions.ts';
import { sha256 } from '../revision/fingerprint.ts';

/** How many earlier checks the evidence rule looks at (as recheck/run-rechecks.ts). */
const CHECK_HISTORY = 20;

export interface RebuildResult {
  articles: number;
  revisions: number;
  statusEvents: number;
  checks: number;
  healthEvents: number;
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
  const result: RebuildResult = { articles: 0, revisions: 0, statusEvents: 0, checks: 0, healthEvents: 0, errors: [] };
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

  // Lines of checks and health events a source or an article must exist before: sorted by time, with a
  // revision first on a tie; a month file is in time order except where a run filled in lines a checkout lacked.
  const urls = new Map<number, string | null>();
  const lastChecked = new Map<number, number>();
  const ensureSource = (id: string) => {
    if (synced.has(id)) return;
    store.syncSources([known.get(id) ?? { id, name: id, url: '' }]);
    synced.add(id);
  };
  store.transaction(() => {
    for (const month of months) {
      const path = manifestPath(month);
      const { lines } = parseManifest(readFileSync(join(input.dir, path), 'utf8'), path);
      for (const line of byTime(lines)) {
        if (line.type === 'health') {
          ensureSource(line.source);
          store.recordHealthEvent({ sourceId: line.source, atMs: Date.parse(line.at), kind: line.kind, feedUrl: line.feedUrl, detail: line.detail });
          result.healthEvents++;
          continue;
        }
        const where = `${line.source}/${line.number}`;
        if (line.type === 'status') {
          const id = ids.get(where);
          if (id === undefined) continue;
          store.setStatus(id, line.kind === 'removed' ? 'removed' : 'live', Date.parse(line.at));
          result.statusEvents++;
          continue;
        }
        if (line.type === 'check') {
          const id = ids.get(where);
          if (id === undefined) continue;
          const checkedMs = Date.parse(line.at);
          store.recordCheck({
            articleId: id,
            checkedMs,
            outcome: line.outcome,
            httpStatus: line.httpStatus,
            finalUrl: checkFinalUrl(line, urls.get(id) ?? null),
            detail: line.detail ?? null,
          });
          lastChecked.set(id, Math.max(checkedMs, lastChecked.get(id) ?? 0));
          result.checks++;
          continue;
        }
        if (line.type !== 'revision') continue;
        ensureSource(line.source);
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
          // Version 1 lines do not say where the text came from.
          fetchedUrl: line.fetchedUrl ?? null,
          httpStatus: line.httpStatus ?? null,
          etag: line.etag ?? null,
        };
        let id = ids.get(where);
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
          id = article.id;
          ids.set(where, id);
          result.articles++;
        } else {
          store.addRevision(id, revision);
        }
        urls.set(id, line.url);
        result.revisions++;
      }
    }
    // The re-check schedule goes on from the last check the manifest holds, as it would have.
    for (const [id, checkedMs] of lastChecked) {
      const article = store.getArticle(id);
      if (!article) continue;
      const verdict = judge(article.status, store.listChecks(id, CHECK_HISTORY));
      store.setNextCheck(id, nextCheckAt(article, checkedMs, { suspect: verdict.change === null && verdict.suspect }));
    }
  });
  return result;
}
