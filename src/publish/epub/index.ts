// EPUB 3 digests: plain article records in, the bytes of one valid .epub out (checked with epubcheck). The site
// makes each article's chapter once (makeChapter) and assembles every book that holds it from the chapters.
export { assembleEpub, buildEpub, BOOK_IMAGE_TYPES, type EpubBookHead } from './book.ts';
export { makeChapter, type EpubChapter } from './chapter.ts';
export type { EpubArticle, EpubBook, EpubImage, EpubOutlet } from './types.ts';
