// Whether an extracted page is an article or a listing (a section front, a tag page, search results): a
// feed item that links to a listing would otherwise be archived as an "article" made of other articles'
// headlines. A listing's main block is mostly links — one headline per teaser — while an article's text
// is almost never linked (on the pages in testdata/ at most 1.4% of the units are link text, in at most
// one link). So: at least MIN_LINKS headline-sized links making at least LINK_SHARE of the text.
import { textUnits } from './fulltext.ts';

/** Links of at least this many units count as headlines (a "more" or "next page" link does not). */
const HEADLINE_UNITS = 4;
const MIN_LINKS = 6;
const LINK_SHARE = 0.3;

export interface PageKind {
  kind: 'article' | 'listing';
  /** Why it was judged a listing, for the warning; null for an article. */
  why: string | null;
}

export function judgePage(container: Element, text: string): PageKind {
  let links = 0;
  let linkUnits = 0;
  for (const a of Array.from(container.querySelectorAll('a'))) {
    const units = textUnits(a.textContent ?? '');
    if (units < HEADLINE_UNITS) continue;
    links += 1;
    linkUnits += units;
  }
  const total = textUnits(text);
  const share = total === 0 ? 0 : linkUnits / total;
  if (links >= MIN_LINKS && share >= LINK_SHARE) {
    return { kind: 'listing', why: `${links} headline links make ${(share * 100).toFixed(0)}% of its text` };
  }
  return { kind: 'article', why: null };
}
