// Extraction quality and speed over testdata/: precision/recall (quality.ts) with the source's selectors and
// with Readability alone, and the time per page. Run: node --import tsx src/extract/quality.bench.ts
import { PAGE_CASES, readTestdata } from './article-pages.ts';
import { extractArticle } from './extract.ts';
import { measure } from './quality.ts';
import { selectorsFor } from './selectors.ts';

const f = (n: number): string => n.toFixed(3).padStart(9);
const rows = ['page                                          units  precision     recall  ms | Readability alone: precision recall'];
for (const c of PAGE_CASES) {
  const html = readTestdata(`${c.name}.html`);
  const expected = readTestdata(`${c.name}.expected.txt`);
  const t0 = performance.now();
  const got = extractArticle(html, { url: c.url, selectors: c.selectors ?? (c.source === null ? undefined : selectorsFor(c.source)) });
  const ms = performance.now() - t0;
  const q = measure(expected, got.text);
  const alone = c.source === null && !c.selectors ? null : measure(expected, extractArticle(html, { url: c.url }).text);
  rows.push(
    `${c.name.padEnd(44)} ${String(q.expectedUnits).padStart(6)} ${f(q.precision)} ${f(q.recall)} ${ms.toFixed(0).padStart(4)} | ${alone ? `${f(alone.precision)} ${f(alone.recall)}` : '   (no selectors)'}`,
  );
}
console.log(rows.join('\n'));
