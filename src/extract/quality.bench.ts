// Extraction quality and speed over testdata/: precision/recall/F1 (quality.ts) per page, with the source's
// selectors and with Readability alone, then overall (mean over pages and pooled units).
// Run: node --import tsx src/extract/quality.bench.ts
import { PAGE_CASES, readTestdata } from './article-pages.ts';
import { extractArticle } from './extract.ts';
import { measure, summarize } from './quality.ts';
import type { Quality, Summary } from './quality.ts';
import { selectorsFor } from './selectors.ts';

const f = (n: number): string => n.toFixed(3).padStart(9);
const rows = ['page                                          units precision    recall        F1   ms | Readability alone: precision recall F1'];
const withSelectors: Quality[] = [];
const alone: Quality[] = [];
for (const c of PAGE_CASES) {
  const html = readTestdata(`${c.name}.html`);
  const expected = readTestdata(`${c.name}.expected.txt`);
  const t0 = performance.now();
  const got = extractArticle(html, { url: c.url, selectors: c.selectors ?? (c.source === null ? undefined : selectorsFor(c.source)) });
  const ms = performance.now() - t0;
  const q = measure(expected, got.text);
  const a = c.source === null && !c.selectors ? q : measure(expected, extractArticle(html, { url: c.url }).text);
  withSelectors.push(q);
  alone.push(a);
  rows.push(
    `${c.name.padEnd(44)} ${String(q.expectedUnits).padStart(6)}${f(q.precision)} ${f(q.recall)} ${f(q.f1)} ${ms.toFixed(0).padStart(4)} | ${
      c.source === null && !c.selectors ? '   (no selectors: same)' : `${f(a.precision)} ${f(a.recall)} ${f(a.f1)}`
    }`,
  );
}
const line = (name: string, s: Summary): string =>
  `${name.padEnd(32)} mean P ${s.mean.precision.toFixed(3)} R ${s.mean.recall.toFixed(3)} F1 ${s.mean.f1.toFixed(3)} | pooled P ${s.pooled.precision.toFixed(3)} R ${s.pooled.recall.toFixed(3)} F1 ${s.pooled.f1.toFixed(3)}`;
rows.push('', `overall over ${PAGE_CASES.length} pages`, line('with selectors', summarize(withSelectors)), line('Readability alone', summarize(alone)));
console.log(rows.join('\n'));
