// Rebuilds the store from the archive alone when the archive has a manifest (.newsvault/manifest/):
// every article with every revision (content from git history, metadata from the manifest), in the
// order they were first archived, every status event, re-check and source health event. Files the manifest does not know (the old
// archive's) are imported by importArchive afterwards, which skips the numbers already taken.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { byTime, checkFinalUrl, manifestPath, parseManifest, type RevisionLine } from '../archive-format/manifest.ts';
import { manifestMonths } from '../archive-format/manifest-months.ts';
import { judge, nextCheckAt } from '../recheck/index.ts';
import type { ArchiveWrite, ArticlePlace, ArticleStatus, CheckOutcome, SeenWhere, Store } from '../store/index.ts';
import { parseArticleFile } from '../archive-format/article-file.ts';
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

export async function rebuildFromManifest(input: {
  store: Store;
  dir: string;
  sources: readonly { id: string; name: string; url: string }[];
}): Promise<RebuildResult | null> {
  const months = manifestMonths(input.dir);
  if (months.length === 0) return null;
  const { store } = input;
  const result: RebuildResult = { articles: 0, revisions: 0, statusEvents: 0, checks: 0, healthEvents: 0, errors: [] };
  const versions = articleVersions(input.dir);
  const known = new Map(input.sources.map((source) => [source.id, source]));
  const synced = new Set<string>();

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
  // Everything is written in one batch (one transaction); what the store would be asked back (an article's
  // status, its checks) is kept here as the batch is built.
  const writes: ArchiveWrite[] = [];
  const articles = new Map<string, { place: ArticlePlace; status: ArticleStatus; publishedMs: number; firstSeenMs: number; url: string | null }>();
  const checks = new Map<string, { checkedMs: number; outcome: CheckOutcome }[]>();
  const lastChecked = new Map<string, number>();
  const ensureSource = (id: string) => {
    if (synced.has(id)) return;
    sources.push(known.get(id) ?? { id, name: id, url: '' });
    synced.add(id);
  };
  const sources: { id: string; name: string; url: string }[] = [];
  for (const month of months) {
    const path = manifestPath(month);
    const { lines } = parseManifest(readFileSync(join(input.dir, path), 'utf8'), path);
    for (const line of byTime(lines)) {
      if (line.type === 'health') {
        ensureSource(line.source);
        writes.push({ kind: 'health', event: { sourceId: line.source, atMs: Date.parse(line.at), kind: line.kind, feedUrl: line.feedUrl, detail: line.detail } });
        result.healthEvents++;
        continue;
      }
      const where = `${line.source}/${line.number}`;
      if (line.type === 'status') {
        const article = articles.get(where);
        if (article === undefined) continue;
        article.status = line.kind === 'removed' ? 'removed' : 'live';
        writes.push({ kind: 'status', article: article.place, status: article.status, atMs: Date.parse(line.at) });
        result.statusEvents++;
        continue;
      }
      if (line.type === 'check') {
        const article = articles.get(where);
        if (article === undefined) continue;
        const checkedMs = Date.parse(line.at);
        writes.push({
          kind: 'check',
          article: article.place,
          check: { checkedMs, outcome: line.outcome, httpStatus: line.httpStatus, finalUrl: checkFinalUrl(line, article.url), detail: line.detail ?? null },
        });
        const list = checks.get(where) ?? [];
        list.push({ checkedMs, outcome: line.outcome });
        checks.set(where, list);
        lastChecked.set(where, Math.max(checkedMs, lastChecked.get(where) ?? 0));
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
      const article = articles.get(where);
      if (article === undefined) {
        const name = basename(line.path);
        writes.push({
          kind: 'article',
          article: {
            ...revision,
            sourceId: line.source,
            key: line.key,
            number: line.number,
            ...(name === `${line.number}.md` ? {} : { fileName: name }),
            author: line.author,
            publishedMs: line.publishedMs,
          },
        });
        const place = { sourceId: line.source, number: line.number };
        articles.set(where, { place, status: 'live', publishedMs: line.publishedMs, firstSeenMs: revision.seenMs, url: line.url });
        result.articles++;
      } else {
        writes.push({ kind: 'revision', article: article.place, revision });
        article.url = line.url;
      }
      result.revisions++;
    }
  }
  // The re-check schedule goes on from the last check the manifest holds, as it would have: the evidence
  // rule sees the newest CHECK_HISTORY checks, newest first (the store's order: by time, then as recorded).
  for (const [where, checkedMs] of lastChecked) {
    const article = articles.get(where)!;
    const history = checks
      .get(where)!
      .map((check, index) => ({ ...check, index }))
      .sort((a, b) => b.checkedMs - a.checkedMs || b.index - a.index)
      .slice(0, CHECK_HISTORY);
    const verdict = judge(article.status, history);
    writes.push({ kind: 'next-check', article: article.place, atMs: nextCheckAt(article, checkedMs, { suspect: verdict.change === null && verdict.suspect }) });
  }
  if (sources.length > 0) await store.syncSources(sources);
  await store.writeArchive(writes);
  return result;
}
