// One found document as a result line: its title with every match marked and a snippet around the first.
// Both index engines (SQLite here, PostgreSQL in store/postgres) answer with this shape.
import { highlightAll, snippet } from './snippet.ts';
import type { SearchHit } from './types.ts';

export interface MatchedDocument extends Omit<SearchHit, 'titleHtml' | 'snippet'> {
  text: string;
}

export function searchHit(doc: MatchedDocument, pattern: RegExp | null): SearchHit {
  return {
    id: doc.id,
    source: doc.source,
    title: doc.title,
    published: doc.published,
    status: doc.status,
    titleHtml: highlightAll(doc.title, pattern),
    snippet: snippet(doc.text, pattern),
  };
}
