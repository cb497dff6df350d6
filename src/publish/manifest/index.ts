export * from '../../archive-format/manifest.ts';
export { manifestMonths, manifestPosition } from '../../archive-format/manifest-months.ts';
export { appendManifests, CHECKS_WAIT_MS, sha256File, storeLines } from './writer.ts';
export { manifestCovered, saveManifestCoverage } from './coverage.ts';
export type { AppendManifestsOptions, AppendManifestsResult } from './writer.ts';
