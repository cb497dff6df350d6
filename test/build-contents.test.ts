// dist/ (and so the package) holds run-time code only. The build bundles what src/cli/main.ts imports
// (scripts/build.ts), so a test helper, fixture builder or devDependency reaches the package only when run-time
// code imports it. These tests run the same build into memory, without packing anything (test/packaging.test.ts
// packs), and name any such file.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { build, type Metafile } from 'esbuild';
import { bundleOptions } from '../scripts/build.ts';
import { reachableFrom } from './support/module-imports.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const packageJson = (await import('../package.json', { with: { type: 'json' } })).default as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// Modules that exist for the tests and benchmarks only, beside the usual names (*.test.ts, testdata/…).
const TEST_ONLY = /\.test\.ts$|\.bench\.ts$|\/testdata\/|test-support\.ts$|\.conformance\.ts$|^test\/|^bench\/|^src\/clean\/(xss-check|xss-corpus|display-corpus)\.ts$|^src\/extract\/(article-pages|quality)\.ts$|^src\/media\/testimages\.ts$|^src\/search\/simplified-table-source\.ts$|^src\/sources\/outlet-table\.ts$|^src\/stories\/(look-alikes|testdata-records)\.ts$/;

let built: Promise<Metafile> | undefined;
/** The build's metafile: every input it bundled and every import each output file kept. */
function metafile(): Promise<Metafile> {
  return (built ??= build({ ...bundleOptions(join(mkdtempSync(join(tmpdir(), 'nv-build-')), 'cli')), write: false, logLevel: 'silent' }).then(
    (result) => result.metafile,
  ));
}

/** The npm package an input under node_modules/ belongs to (`@scope/name` or `name`). */
function packageOf(input: string): string {
  const parts = input.slice(input.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

test('the bundle holds no test or benchmark code, and only modules that src/cli/main.ts reaches', async () => {
  const inputs = Object.keys((await metafile()).inputs);
  const own = inputs.filter((input) => !input.includes('node_modules/'));
  assert.ok(own.length > 100, `the build bundled only ${own.length} of the project's files: the build was misread`);
  assert.deepEqual(own.filter((input) => TEST_ONLY.test(input)), [], 'test or benchmark code is bundled: some run-time module imports it');
  const reachable = reachableFrom([join(projectRoot, 'src/cli/main.ts')]);
  assert.deepEqual(own.filter((input) => !reachable.has(resolve(projectRoot, input))), []);
});

test('every package the bundle holds or loads is a dependency, never a devDependency', async () => {
  const { inputs, outputs } = await metafile();
  const bundled = new Set(Object.keys(inputs).filter((input) => input.includes('node_modules/')).map(packageOf));
  // What stays outside: better-sqlite3 (native) and the packages the code requires on first use (createRequire).
  const kept = new Set(
    Object.values(outputs)
      .flatMap((output) => output.imports)
      .filter((imported) => imported.external && !isBuiltin(imported.path))
      .map((imported) => imported.path.split('/').slice(0, imported.path.startsWith('@') ? 2 : 1).join('/')),
  );
  const dependencies = new Set(Object.keys(packageJson.dependencies));
  // A package's own dependencies (undici under jsdom, entities under htmlparser2…) come with it; a devDependency never does.
  const dev = new Set(Object.keys(packageJson.devDependencies));
  assert.deepEqual([...bundled].filter((name) => dev.has(name) && !dependencies.has(name)), [], 'a devDependency is bundled: the installed package has no such thing');
  assert.deepEqual([...kept].filter((name) => !dependencies.has(name) && name !== 'pg-native'), [], 'the bundle imports a package that is not a dependency');
  assert.ok(bundled.has('zod') && bundled.has('commander'), `the dependencies were not bundled: ${[...bundled].join(', ')}`);
});
