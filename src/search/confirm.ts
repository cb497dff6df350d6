// Confirming candidates: the index (detail=none) knows that a document holds 习近 and 近平, not that it
// holds 习近平. A candidate passes when every multi-token term occurs in its title or text and no
// multi-token excluded term does. Single-token terms were decided exactly by the index (match.ts).
import { exact } from './match.ts';
import { termRegExp } from './pattern.ts';
import type { ParsedQuery } from './types.ts';

export interface Confirmer {
  accepts(title: string, text: string): boolean;
}

/** A confirmer for the query, or null when the index alone answers it (no candidate needs reading). */
export function confirmer(query: ParsedQuery): Confirmer | null {
  const required = query.terms.filter((t) => !exact(t)).map(termRegExp).filter((r): r is RegExp => r !== null);
  const refused = query.excluded.filter((t) => !exact(t)).map(termRegExp).filter((r): r is RegExp => r !== null);
  if (required.length === 0 && refused.length === 0) return null;
  return {
    accepts(title, text) {
      for (const r of required) if (!r.test(title) && !r.test(text)) return false;
      for (const r of refused) if (r.test(title) || r.test(text)) return false;
      return true;
    },
  };
}
