// Revisions: when two versions of an article are the same, and how two versions differ.
export { fingerprint, normalizeForFingerprint, NORMALISATIONS, sha256 } from './fingerprint.ts';
export type { FingerprintOptions, Normalisation } from './fingerprint.ts';
export { ROTATING_FOOTERS, stripRotatingFooters, type RotatingFooter } from './footers.ts';
export { canonicalUrl, canonicalizeUrlsInHtml, IMAGE_PROXIES, type ImageProxy } from './urls.ts';
export { DEFAULT_MAX_EDITS, diffRevisions, diffStats, renderDiffHtml } from './diff.ts';
export type { DiffKind, DiffOptions, DiffPart } from './diff.ts';
export { visibleText } from '../clean/visible-text.ts';
