// Keeping the article's images in the archive: each downloaded once, stored by content hash, linked locally.
import { createHash } from 'node:crypto';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX } from '../files/atomic-write.ts';
import { HtmlEditor } from '../markup/html-editor.ts';
import { findTags } from './find-tags.ts';
import { sniffImage } from './image-type.ts';
import { inPicture } from './proxy.ts';

export const DEFAULT_MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Raster formats only: SVG is refused whatever this says (it can carry script). Sorted. */
export const DEFAULT_IMAGE_TYPES: readonly string[] = ['image/avif', 'image/gif', 'image/jpeg', 'image/png', 'image/webp'];

export interface ArchiveImagesOptions {
  /** The article's URL: relative image URLs resolve against it. */
  baseUrl: string;
  /** Where files go: `<mediaDir>/<sha256[0:2]>/<sha256>.<ext>`. */
  mediaDir: string;
  /** How the article links to them: `<publicPrefix><sha256[0:2]>/<sha256>.<ext>`. */
  publicPrefix: string;
  /** The project's fetcher, adapted (size cap, retries, proxy). Rejects on failure. */
  download: (url: string) => Promise<{ body: Uint8Array; contentType: string | null }>;
  maxBytes?: number;
  allowedTypes?: string[];
}

export interface SavedImage {
  url: string;
  /** File path under mediaDir. */
  path: string;
  sha256: string;
  bytes: number;
  /** The same content was already stored (by an earlier article, or earlier in this one). */
  reused: boolean;
}

export interface ArchiveImagesResult {
  html: string;
  saved: SavedImage[];
  failed: { url: string; reason: string }[];
}

/** Temp-file names must differ between concurrent calls in one process, too. */
let tmpSequence = 0;

function absolute(src: string, base: string): string | null {
  try {
    const url = new URL(src.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null; // not a URL we could download: left as written
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new Error(`media: checking ${path} failed`, { cause });
  }
}

/**
 * Downloads every distinct `<img src>` once, checks it is a raster image of an allowed type and size, stores
 * it by content hash (written to a temp file, then renamed), and points the `<img>` at the local copy,
 * dropping its `srcset` (and the srcset of `<source>`s in its `<picture>`, which would otherwise win).
 * A failed image keeps its original URL and is reported. Other bytes of the HTML are untouched.
 */
export async function archiveImages(html: string, opts: ArchiveImagesOptions): Promise<ArchiveImagesResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  const allowed = new Set(opts.allowedTypes ?? DEFAULT_IMAGE_TYPES);
  const tags = findTags(html, new Set(['img', 'source']));

  const urls = new Set<string>();
  for (const tag of tags) {
    const src = tag.name === 'img' ? tag.attributes.find((a) => a.name === 'src') : undefined;
    const abs = src ? absolute(src.value, opts.baseUrl) : null;
    if (abs !== null) urls.add(abs);
  }

  const local = new Map<string, string>();
  const saved: SavedImage[] = [];
  const failed: { url: string; reason: string }[] = [];
  const storedThisRun = new Set<string>();
  for (const url of urls) {
    let body: Uint8Array;
    try {
      ({ body } = await opts.download(url));
    } catch (cause) {
      failed.push({ url, reason: `download failed: ${(cause as Error).message}` });
      continue;
    }
    if (body.byteLength > maxBytes) {
      failed.push({ url, reason: `too large: ${body.byteLength} bytes > ${maxBytes}` });
      continue;
    }
    const type = sniffImage(body);
    if (type === 'svg') {
      failed.push({ url, reason: 'svg refused: it can carry script' });
      continue;
    }
    if (type === null || !allowed.has(type.mime)) {
      failed.push({ url, reason: type === null ? 'not a recognised image' : `type ${type.mime} not allowed` });
      continue;
    }
    const sha256 = createHash('sha256').update(body).digest('hex');
    const rel = `${sha256.slice(0, 2)}/${sha256}.${type.ext}`;
    const path = join(opts.mediaDir, sha256.slice(0, 2), `${sha256}.${type.ext}`);
    const reused = storedThisRun.has(path) || (await exists(path));
    if (!reused) {
      await mkdir(join(opts.mediaDir, sha256.slice(0, 2)), { recursive: true });
      // TEMP_SUFFIX is the ending the archive's git exclude ignores (files/atomic-write.ts), so a run killed
      // here never commits it; fsynced so the content-addressed name never points at torn bytes. (Written
      // here rather than with writeFileAtomic because this write is asynchronous, beside other downloads.)
      const tmp = `${path}.${process.pid}.${++tmpSequence}${TEMP_SUFFIX}`;
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
    }
    storedThisRun.add(path);
    saved.push({ url, path, sha256, bytes: body.byteLength, reused });
    local.set(url, opts.publicPrefix + rel);
  }

  const edit = new HtmlEditor(html);
  // <picture>s whose <img> now points at the archive: their <source srcset>s would win over it, so they go.
  const archivedPictures = new Set<number>();
  for (const tag of tags) {
    if (tag.name !== 'img') continue;
    const src = tag.attributes.find((a) => a.name === 'src');
    const abs = src ? absolute(src.value, opts.baseUrl) : null;
    const target = abs === null ? undefined : local.get(abs);
    if (src === undefined || target === undefined) continue;
    edit.setAttributeValue(src, target);
    const srcset = tag.attributes.find((a) => a.name === 'srcset');
    if (srcset !== undefined) edit.removeAttribute(srcset);
    if (inPicture(tag) && tag.parentId !== null) archivedPictures.add(tag.parentId);
  }
  for (const tag of tags) {
    if (tag.name !== 'source' || tag.parentId === null || !archivedPictures.has(tag.parentId)) continue;
    const srcset = tag.attributes.find((a) => a.name === 'srcset');
    if (srcset !== undefined) edit.removeAttribute(srcset);
  }
  return { html: edit.result(), saved, failed };
}
