// How plausible a decoding is. Multi-byte East Asian encodings overlap so much that GB2312 bytes decode
// without a single error as Big5 or EUC-KR (and Big5 bytes as GBK): validity alone cannot choose, so we
// also measure how many decoded characters are ones real text in that script uses all the time.
import { isCjkPunctuation, isCommonCjk, isCommonHangul, isKana } from './charset-common.ts';
import { decodeWith } from './charset-labels.ts';

/** Candidates for sniffing undeclared or mis-declared East Asian text, in tie-break order. */
export const CJK_CANDIDATES = ['gb18030', 'big5', 'shift_jis', 'euc-kr'] as const;

export interface Evidence {
  encoding: string;
  text: string;
  /** U+FFFD and private-use characters: bytes the encoding could not map to real text. */
  errors: number;
  /** Characters outside ASCII. */
  nonAscii: number;
  /** Of those, characters typical for the candidate's language. */
  common: number;
  /** common / nonAscii, minus a heavy penalty per error. 1 is perfect, ≤ 0 is garbage. */
  score: number;
}

function isTypical(encoding: string, char: string, code: number): boolean {
  if (isCjkPunctuation(code)) return true;
  if (encoding === 'euc-kr') return isCommonHangul(char);
  if (encoding === 'shift_jis' || encoding === 'euc-jp' || encoding === 'iso-2022-jp') return isKana(code) || isCommonCjk(char);
  return isCommonCjk(char);
}

/** Decode the bytes with one encoding and weigh the result. */
export function evaluate(bytes: Uint8Array, encoding: string, text: string = decodeWith(bytes, encoding)): Evidence {
  let errors = 0;
  let nonAscii = 0;
  let common = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    nonAscii += 1;
    if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) errors += 1;
    else if (isTypical(encoding, char, code)) common += 1;
  }
  const score = nonAscii === 0 ? 0 : (common - 5 * errors) / nonAscii;
  return { encoding, text, errors, nonAscii, common, score };
}

/** The most plausible East Asian decoding among the candidates (errors first, then score). */
export function bestCjk(bytes: Uint8Array, candidates: readonly string[] = CJK_CANDIDATES): Evidence {
  let best: Evidence | null = null;
  for (const encoding of candidates) {
    const evidence = evaluate(bytes, encoding);
    if (best === null || evidence.score > best.score) best = evidence;
  }
  if (best === null) throw new RangeError('fetch: bestCjk needs at least one candidate encoding');
  return best;
}
