// What the index keeps of an archived article: its current revision as plain text.
import type { Article } from '../store/index.ts';
import { htmlToText } from './html-text.ts';
import type { SearchDocument } from './types.ts';

export function documentOf(article: Article): SearchDocument {
  return {
    id: article.id,
    source: article.sourceId,
    title: article.title,
    text: htmlToText(article.content),
    published: article.publishedMs,
    status: article.status,
  };
}
