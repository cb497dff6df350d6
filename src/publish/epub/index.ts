// EPUB 3 digests: plain article records in, the bytes of one valid .epub out (checked with epubcheck).
export { buildEpub, BOOK_IMAGE_TYPES } from './book.ts';
export type { EpubArticle, EpubBook, EpubImage, EpubOutlet } from './types.ts';
