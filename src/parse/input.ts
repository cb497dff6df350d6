// Bytes to text for the parser. Whole documents go through fetch/charset.ts (HTTP charset > BOM >
// XML declaration > sniffing); a stream is sniffed on its first bytes, then decoded incrementally
// with the encoding found there.
import { decodeText } from '../fetch/charset.ts';
import { createChunkDecoder, type ChunkDecoder } from '../fetch/charset-labels.ts';
import { ParseError } from './types.ts';
import type { Warnings } from './warnings.ts';

/** How many bytes of a stream are looked at before its encoding is decided. */
export const SNIFF_BYTES = 64 * 1024;

function kindOf(bytes: Uint8Array): 'xml' | 'json' {
  for (const b of bytes) {
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x7b || b === 0x5b ? 'json' : 'xml';
  }
  return 'xml';
}

export function decodeWhole(
  bytes: Uint8Array,
  contentType: string | null | undefined,
  warnings: Warnings,
): { text: string; encoding: string } {
  try {
    const decoded = decodeText(bytes, { contentType: contentType ?? null, kind: kindOf(bytes) });
    warnings.addAll(decoded.warnings);
    return { text: decoded.text, encoding: decoded.encoding };
  } catch (cause) {
    throw new ParseError('decode', `parse: could not decode the document: ${(cause as Error).message}`, { cause });
  }
}

export interface StreamDecoder {
  encoding: string;
  decode(bytes: Uint8Array): string;
  flush(): string;
}

/** A decoder for the rest of a stream whose first bytes are `head`. */
export function streamDecoder(head: Uint8Array, contentType: string | null | undefined, warnings: Warnings): StreamDecoder {
  // Sniff up to the last '<': never inside a multi-byte character in UTF-8, GB18030 or Big5, so a cut
  // character cannot be mistaken for invalid bytes.
  const lt = head.lastIndexOf(0x3c);
  const { encoding } = decodeWhole(lt > 0 ? head.subarray(0, lt) : head, contentType, warnings);
  let decoder: ChunkDecoder;
  try {
    decoder = createChunkDecoder(encoding);
  } catch (cause) {
    throw new ParseError('decode', `parse: no decoder for ${encoding}`, { cause });
  }
  // The first chunk of a stream may start with a byte order mark; decodeWhole dropped it from its text.
  let first = true;
  return {
    encoding,
    decode: (bytes) => {
      const text = decoder.write(bytes);
      if (!first || text === '') return text;
      first = false;
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    },
    flush: () => decoder.end(),
  };
}
