// git's id for a file's bytes (a blob: sha1 of "blob <length>\0" + bytes). The store keeps the id of every
// Markdown file it wrote, so a run compares it with the checkout's index (git ls-files -s) instead of
// reading 100,000 files to learn whether a fresh checkout holds what was published.
import { createHash } from 'node:crypto';

export function gitBlobId(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
