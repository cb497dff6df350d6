// One EPUB 3 book from plain article records: a pure function, bytes in and bytes out. The same records
// always give the same bytes (no clock, no random identifiers), which keeps the site's digests incremental.
import { createHash } from 'node:crypto';
import {
  articleDocument,
  articlePath,
  BOOK_CSS,
  byOutlet,
  CONTAINER_XML,
  navDocument,
  PACKAGE_PATH,
  packageDocument,
  type ManifestItem,
} from './documents.ts';
import type { EpubArticle, EpubBook, EpubImage } from './types.ts';
import { toXhtml } from './xhtml.ts';
import { zipBook, type ZipEntry } from './zip.ts';

/**
 * Images a reading system must show without a fallback (EPUB 3.2 §3.2 core media types). WebP and AVIF are
 * not among them: such an image stays a link to nowhere in the book, so it is written as its alt text.
 */
export const BOOK_IMAGE_TYPES: Readonly<Record<string, string>> = { 'image/gif': 'gif', 'image/jpeg': 'jpg', 'image/png': 'png' };

const encoder = new TextEncoder();
const ROOT = PACKAGE_PATH.slice(0, PACKAGE_PATH.lastIndexOf('/') + 1);

/** Article ids as safe file names and XML ids, unique within the book. */
function withSafeIds(articles: readonly EpubArticle[]): EpubArticle[] {
  const used = new Set<string>();
  return articles.map((article) => {
    const base = article.id.replace(/[^A-Za-z0-9_-]/g, '_') || 'article';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { ...article, id };
  });
}

export function buildEpub(book: EpubBook): Uint8Array {
  // The reading order is the table of contents' order: outlet by outlet.
  const articles = byOutlet(withSafeIds(book.articles)).flatMap((group) => group.articles);
  const ordered: EpubBook = { ...book, articles };
  const items: ManifestItem[] = [
    { id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'style', href: 'style.css', mediaType: 'text/css' },
  ];
  const spine = ['nav'];
  const entries: ZipEntry[] = [{ path: 'META-INF/container.xml', bytes: encoder.encode(CONTAINER_XML) }];
  const images = new Map<string, { href: string; image: EpubImage }>(); // by content hash: stored once

  for (const article of articles) {
    const body = toXhtml(article.html, {
      image(src) {
        const image = article.images.get(src);
        const ext = image && BOOK_IMAGE_TYPES[image.mediaType];
        if (!image || !ext) return null;
        const sha256 = createHash('sha256').update(image.bytes).digest('hex');
        const href = `images/${sha256}.${ext}`;
        if (!images.has(sha256)) images.set(sha256, { href, image });
        return `../${href}`;
      },
    });
    const path = articlePath(article);
    entries.push({ path: ROOT + path, bytes: encoder.encode(articleDocument(article, book.language, body)) });
    items.push({ id: `a-${article.id}`, href: path, mediaType: 'application/xhtml+xml' });
    spine.push(`a-${article.id}`);
  }
  for (const [sha256, { href, image }] of images) {
    entries.push({ path: ROOT + href, bytes: image.bytes, stored: true });
    items.push({ id: `i-${sha256.slice(0, 32)}`, href, mediaType: image.mediaType });
  }
  entries.push({ path: ROOT + 'nav.xhtml', bytes: encoder.encode(navDocument(ordered)) });
  entries.push({ path: ROOT + 'style.css', bytes: encoder.encode(BOOK_CSS) });
  // The package document lists every other file, so it is made last.
  entries.unshift({ path: PACKAGE_PATH, bytes: encoder.encode(packageDocument(ordered, items, spine)) });
  return zipBook(entries, book.modifiedMs);
}
