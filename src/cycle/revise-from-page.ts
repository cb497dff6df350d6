// A re-check fetches an article's page anyway; for sources whose archived text came from that page,
// the same page shows whether the outlet edited the article. Same path as the first time: extract,
// clean, fingerprint; only a different fingerprint stores a revision (seen at 'recheck').
import type { Source } from '../config/index.ts';
import type { RecheckedPage } from '../recheck/index.ts';
import type { CheckTarget, Store } from '../store/index.ts';
import type { ContentPipeline } from './content.ts';
import { itemStages } from './item-stages.ts';

export function createPageReviser(deps: {
  store: Store;
  content: ContentPipeline;
  sources: readonly Source[];
  now: () => Date;
  imageProxy?: string;
}): (article: CheckTarget, page: RecheckedPage) => Promise<boolean> {
  const byId = new Map(deps.sources.map((source) => [source.id, source]));
  return async (article, page) => {
    const source = byId.get(article.sourceId);
    // Feed-sourced text cannot be compared with a page's: only page-sourced articles are revised here.
    if (!source || (article.seenWhere !== 'page' && article.seenWhere !== 'recheck')) return false;
    const prepared = await deps.content.fromPage(page, source);
    if (prepared === null) return false;
    const { cleanArchival, fingerprint, sha256 } = await itemStages();
    const cleaned = cleanArchival(prepared.html).html;
    const print = fingerprint(cleaned, deps.imageProxy ? { proxyTemplates: [deps.imageProxy] } : {});
    if (print === article.fingerprint) return false;
    const finished = await deps.content.finish(cleaned, { url: article.url }, source);
    await deps.store.addRevision(article.id, {
      title: article.title,
      url: article.url,
      content: finished.html,
      sha256: sha256(finished.html),
      fingerprint: print,
      seenMs: deps.now().getTime(),
      seenWhere: 'recheck',
      // The re-check's own response, whatever the content pipeline says.
      fetchedUrl: page.finalUrl,
      httpStatus: page.status,
      etag: page.etag,
    });
    return true;
  };
}
