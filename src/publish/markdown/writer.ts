// Renders the compatible Markdown archive from the store: article files, per-source lists, README.
// Incremental: only articles whose current revision is unpublished are written, and only the lists of
// sources that changed; a file whose bytes would not change is not touched.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Store } from '../../store/types.ts';
import { makeWrittenDurable, writeFileAtomic, type WriteLog } from '../../files/atomic-write.ts';
import { gitBlobId } from '../blob-id.ts';
import {
  archiveLink,
  articleFilePath,
  formatArticleFile,
  formatList,
  formatRemovedList,
  REMOVED_LIST_PATH,
  REMOVED_LIST_TITLE,
} from '../../archive-format/markdown.ts';

/** Articles read from the store at a time: memory stays flat however many a run added. */
const BATCH = 500;

export interface MarkdownSource {
  id: string;
  name: string;
}

export interface MarkdownPublishOptions {
  store: Store;
  output: string;
  sources: readonly MarkdownSource[];
  listSize: number;
  /** Extra sources whose lists must be rewritten even without new revisions (e.g. a removal). */
  touchedSources?: Iterable<string>;
  log?: WriteLog;
}

export interface MarkdownPublishResult {
  articlesWritten: number;
  listsWritten: number;
  files: string[];
}

export async function publishMarkdown(options: MarkdownPublishOptions): Promise<MarkdownPublishResult> {
  const { store, output } = options;
  const log: WriteLog = options.log ?? { written: [] };
  const before = log.written.length;
  const touched = new Set(options.touchedSources ?? []);
  let articlesWritten = 0;

  // Marked batch by batch, only after the files are on disk: a run killed in between rewrites the rest.
  for (let batch = await store.pendingPublish(BATCH); batch.length > 0; batch = await store.pendingPublish(BATCH, batch.at(-1)!.id)) {
    const published = batch.map((article) => {
      const written = writeArticle(output, article, log);
      if (written.wrote) articlesWritten++;
      touched.add(article.sourceId);
      return { id: article.id, fileBlob: written.blob };
    });
    makeWrittenDurable();
    await store.recordPublished(published);
  }

  let listsWritten = 0;
  const byId = new Map(options.sources.map((source) => [source.id, source]));
  const listBlobs = new Map<string, string>();
  for (const sourceId of touched) {
    const source = byId.get(sourceId) ?? { id: sourceId, name: sourceId };
    const path = listPath(source);
    const content = formatSourceList(source, await store.listLatest(sourceId, options.listSize));
    if (writeFileAtomic(join(output, path), content, log)) listsWritten++;
    listBlobs.set(path, gitBlobId(content));
  }
  makeWrittenDurable();
  await store.recordPublishedFiles(listBlobs);
  const removedList = await writeRemovedList(output, store, byId, log);
  writeFileAtomic(join(output, 'README.md'), formatReadme(options.sources, { removedList }), log);

  return { articlesWritten, listsWritten, files: log.written.slice(before) };
}

/** Writes an article's file; returns whether its bytes changed and the git blob id of what it holds. */
export function writeArticle(output: string, article: Article, log?: WriteLog): { wrote: boolean; blob: string } {
  const content = formatArticleFile({
    publishedMs: article.publishedMs,
    title: article.title,
    url: article.url,
    html: article.content,
  });
  return { wrote: writeFileAtomic(join(output, articleFilePath(article)), content, log), blob: gitBlobId(content) };
}

export function listPath(source: MarkdownSource): string {
  return `lists/${source.name}.md`;
}

function formatSourceList(source: MarkdownSource, articles: readonly Article[]): string {
  const entries = articles.map((article) => ({
    publishedMs: article.publishedMs,
    title: article.title,
    path: archiveLink(articleFilePath(article)),
    removedMs: article.status === 'removed' ? article.statusChangedMs : null,
  }));
  return formatList(source.name, entries);
}

/**
 * `lists/removed.md`, once any article has been removed (an archive that never saw a removal keeps the
 * old layout exactly); it stays, possibly empty, after every removed article is restored.
 * Returns whether the list exists.
 */
async function writeRemovedList(output: string, store: Store, sources: ReadonlyMap<string, MarkdownSource>, log: WriteLog): Promise<boolean> {
  const removed = await store.listRemoved();
  const file = join(output, REMOVED_LIST_PATH);
  if (removed.length === 0 && !existsSync(file)) return false;
  const entries = removed.map((article) => ({
    removedMs: article.statusChangedMs ?? 0,
    sourceName: sources.get(article.sourceId)?.name ?? article.sourceId,
    title: article.title,
    path: archiveLink(articleFilePath(article)),
  }));
  writeFileAtomic(file, formatRemovedList(entries), log);
  return true;
}

export function formatReadme(sources: readonly MarkdownSource[], options: { removedList?: boolean } = {}): string {
  const links = sources.map((source) => `[${source.name}](${archiveLink(`lists/${source.name}.md`)})`);
  if (options.removedList) links.push(`[${REMOVED_LIST_TITLE}](${archiveLink(REMOVED_LIST_PATH)})`);
  return `newsvault\n------\n\n${links.map((link) => `${link}\n\n`).join('')}`;
}
