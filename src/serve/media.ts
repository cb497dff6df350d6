// Archived images (images: archive), read from <output>/media/<aa>/<sha256>.<ext>. Only names of exactly
// that shape are accepted, so no request can reach another file; SVG is never archived (it can script).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SHARD = /^[0-9a-f]{2}$/;
const FILE = /^([0-9a-f]{64})\.(avif|gif|jpe?g|png|webp)$/;
const TYPES: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

export function readMedia(mediaDir: string, shard: string, file: string): { body: Uint8Array<ArrayBuffer>; type: string } | null {
  const match = FILE.exec(file);
  if (!SHARD.test(shard) || !match || !match[1]!.startsWith(shard)) return null;
  try {
    return { body: new Uint8Array(readFileSync(join(mediaDir, shard, file))), type: TYPES[match[2]!]! };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
