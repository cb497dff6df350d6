// One publish shows the same revision on its article page, in up to four Atom feeds and in three EPUB chapters
// (its day's, its outlet's day and its week's), and display cleaning (clean/display.ts: parse5, then
// sanitize-html) is the dearest step of each. The passes go through the articles in different orders (pages by
// id, digests by day, feeds by outlet, newest first), so a memo that hits must hold every article of the publish:
// a first cycle over 300 outlets is 15,000 articles, more than is worth keeping in memory. The cleaned HTML is
// therefore kept in a scratch file beside the site for the length of one publish, and only its place in memory
// (about a hundred bytes an article); past `limitBytes` nothing more is kept, so a full rebuild of a very large
// archive cleans the rest as before.
//
// The scratch file's name ends in TEMP_SUFFIX, which the archive's git exclude ignores (files/atomic-write.ts):
// one left by a killed run never reaches git, and the next publish truncates it.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DisplayCleaner } from '../pages/index.ts';

export interface DisplayMemo {
  clean: DisplayCleaner;
  /** Cleanings asked for, how many the memo answered, and why it stopped storing (a write that failed), if it did. */
  stats(): { asked: number; remembered: number; stopped: string | null };
  /** Removes the scratch file; the cleaner then cleans every time. */
  close(): void;
}

/** Enough for every article of a first cycle over hundreds of outlets, a bounded share of the disk. */
export const DISPLAY_MEMO_BYTES = 512 * 1024 * 1024;

export function createDisplayMemo(clean: DisplayCleaner, file: string, limitBytes = DISPLAY_MEMO_BYTES): DisplayMemo {
  const places = new Map<string, { offset: number; length: number }>();
  let fd: number | null = null;
  let size = 0;
  let asked = 0;
  let remembered = 0;
  /** Why storing stopped (a write to the scratch file that failed or was short); from then on nothing is stored. */
  let stopped: string | null = null;
  const open = (): number => {
    if (fd === null) {
      mkdirSync(dirname(file), { recursive: true });
      fd = openSync(file, 'w+');
    }
    return fd;
  };
  return {
    clean(html, baseUrl) {
      asked++;
      if (fd === -1) return clean(html, baseUrl);
      const key = createHash('sha256').update(baseUrl ?? '').update('\u0000').update(html).digest('base64');
      const place = places.get(key);
      if (place !== undefined) {
        const bytes = Buffer.allocUnsafe(place.length);
        readSync(fd!, bytes, 0, place.length, place.offset);
        remembered++;
        return bytes.toString('utf8');
      }
      const cleaned = clean(html, baseUrl);
      const bytes = Buffer.from(cleaned, 'utf8');
      if (size + bytes.length <= limitBytes && stopped === null) {
        // A memo must not fail a publish: a disk that is full (or fails) for the scratch file only ends the
        // remembering, and what is already remembered stays readable. A short write is never recorded.
        try {
          const written = writeSync(open(), bytes, 0, bytes.length, size);
          if (written === bytes.length) places.set(key, { offset: size, length: bytes.length });
          else stopped = `short write to ${file}: ${written} of ${bytes.length} bytes`;
        } catch (error) {
          stopped = (error as Error).message;
        }
        size += bytes.length;
      }
      return cleaned;
    },
    stats: () => ({ asked, remembered, stopped }),
    close() {
      if (fd !== null && fd !== -1) closeSync(fd);
      fd = -1;
      places.clear();
      rmSync(file, { force: true });
    },
  };
}
