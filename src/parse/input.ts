// Bytes to text for the parser. Whole documents go through fetch/charset.ts (HTTP charset > BOM >
// XML declaration > sniffing); a stream is sniffed on its first bytes, then decoded incrementally
// with the encoding found there.
import { StringDecoder } from 'node:string_decoder';
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
  // Sniff up to the last '<': never inside a multi-byte character in UTF-8, GB18030 or Big5, so a cut
  // character cannot be mistaken for invalid bytes.
  const lt = head.lastIndexOf(0x3c);
  const { encoding } = decodeWhole(lt > 0 ? head.subarray(0, lt) : head, contentType, warnings);
  if (encoding === 'utf-8') {
    // node's StringDecoder is much faster than ICU's TextDecoder for UTF-8 and keeps split characters.
    const utf8 = new StringDecoder('utf8');
    return {
      encoding,
      decode: (bytes) => utf8.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
      flush: () => utf8.end(),
    };
  }
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
