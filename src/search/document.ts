// What the index keeps of an archived article: its current revision as plain text.
import { htmlToText } from './html-text.ts';
import type { SearchDocument } from './types.ts';

/** What of a stored article (the store's Article) the index reads; named here, since the store comes after search. */
export interface IndexedArticle {
  id: number;
  sourceId: string;
  title: string;
  content: string;
  publishedMs: number;
  status: SearchDocument['status'];
}

export function documentOf(article: IndexedArticle): SearchDocument {
  return {
    id: article.id,
    source: article.sourceId,
    title: article.title,
    text: htmlToText(article.content),
    published: article.publishedMs,
    status: article.status,
  };
}
