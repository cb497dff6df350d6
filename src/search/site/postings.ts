// The two encodings the browser script must reproduce exactly: which shard a token lives in, and how a
// posting list (ascending article ids) is written as text.
//
// Shard: FNV-1a (32 bit) over the token's UTF-16 code units, modulo the shard count. Cheap in both
// languages, and it spreads bigrams evenly (a prefix scheme would pile every 中x bigram into one shard).
//
// Postings: gaps between ascending ids, each gap in base 32, most significant digit first; every digit but
// the last comes from CONTINUE, the last from FINAL, so no separator is needed. Dense lists (a common
// bigram) cost one character per article; JSON needs no escaping for any of these characters.

export const FINAL = '0123456789abcdefghijklmnopqrstuv';
export const CONTINUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~!*';

export function shardOf(token: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/** Encodes ascending, distinct, non-negative ids. */
export function encodePostings(ids: readonly number[]): string {
  // Into bytes, read back as one string: `out += digits` made a rope of a string per posting, several times
  // the text's size until it was flattened (a dense list of 15,000 ids was about 500 KB of rope).
  let bytes = Buffer.allocUnsafe(ids.length * 2 + 16);
  let length = 0;
  let previous = -1;
  const digits: number[] = [];
  for (const id of ids) {
    if (!Number.isSafeInteger(id) || id <= previous) throw new RangeError(`search: site index: ids must ascend, got ${id} after ${previous}`);
    let gap = id - previous;
    previous = id;
    digits.length = 0;
    digits.push(FINAL.charCodeAt(gap % 32));
    gap = Math.floor(gap / 32);
    while (gap > 0) {
      digits.push(CONTINUE.charCodeAt(gap % 32));
      gap = Math.floor(gap / 32);
    }
    if (length + digits.length > bytes.length) {
      const grown = Buffer.allocUnsafe(bytes.length * 2 + digits.length);
      bytes.copy(grown, 0, 0, length);
      bytes = grown;
    }
    for (let k = digits.length - 1; k >= 0; k--) bytes[length++] = digits[k]!;
  }
  return bytes.toString('latin1', 0, length);
}

const value = new Map<string, [number, boolean]>();
for (let i = 0; i < 32; i++) {
  value.set(FINAL[i] as string, [i, true]);
  value.set(CONTINUE[i] as string, [i, false]);
}

export function decodePostings(text: string): number[] {
  const out: number[] = [];
  let previous = -1;
  let gap = 0;
  for (const ch of text) {
    const digit = value.get(ch);
    if (digit === undefined) throw new RangeError(`search: site index: ${JSON.stringify(ch)} in a posting list`);
    gap = gap * 32 + digit[0];
    if (digit[1]) {
      previous += gap;
      out.push(previous);
      gap = 0;
    }
  }
  return out;
}
