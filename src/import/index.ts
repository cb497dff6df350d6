export { importArchive } from './import-archive.ts';
export type { ImportOptions, ImportResult } from './import-archive.ts';
export { parseArticleFile, plainTitle, ArticleFileError } from '../archive-format/article-file.ts';
export type { ArticleFile } from '../archive-format/article-file.ts';
export { rebuildFromManifest } from './rebuild.ts';
export type { RebuildResult } from './rebuild.ts';
export { verifyArchive } from './verify-archive.ts';
export type { VerifyReport } from './verify-archive.ts';
