export { publishMarkdown, writeArticle, formatReadme, listPath } from './writer.ts';
export type { MarkdownPublishOptions, MarkdownPublishResult, MarkdownSource } from './writer.ts';
export { reconcileWithCheckout } from './reconcile.ts';
export type { ReconcileResult } from './reconcile.ts';
export * from '../../archive-format/markdown.ts';
