// Character shingles of folded text: the features two reports of one event share. Chinese has no spaces, and
// names and places are written with two to four characters, so overlapping character pairs (bigrams) of each
// run of Han characters carry the names (普京, 习近平 → 习近 近平), the places and the verbs; a Latin word or
// a number of three or more characters is one shingle (ICC, 2023). Folding (search/fold.ts) makes 習近平 and
// 习近平, ＩＣＣ and icc the same shingles, so a Hong Kong outlet in 繁體 meets a mainland one in 简体.
import { fold } from '../search/fold.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]{3,}/gu;

/** The set of shingles of one text (title or lead). */
export function shingles(text: string): Set<string> {
  const folded = fold(text);
  const out = new Set<string>();
  for (const match of folded.matchAll(HAN_RUN)) {
    const run = match[0];
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  // Words outside Han runs: Latin, Cyrillic, digits. A Han run never matches here (it was split above).
  for (const match of folded.replace(HAN_RUN, ' ').matchAll(WORD)) out.add(match[0]);
  return out;
}
