export * from './types.ts';
export { SqliteStore } from './sqlite/store.ts';
export { openDatabase, StoreError, type SqliteDatabase } from './sqlite/open.ts';
