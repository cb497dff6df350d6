// The CLI's table: one line per hit, date in UTC+8 (as the archive's lists), source, title, plain snippet.
import type { SearchResult } from './types.ts';
import { formatUtc8 } from '../time/utc8.ts';


/** Display width: CJK and other wide characters take two terminal columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** Cuts to at most `width` columns (ending in … when cut) and pads with spaces to exactly `width`. */
export function fit(s: string, width: number): string {
  let out = '';
  let w = 0;
  const chars = [...s];
  const total = displayWidth(s);
  for (const ch of chars) {
    const cw = displayWidth(ch);
    if (w + cw > (total > width ? width - 1 : width)) {
      out += '…';
      w += 1;
      break;
    }
    out += ch;
    w += cw;
  }
  return out + ' '.repeat(Math.max(0, width - w));
}

const dateUtc8 = formatUtc8;

function plain(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A fixed-width table for a terminal; the last line says how many matched and how long it took. */
export function formatResultsTable(result: SearchResult, options: { titleWidth?: number; snippetWidth?: number } = {}): string {
  const titleWidth = options.titleWidth ?? 40;
  const snippetWidth = options.snippetWidth ?? 60;
  const lines = [`${fit('date (UTC+8)', 16)}  ${fit('source', 12)}  ${fit('title', titleWidth)}  snippet`];
  for (const hit of result.hits) {
    const removed = hit.status === 'removed' ? '[removed] ' : '';
    lines.push(
      [
        dateUtc8(hit.published),
        fit(hit.source, 12),
        fit(removed + hit.title.replace(/\s+/g, ' '), titleWidth),
        fit(plain(hit.snippet), snippetWidth).trimEnd(),
      ].join('  '),
    );
  }
  const total = result.total === null ? `${result.totalAtLeast.toLocaleString('en')}+` : String(result.total);
  const note = result.truncated ? ' (time limit reached: results may be incomplete)' : '';
  lines.push(`${total} matches, ${result.hits.length} shown, ${result.tookMs.toFixed(1)} ms${note}`);
  return lines.join('\n') + '\n';
}
