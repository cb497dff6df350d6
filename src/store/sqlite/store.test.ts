// Runs the shared Store conformance suite against a real SQLite file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import { storeConformance } from '../store.conformance.ts';
import { SqliteStore } from './store.ts';

describe('SqliteStore', () => {
  storeConformance(() => SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'nv-store-')), 'store.sqlite')));
});
