// Stable identity within a source: the id the feed sends, else the canonical URL, else a hash of what
// the item says. Two fetches of the same article must give the same key, so nothing time-dependent
// or order-dependent goes into it.
import { createHash } from 'node:crypto';

export function itemKey(id: string | null, url: string | null, title: string, body: string | null): string {
  if (id !== null) return `guid:${id}`;
  if (url !== null) return `url:${url}`;
  return `hash:${createHash('sha256').update(`${title}\n${body ?? ''}`).digest('hex')}`;
}
