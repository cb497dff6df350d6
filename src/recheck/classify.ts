// One re-check, classified once (evidence.ts decides what a series of them means):
//   alive            the page answers 200 and the archived article is recognisable in it (its title or one
//                    of its sentences; page-signals.ts)
//   changed          the page answers 200 but the article is no longer recognisable in it. Worth a look,
//                    never evidence of removal, and never a new revision: a page's markup is not comparable
//                    with the feed's HTML, so revisions come from the feed (or a page extraction) only
//   gone             404 or 410 (RFC 9110 §15.5.5, §15.5.11), or a "not found" page served with 200
//   redirected-away  redirected to the site's home or a section page instead of the article (a common way
//                    to take an article down without a 404)
//   blocked          401, 403, 451 (RFC 7725), or a firewall / bot-wall page: we were refused, which says
//                    nothing about the article
//   error            network failure, timeout, 5xx, 429, an oversized body: no evidence either way
import { decodeText } from '../fetch/index.ts';
import { FetchError, type FetchResult } from '../fetch/types.ts';
import type { CheckOutcome } from '../store/index.ts';
import { BLOCK_PAGES, matchPage, recognise, SOFT_NOT_FOUND } from './page-signals.ts';

export interface Classification {
  outcome: CheckOutcome;
  httpStatus: number | null;
  finalUrl: string | null;
  detail: string | null;
}

export interface CheckedArticle {
  url: string;
  title: string;
  content: string;
}

const GONE_STATUS = new Set([404, 410]);
const BLOCKED_STATUS = new Set([401, 403, 451]);

export function classifyFailure(error: unknown): Classification {
  if (error instanceof FetchError) {
    const status = error.status;
    if (status !== null && GONE_STATUS.has(status)) return { outcome: 'gone', httpStatus: status, finalUrl: error.url, detail: `HTTP ${status}` };
    if (status !== null && BLOCKED_STATUS.has(status)) {
      return { outcome: 'blocked', httpStatus: status, finalUrl: error.url, detail: `HTTP ${status}` };
    }
    return { outcome: 'error', httpStatus: status, finalUrl: status === null ? null : error.url, detail: `${error.kind}: ${error.message}` };
  }
  return { outcome: 'error', httpStatus: null, finalUrl: null, detail: `internal: ${(error as Error)?.message ?? String(error)}` };
}

export function classifyResponse(response: FetchResult, article: CheckedArticle): Classification {
  const base = { httpStatus: response.status, finalUrl: response.finalUrl };
  if (redirectedAway(article.url, response.finalUrl)) {
    return { ...base, outcome: 'redirected-away', detail: `redirected to ${response.finalUrl}` };
  }
  const type = (response.contentType ?? '').toLowerCase();
  if (type !== '' && !/html|xml|text\//.test(type)) {
    return { ...base, outcome: 'alive', detail: `not a web page (${type}); present` };
  }
  const html = decodeText(response.body, { contentType: response.contentType, kind: 'html' }).text;
  const seen = recognise(html, article);
  if (seen.title || seen.text) return { ...base, outcome: 'alive', detail: seen.title ? null : 'title not found; text found' };
  const block = matchPage(html, BLOCK_PAGES);
  if (block) return { ...base, outcome: 'blocked', detail: `${block.name} block page` };
  const notFound = matchPage(html, SOFT_NOT_FOUND);
  if (notFound) return { ...base, outcome: 'gone', detail: `"not found" page (${notFound.name}) with HTTP ${response.status}` };
  return { ...base, outcome: 'changed', detail: 'neither the title nor the text was found on the page' };
}

/**
 * Whether a redirect took us away from the article: to a different path that is the site root, a
 * one-segment path (`/zhongwen`, `/cn/`) when the article's was deeper, or a parent of the article's
 * path (its section). A redirect to
 * another deep path (a changed slug, http → https, a trailing slash) is followed and judged by content.
 */
export function redirectedAway(requested: string, final: string): boolean {
  let from: URL;
  let to: URL;
  try {
    from = new URL(requested);
    to = new URL(final);
  } catch {
    return false; // unparseable: the fetcher would have failed first
  }
  const segments = (url: URL) => url.pathname.split('/').filter(Boolean);
  const fromPath = segments(from);
  const toPath = segments(to);
  if (to.hostname.replace(/^www\./, '') === from.hostname.replace(/^www\./, '') && toPath.join('/') === fromPath.join('/')) {
    return false;
  }
  if (toPath.length === 0) return true;
  if (toPath.length === 1 && fromPath.length > 1) return true;
  return toPath.length < fromPath.length && toPath.every((segment, index) => segment === fromPath[index]);
}
