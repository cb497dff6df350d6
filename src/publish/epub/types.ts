// What an EPUB digest is made of: plain records, no store, no files. The site's adapter
// (publish/site/offline.ts) gathers them; book.ts turns them into the bytes of one .epub.

/** An image the article shows, as archived: its bytes and what they are. */
export interface EpubImage {
  bytes: Uint8Array;
  /** `image/png`, `image/jpeg`, `image/gif`; other types are left out of the book (see xhtml.ts). */
  mediaType: string;
}

export interface EpubOutlet {
  id: string;
  name: string;
  /** BCP 47 tag of the outlet's text (`zh-Hans`, `zh-Hant`); null when unknown. */
  language: string | null;
}

export interface EpubArticle {
  /** Unique within the book and stable across rebuilds (the site uses `<source>-<number>`); [A-Za-z0-9_-]. */
  id: string;
  title: string;
  outlet: EpubOutlet;
  publishedMs: number;
  author: string | null;
  /** The article at its outlet, linked under the title; null when unknown. */
  url: string | null;
  /** Removed at the source: the book says so beside the title. */
  removed: boolean;
  /** Display-cleaned HTML (clean/display.ts): a fragment, not a document. */
  html: string;
  /** The images the HTML shows, keyed by their `src` exactly as written in `html`. */
  images: ReadonlyMap<string, EpubImage>;
}

export interface EpubBook {
  /** dc:identifier, e.g. `urn:newsvault:digest:all:2023-03-22`; stable across rebuilds of the same digest. */
  identifier: string;
  title: string;
  /** dc:language of the whole book. */
  language: string;
  /** dcterms:modified; the newest revision in the book, so an unchanged digest rebuilds to the same bytes. */
  modifiedMs: number;
  publisher: string;
  /** One line under the title in the table of contents. */
  description: string;
  /** In reading order; the table of contents groups them by outlet, in the order outlets first appear. */
  articles: readonly EpubArticle[];
}

/** What the table of contents shows of an article (or of its chapter, epub/chapter.ts). */
export type TocEntry = Pick<EpubArticle, 'id' | 'title' | 'outlet'>;
