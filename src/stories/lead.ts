// The lead of an article for the grouper: the visible text of its HTML (clean/visible-text.ts, the same text
// the search index and the revision diffs read), lines joined, cut well past LEAD_CHARS so the cut falls in
// similarity.ts, the one place that decides how much of the lead counts.
import { visibleText } from '../clean/visible-text.ts';
import { LEAD_CHARS } from './similarity.ts';

export function leadText(html: string): string {
  // Only the opening matters: stop reading long articles early (a generous margin for markup and captions).
  const text = visibleText(html.slice(0, LEAD_CHARS * 40));
  return text.replace(/\s+/g, ' ').trim().slice(0, LEAD_CHARS * 2);
}
