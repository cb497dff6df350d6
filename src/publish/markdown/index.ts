export { publishMarkdown, writeArticle, formatReadme } from './writer.ts';
export type { MarkdownPublishOptions, MarkdownPublishResult, MarkdownSource } from './writer.ts';
export * from './format.ts';
