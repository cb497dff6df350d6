// Data flows one way (DESIGN.md "One way through"): a module imports only its own stage and earlier ones. The order
// is this one table; every import of every file under src/ (tests and testdata builders too, `import type` too) is
// checked against it. A folder missing from the table fails too, so a new stage has to be given its place.
import assert from 'node:assert/strict';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { relativeImports, typeScriptFiles } from './support/module-imports.ts';

/**
 * The stages in pipeline order, by folder under src/ (the longest matching prefix names a file's stage). The
 * helpers first: they know nothing of the pipeline and every stage may use them.
 */
export const STAGE_ORDER = [
  'time', // UTC+8 and UTC formatting
  'files', // atomic writes, disk space
  'markup', // the byte-preserving HTML editor, escaping, srcset
  'lock', // the output folder's lock file
  'config', // schema and loading, the built-in outlets
  'sources', // the outlet table, OPML, the config file
  'fetch',
  'parse',
  'normalize',
  'extract',
  'clean',
  'media', // images: proxy rewriting and archiving, part of cleaning an article
  'revision', // fingerprints and diffs of cleaned HTML
  'search', // the index and query language beside the store (store/postgres implements SearchIndex)
  'store',
  'archive-format', // the archive's files (article Markdown, manifest, fetch state): publish writes them, import reads them
  'recheck',
  'import', // an archive folder into the store
  'publish',
  'stories',
  'search/site', // the static site's search: a publisher
  'git',
  'cycle', // the orchestrator
  'demo',
  'serve',
  'cli',
] as const;

const srcRoot = fileURLToPath(new URL('../src', import.meta.url));

/** The stage of a path under src/, or null when it lies outside src/ (test/support) or in no stage of the table. */
function stageOf(file: string): { name: string; rank: number } | null {
  const path = relative(srcRoot, file).split(sep).join('/');
  if (path.startsWith('../')) return null;
  let best: { name: string; rank: number } | null = null;
  for (const [rank, name] of STAGE_ORDER.entries()) {
    if ((path === name || path.startsWith(`${name}/`)) && (!best || name.length > best.name.length)) best = { name, rank };
  }
  return best;
}

test('every folder under src/ has a place in the stage table', () => {
  const files = typeScriptFiles(srcRoot);
  assert.ok(files.length > 300, `only ${files.length} files found under src/`);
  const unplaced = [...new Set(files.filter((file) => stageOf(file) === null).map((file) => relative(srcRoot, file).split(sep)[0]))];
  assert.deepEqual(unplaced, []);
});

test('no file under src/ imports a later stage', () => {
  const backward: string[] = [];
  for (const file of typeScriptFiles(srcRoot)) {
    const from = stageOf(file);
    if (!from) continue;
    for (const target of relativeImports(file)) {
      const to = stageOf(target);
      if (to && to.rank > from.rank) backward.push(`${relative(srcRoot, file)} (${from.name}) imports ${relative(srcRoot, target)} (${to.name})`);
    }
  }
  assert.deepEqual(backward, []);
});

test('the check sees a backward import', () => {
  // The table read the right way round: store is after fetch, so store → fetch is allowed and fetch → store is not.
  const fetch = stageOf(`${srcRoot}/fetch/client.ts`)!;
  const store = stageOf(`${srcRoot}/store/types.ts`)!;
  assert.ok(fetch.rank < store.rank);
  assert.equal(stageOf(`${srcRoot}/search/site/page.ts`)!.name, 'search/site');
  assert.equal(stageOf(`${srcRoot}/search/fold.ts`)!.name, 'search');
});
