// Relevance, computed here rather than by FTS5's bm25: with detail=none FTS5 knows neither how often a
// term occurs in a document nor whether it is in the title. A BM25-shaped score over the candidates'
// text: per term, saturated frequency in the body (k1 = 1.2, b = 0.75) plus a bonus when the title has
// it, weighted by rarity among the candidates (idf). Newest first among equals.
import { termSource } from './pattern.ts';
import type { ParsedQuery } from './types.ts';

const K1 = 1.2;
const B = 0.75;
const TITLE_BONUS = 2;
/** Counting occurrences stops here: the 50th mention of a word adds nothing. */
const TF_CAP = 50;

interface Features {
  key: number;
  length: number;
  /** Per term: occurrences in the body (capped) and whether the title has it. */
  body: number[];
  title: boolean[];
}

export class Ranker {
  private readonly patterns: RegExp[];
  private readonly docs: Features[] = [];

  constructor(query: ParsedQuery) {
    this.patterns = query.terms
      .map((t) => termSource(t))
      .filter((s): s is string => s !== null)
      .map((s) => new RegExp(s, 'gu'));
  }

  add(key: number, title: string, text: string): void {
    const body: number[] = [];
    const inTitle: boolean[] = [];
    for (const p of this.patterns) {
      p.lastIndex = 0;
      let n = 0;
      while (n < TF_CAP && p.exec(text) !== null) n++;
      body.push(n);
      p.lastIndex = 0;
      inTitle.push(p.test(title));
    }
    this.docs.push({ key, length: text.length, body, title: inTitle });
  }

  /** Keys, best first. */
  ranked(): number[] {
    const n = this.docs.length;
    if (n === 0) return [];
    const avgLength = this.docs.reduce((a, d) => a + d.length, 0) / n || 1;
    const idf = this.patterns.map((_, t) => {
      const df = this.docs.filter((d) => (d.body[t] ?? 0) > 0 || d.title[t] === true).length;
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    });
    const scored = this.docs.map((d, order) => {
      let score = 0;
      const norm = K1 * (1 - B + (B * d.length) / avgLength);
      for (let t = 0; t < this.patterns.length; t++) {
        const tf = d.body[t] ?? 0;
        score += (idf[t] ?? 0) * ((tf * (K1 + 1)) / (tf + norm) + (d.title[t] ? TITLE_BONUS : 0));
      }
      return { key: d.key, score, order };
    });
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.map((s) => s.key);
  }
}
