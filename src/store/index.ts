export * from './types.ts';
export { SqliteStore } from './sqlite/store.ts';
export { StoreError } from './error.ts';
