// One article's chapter of a book, made once and put into any number of books: its XHTML document already
// deflated (zip.ts packEntry) and the images it shows. The site's digests hold every article in three books
// (its day's, its outlet's day and its week's); making the chapter is most of what a book costs, and a
// chapter is far smaller than the article record it comes from, so a week's worth can be held while its books
// are written. Nothing in a chapter depends on the book it goes into, except the language its document falls
// back to when the outlet's is unknown: the chapter records the one it was made with (book.ts checks it).
import { createHash } from 'node:crypto';
import { articleDocument } from './documents.ts';
import type { EpubArticle, EpubImage, EpubOutlet } from './types.ts';
import { toXhtml } from './xhtml.ts';
import { packEntry, type PackedEntry } from './zip.ts';

/**
 * Images a reading system must show without a fallback (EPUB 3.2 §3.2 core media types). WebP and AVIF are
 * not among them: such an image stays a link to nowhere in the book, so it is written as its alt text.
 */
export const BOOK_IMAGE_TYPES: Readonly<Record<string, string>> = { 'image/gif': 'gif', 'image/jpeg': 'jpg', 'image/png': 'png' };

export interface ChapterImage {
  sha256: string;
  /** Relative to the package document: `images/<sha256>.<ext>`, the same in every book. */
  href: string;
  image: EpubImage;
}

export interface EpubChapter {
  /** As the article's (book.ts makes it a safe file name, unique within the book). */
  id: string;
  title: string;
  outlet: EpubOutlet;
  /** The document's language: the outlet's, else the book language the chapter was made for. */
  language: string;
  /** The XHTML document, deflated. */
  document: PackedEntry;
  /** The archived images the document shows, in the order it first shows them, each once. */
  images: readonly ChapterImage[];
}

const encoder = new TextEncoder();

export function makeChapter(article: EpubArticle, bookLanguage: string): EpubChapter {
  const images = new Map<string, ChapterImage>();
  const body = toXhtml(article.html, {
    image(src) {
      const image = article.images.get(src);
      const ext = image && BOOK_IMAGE_TYPES[image.mediaType];
      if (!image || !ext) return null;
      const sha256 = createHash('sha256').update(image.bytes).digest('hex');
      const href = `images/${sha256}.${ext}`;
      if (!images.has(sha256)) images.set(sha256, { sha256, href, image });
      return `../${href}`;
    },
  });
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    language: article.outlet.language ?? bookLanguage,
    document: packEntry(encoder.encode(articleDocument(article, bookLanguage, body))),
    images: [...images.values()],
  };
}
