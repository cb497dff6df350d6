export * from '../../archive-format/manifest.ts';
export { appendManifests, CHECKS_WAIT_MS, manifestMonths, sha256File, storeLines } from './writer.ts';
export type { AppendManifestsOptions, AppendManifestsResult } from './writer.ts';
