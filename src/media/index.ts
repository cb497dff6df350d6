// Image handling for the archive: through a proxy, or downloaded and stored by content hash.
export { archiveImages, DEFAULT_IMAGE_TYPES, DEFAULT_MAX_IMAGE_BYTES } from './archive.ts';
export type { ArchiveImagesOptions, ArchiveImagesResult, SavedImage } from './archive.ts';
export { sniffImage } from './image-type.ts';
export type { ImageType } from './image-type.ts';
export { rewriteImagesProxy } from './proxy.ts';
export { bestSrcsetUrl, parseSrcset } from '../markup/srcset.ts';
export type { SrcsetCandidate } from '../markup/srcset.ts';
