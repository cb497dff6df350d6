// One EPUB 3 book from plain article records: a pure function, bytes in and bytes out. The same records
// always give the same bytes (no clock, no random identifiers), which keeps the site's digests incremental.
// A book is put together from chapters (chapter.ts): buildEpub makes them from the records, the site's digests
// make each once and put it into every book that holds it (assembleEpub); both give the same bytes.
import { makeChapter, type ChapterImage, type EpubChapter } from './chapter.ts';
import { articlePath, byOutlet, BOOK_CSS, CONTAINER_XML, navDocument, PACKAGE_PATH, packageDocument, type ManifestItem } from './documents.ts';
import type { EpubBook } from './types.ts';
import { zipBook, type ZipEntry } from './zip.ts';

export { BOOK_IMAGE_TYPES } from './chapter.ts';

/** A book without its articles: what assembleEpub needs besides the chapters. */
export type EpubBookHead = Omit<EpubBook, 'articles'>;

const encoder = new TextEncoder();
const ROOT = PACKAGE_PATH.slice(0, PACKAGE_PATH.lastIndexOf('/') + 1);

/** Chapter ids as safe file names and XML ids, unique within the book. */
function withSafeIds(chapters: readonly EpubChapter[]): EpubChapter[] {
  const used = new Set<string>();
  return chapters.map((chapter) => {
    const base = chapter.id.replace(/[^A-Za-z0-9_-]/g, '_') || 'article';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { ...chapter, id };
  });
}

export function buildEpub(book: EpubBook): Uint8Array {
  const { articles, ...head } = book;
  return assembleEpub(head, articles.map((article) => makeChapter(article, book.language)));
}

/** The book of these chapters, in this order (the table of contents then groups them by outlet). */
export function assembleEpub(book: EpubBookHead, chapters: readonly EpubChapter[]): Uint8Array {
  // The reading order is the table of contents' order: outlet by outlet.
  const ordered = byOutlet(withSafeIds(chapters)).flatMap((group) => group.articles);
  const items: ManifestItem[] = [
    { id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'style', href: 'style.css', mediaType: 'text/css' },
  ];
  const spine = ['nav'];
  const entries: ZipEntry[] = [{ path: 'META-INF/container.xml', bytes: encoder.encode(CONTAINER_XML) }];
  const images = new Map<string, ChapterImage>(); // by content hash: stored once

  for (const chapter of ordered) {
    if (chapter.language !== (chapter.outlet.language ?? book.language)) {
      throw new Error(`epub: chapter ${chapter.id} was made in ${chapter.language} for a book in ${book.language}`);
    }
    for (const image of chapter.images) if (!images.has(image.sha256)) images.set(image.sha256, image);
    const path = articlePath(chapter);
    entries.push({ path: ROOT + path, packed: chapter.document });
    items.push({ id: `a-${chapter.id}`, href: path, mediaType: 'application/xhtml+xml' });
    spine.push(`a-${chapter.id}`);
  }
  for (const [sha256, { href, image }] of images) {
    entries.push({ path: ROOT + href, bytes: image.bytes, stored: true });
    items.push({ id: `i-${sha256.slice(0, 32)}`, href, mediaType: image.mediaType });
  }
  entries.push({ path: ROOT + 'nav.xhtml', bytes: encoder.encode(navDocument(book, ordered)) });
  entries.push({ path: ROOT + 'style.css', bytes: encoder.encode(BOOK_CSS) });
  // The package document lists every other file, so it is made last.
  entries.unshift({ path: PACKAGE_PATH, bytes: encoder.encode(packageDocument(book, items, spine)) });
  return zipBook(entries, book.modifiedMs);
}
