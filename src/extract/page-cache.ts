// A page cache in plain files: one JSON file per URL, named by the URL's sha256, written atomically.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CachedPage, PageCache } from './types.ts';

export interface FilePageCacheOptions {
  /** Told about a cache file that cannot be read back (it is then treated as absent). */
  onWarning?: (message: string) => void;
}

function isCachedPage(v: unknown): v is CachedPage {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return (
    typeof p.url === 'string' &&
    typeof p.html === 'string' &&
    typeof p.fetchedAt === 'string' &&
    (p.etag === null || typeof p.etag === 'string') &&
    (p.lastModified === null || typeof p.lastModified === 'string')
  );
}

export function createFilePageCache(dir: string, options: FilePageCacheOptions = {}): PageCache {
  let sequence = 0;
  const fileFor = (url: string): string => join(dir, `${createHash('sha256').update(url).digest('hex')}.json`);
  return {
    async get(url) {
      const file = fileFor(url);
      let raw: string;
      try {
        raw = await readFile(file, 'utf8');
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new Error(`extract: reading page cache ${file} failed`, { cause });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (cause) {
        options.onWarning?.(`extract: page cache ${file} is not JSON (${(cause as Error).message}); refetching`);
        return null;
      }
      // The name is a hash: check it is really this URL's page.
      if (!isCachedPage(parsed) || parsed.url !== url) {
        options.onWarning?.(`extract: page cache ${file} does not hold ${url}; refetching`);
        return null;
      }
      return parsed;
    },
    async set(url, page) {
      await mkdir(dir, { recursive: true });
      const file = fileFor(url);
      // Write beside, then rename: a reader never sees half a file, a crash leaves the old one (POSIX rename).
      const tmp = `${file}.${process.pid}.${++sequence}.tmp`;
      await writeFile(tmp, JSON.stringify({ ...page, url }), 'utf8');
      await rename(tmp, file);
    },
  };
}
