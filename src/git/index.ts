export { commitArchive } from './commit.ts';
export type { CommitOptions, CommitResult, PushOutcome, StagedChange } from './commit.ts';
export { commitMessage } from './message.ts';
export { describeInitialized, ensureOwnRepository, INITIAL_BRANCH, isOwnRepository } from './own-repository.ts';
export type { OwnRepository } from './own-repository.ts';
export type { SourceChange } from './message.ts';
export { GitError } from './exec.ts';
export { indexBlobs } from './index-blobs.ts';
export { BUNDLE_PATTERN, refreshBundle, type BundleOptions, type BundleResult } from './bundle.ts';
