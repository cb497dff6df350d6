// Confirming candidates: the index (detail=none) knows that a document holds 习近 and 近平, not that it
// holds 习近平. A candidate passes when every multi-token term occurs in its title or text and no
// multi-token excluded term does. Single-token terms were decided exactly by the index (match.ts).
// Terms that are one CJK run are confirmed inside SQLite with GLOB (cheap); others (Latin phrases,
// mixed runs such as COVID-19疫苗) in JavaScript with a regular expression over the text.
import { exact } from './match.ts';
import { termGlob, termRegExp } from './pattern.ts';
import type { ParsedQuery } from './types.ts';

export interface Confirmation {
  /** SQL conditions on d.title / d.text, and their parameters, ANDed into the candidate query. */
  sql: string[];
  params: string[];
  /** Checks SQLite cannot do; null when none (then no candidate's text reaches JavaScript). */
  accepts: ((title: string, text: string) => boolean) | null;
}

export function confirmation(query: ParsedQuery): Confirmation {
  const sql: string[] = [];
  const params: string[] = [];
  const required: RegExp[] = [];
  const refused: RegExp[] = [];
  for (const [terms, wanted] of [
    [query.terms, true],
    [query.excluded, false],
  ] as const) {
    for (const term of terms) {
      if (exact(term)) continue;
      const glob = termGlob(term);
      if (glob !== null) {
        sql.push(wanted ? '(d.title GLOB ? OR d.text GLOB ?)' : 'NOT (d.title GLOB ? OR d.text GLOB ?)');
        params.push(glob, glob);
        continue;
      }
      const re = termRegExp(term);
      if (re !== null) (wanted ? required : refused).push(re);
    }
  }
  const accepts = textCheck(required, refused);
  return { sql, params, accepts };
}

/** Every `required` pattern in the title or text, no `refused` one in either; null when there is nothing to check. */
export function textCheck(required: readonly RegExp[], refused: readonly RegExp[]): Confirmation['accepts'] {
  if (required.length === 0 && refused.length === 0) return null;
  return (title, text) => {
    for (const r of required) if (!r.test(title) && !r.test(text)) return false;
    for (const r of refused) if (r.test(title) || r.test(text)) return false;
    return true;
  };
}
