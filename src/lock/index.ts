// One cycle at a time per output folder.
export { acquireLock, describeHolder, LockError, parseHolder } from './lock-file.ts';
export type { Lock, LockErrorKind, LockHolder, LockOptions } from './lock-file.ts';
export { DEFAULT_LOCK_MAX_AGE_MS, DEFAULT_LOCK_WAIT_MS, isProcessAlive, lockOutput, lockPathFor } from './process.ts';
