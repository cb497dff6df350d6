// Bytes to text for the parser. Whole documents go through fetch/charset.ts (HTTP charset > BOM >
// XML declaration > sniffing); a stream is sniffed on its first bytes, then decoded incrementally
// with the encoding found there.
import iconv from 'iconv-lite';
import { decodeText } from '../fetch/charset.ts';
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
  const { encoding } = decodeWhole(head, contentType, warnings);
  let native: TextDecoder | null = null;
  try {
    native = new TextDecoder(encoding);
  } catch {
    native = null; // a label this Node's ICU lacks: iconv-lite knows the rest
  }
  if (native !== null) {
    const decoder = native;
    return {
      encoding,
      decode: (bytes) => decoder.decode(bytes, { stream: true }),
      flush: () => decoder.decode(),
    };
  }
  if (!iconv.encodingExists(encoding)) throw new ParseError('decode', `parse: no decoder for ${encoding}`);
  const decoder = iconv.getDecoder(encoding);
  return {
    encoding,
    decode: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    flush: () => decoder.end() ?? '',
  };
}
