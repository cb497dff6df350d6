// jsdom and Readability, loaded on the first page extracted instead of when this stage is imported:
// loading jsdom alone costs about 1.5 s of CPU, which a cycle whose feeds all answer 304 or carry their
// full text never needs (issue 15: the no-change cycle's CPU counts start-up). Both are CommonJS
// packages, so require() loads them synchronously and extractArticle stays a plain function.
import { createRequire } from 'node:module';

type JsdomModule = typeof import('jsdom');
type ReadabilityModule = typeof import('@mozilla/readability');

const require = createRequire(import.meta.url);
let jsdom: JsdomModule | undefined;
let readability: ReadabilityModule | undefined;

export function loadJsdom(): JsdomModule {
  return (jsdom ??= require('jsdom') as JsdomModule);
}

export function loadReadability(): ReadabilityModule {
  return (readability ??= require('@mozilla/readability') as ReadabilityModule);
}
