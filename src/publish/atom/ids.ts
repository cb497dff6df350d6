// Stable, unique Atom ids (RFC 4287 §4.2.6): name-based UUIDs (RFC 9562 §5.5, version 5) as `urn:uuid:`.
// The name joins the archive's identity (its public URL when configured, else its title) with what the
// entry is about, so ids survive rebuilds and mirrors but two different archives do not share them.
import { createHash } from 'node:crypto';

/** newsvault's namespace UUID (random, fixed forever). */
const NAMESPACE = Buffer.from('6f0a3c1e9b2d4e57a8c4d1f2e3b4a596', 'hex');

export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function atomId(archive: string, what: string): string {
  return uuidV5(`${archive}\n${what}`);
}
