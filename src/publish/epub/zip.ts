// The OCF ZIP container (EPUB 3.2 OCF §4): the `mimetype` file first, stored uncompressed and without an
// extra field, so a reader can identify the book from its first bytes; everything else deflated, except
// images, which are compressed already. Every entry carries the same time, so the same book always zips to
// the same bytes (the site's writer then leaves an unchanged digest untouched).
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
  /** Already compressed (JPEG, PNG, GIF): stored as is. */
  stored?: boolean;
}

const MIMETYPE = new TextEncoder().encode('application/epub+zip');
/** DOS times start in 1980. */
const EARLIEST_MS = Date.UTC(1980, 0, 2);

export function zipBook(entries: readonly ZipEntry[], timeMs: number): Uint8Array {
  const mtime = new Date(Math.max(timeMs, EARLIEST_MS));
  // Insertion order is the order in the archive: mimetype first.
  const files: Zippable = { mimetype: [MIMETYPE, { level: 0, mtime }] };
  for (const entry of entries) {
    if (entry.path === 'mimetype' || entry.path in files) throw new Error(`epub: duplicate entry ${entry.path}`);
    files[entry.path] = [entry.bytes, { level: entry.stored ? 0 : 9, mtime }];
  }
  return zipSync(files);
}
