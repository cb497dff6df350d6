// Knowing an image by its first bytes (the Content-Type header is the server's opinion, the bytes are the file).

export interface ImageType {
  mime: string;
  ext: string;
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

/**
 * The raster type of `bytes` by magic number (WHATWG MIME Sniffing §6.1, plus AVIF's ISO BMFF `ftyp` brand),
 * or 'svg' for SVG text (refused by callers: it can carry script), or null.
 */
export function sniffImage(bytes: Uint8Array): ImageType | 'svg' | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { mime: 'image/gif', ext: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { mime: 'image/webp', ext: 'webp' };
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    const end = Math.min(boxSize, bytes.length, 64);
    for (let i = 8; i + 4 <= end; i += 4) {
      if (i === 12) continue; // minor version, not a brand
      const brand = ascii(bytes, i, i + 4);
      if (brand === 'avif' || brand === 'avis') return { mime: 'image/avif', ext: 'avif' };
    }
    return null;
  }
  // SVG is XML text: look past a BOM, whitespace, an XML declaration, comments and a doctype for <svg.
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+svg[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head)) {
    return 'svg';
  }
  return null;
}
