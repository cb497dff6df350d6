import { readFileSync } from 'node:fs';
import { extractArticle } from './extract.ts';
import { selectorsFor } from './selectors.ts';
const [f, id] = process.argv.slice(2);
const t0 = Date.now();
const r = extractArticle(readFileSync(f!, 'utf8'), { url: 'https://www.example.com/a/b.html', selectors: id ? selectorsFor(id) : undefined });
console.log(Date.now() - t0, 'ms', JSON.stringify({ title: r.title, byline: r.byline, lang: r.lang, warnings: r.warnings }));
console.log(r.text);
if (process.env.HTML) console.log(r.content);
