// The OCF ZIP container (EPUB 3.2 OCF §4): the `mimetype` file first, stored uncompressed and without an
// extra field, so a reader can identify the book from its first bytes; everything else deflated, except
// images, which are compressed already. Every entry carries the same time, so the same book always zips to
// the same bytes (the site's writer then leaves an unchanged digest untouched).
//
// The archive is written here rather than by fflate's zipSync so that an entry can come already deflated
// (packEntry): the site's digests put every article in three books (its day's, its outlet's day and its week's),
// and deflating its chapter once for all three is most of what a book costs. The layout is exactly zipSync's
// (same headers, same field values, same DEFLATE stream from fflate's deflateSync at level 9), so a book
// zips to the same bytes as before; zip.test.ts checks that against zipSync.
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

/** An entry's bytes as they go into the archive: deflated (or stored) once, reusable by any number of books. */
export interface PackedEntry {
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** 8: deflated; 0: stored. */
  method: 0 | 8;
  data: Uint8Array;
}

export type ZipEntry =
  | {
      path: string;
      bytes: Uint8Array;
      /** Already compressed (JPEG, PNG, GIF): stored as is. */
      stored?: boolean;
    }
  | { path: string; packed: PackedEntry };

const MIMETYPE = new TextEncoder().encode('application/epub+zip');
/** DOS times start in 1980. */
const EARLIEST_MS = Date.UTC(1980, 0, 2);

/** Deflates (level 9, as every text file of a book) or stores one entry's bytes. */
export function packEntry(bytes: Uint8Array, stored = false): PackedEntry {
  // node:zlib's CRC-32 (Node 20.15 and later, which package.json's engines cover) is the one ZIP uses.
  return { crc: crc32(bytes) >>> 0, size: bytes.length, method: stored ? 0 : 8, data: stored ? bytes : deflateSync(bytes, { level: 9 }) };
}

/** MS-DOS date and time, in the process's local time zone as zipSync writes them. */
function dosTime(date: Date): number {
  const year = date.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new Error(`epub: ${date.toISOString()} cannot be a ZIP time`);
  return ((year << 25) | ((date.getMonth() + 1) << 21) | (date.getDate() << 16) | (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) >>> 0;
}

const encoder = new TextEncoder();

export function zipBook(entries: readonly ZipEntry[], timeMs: number): Uint8Array {
  const time = dosTime(new Date(Math.max(timeMs, EARLIEST_MS)));
  const files: { name: Uint8Array; packed: PackedEntry; offset: number }[] = [];
  const seen = new Set<string>(['mimetype']);
  let offset = 0;
  const add = (path: string, packed: PackedEntry): void => {
    const name = encoder.encode(path);
    if (name.length > 65535) throw new Error(`epub: entry name too long: ${path.slice(0, 80)}…`);
    files.push({ name, packed, offset });
    offset += 30 + name.length + packed.data.length;
  };
  // mimetype first.
  add('mimetype', packEntry(MIMETYPE, true));
  for (const entry of entries) {
    if (seen.has(entry.path)) throw new Error(`epub: duplicate entry ${entry.path}`);
    seen.add(entry.path);
    add(entry.path, 'packed' in entry ? entry.packed : packEntry(entry.bytes, entry.stored === true));
  }
  const directoryStart = offset;
  const directorySize = files.reduce((sum, file) => sum + 46 + file.name.length, 0);
  const out = new Uint8Array(directoryStart + directorySize + 22);
  const view = new DataView(out.buffer);
  // The fields both headers share, from "version needed" on (APPNOTE 4.3.7 and 4.3.12): version 2.0, no
  // flags (names are ASCII here; a non-ASCII one gets the UTF-8 flag, as zipSync sets it), method, time.
  const common = (at: number, file: (typeof files)[number]): number => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, utf8Flag(file.name), true);
    view.setUint16(at + 4, file.packed.method, true);
    view.setUint32(at + 6, time, true);
    view.setUint32(at + 10, file.packed.crc, true);
    view.setUint32(at + 14, file.packed.data.length, true);
    view.setUint32(at + 18, file.packed.size, true);
    view.setUint16(at + 22, file.name.length, true);
    view.setUint16(at + 24, 0, true); // no extra field
    return at + 26;
  };
  let at = directoryStart;
  for (const file of files) {
    view.setUint32(file.offset, 0x04034b50, true);
    const data = common(file.offset + 4, file);
    out.set(file.name, data);
    out.set(file.packed.data, data + file.name.length);

    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: version 2.0, MS-DOS attributes (zipSync's default os 0)
    at = common(at + 6, file);
    // comment length, disk number, internal and external attributes: all zero, as zipSync leaves them.
    view.setUint32(at + 10, file.offset, true);
    at += 14;
    out.set(file.name, at);
    at += file.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}

/** Bit 11 (language encoding) when the name is not plain ASCII, as zipSync sets it. */
function utf8Flag(name: Uint8Array): number {
  for (const byte of name) if (byte > 127) return 0x800;
  return 0;
}
