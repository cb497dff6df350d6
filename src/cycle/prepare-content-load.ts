// What prepare-content.ts loads on first use (the extract stage with htmlparser2 and its page cache, images,
// charset decoding with iconv-lite): imported by nothing else, so that a cycle whose feeds all answer 304 loads none of it.
export { decodeText } from '../fetch/charset.ts';
export { createFilePageCache, createPageFetcher, extractArticle, ExtractError, needsFullText, selectorsFor } from '../extract/index.ts';
export { archiveImages, rewriteImagesProxy } from '../media/index.ts';
