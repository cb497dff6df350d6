// dist/ (and so the package) holds run-time code only: every file tsconfig.build.json compiles is reachable by
// imports from the command's entry point, src/cli/main.ts. A test helper, fixture builder or generator source that
// the build picks up fails here, by name, without building or packing anything (test/packaging.test.ts packs).
import assert from 'node:assert/strict';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import ts from 'typescript';
import { reachableFrom } from './support/module-imports.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function builtFiles(): string[] {
  const configPath = join(projectRoot, 'tsconfig.build.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  assert.equal(read.error, undefined, 'tsconfig.build.json could not be read');
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath));
  assert.deepEqual(parsed.errors, []);
  return parsed.fileNames;
}

test('every file the build compiles is reachable from src/cli/main.ts', () => {
  const built = builtFiles();
  assert.ok(built.length > 100, `the build compiles only ${built.length} files: the config was misread`);
  const runTime = reachableFrom([join(projectRoot, 'src/cli/main.ts')]);
  const testOnly = built.filter((file) => !runTime.has(file)).map((file) => relative(projectRoot, file));
  assert.deepEqual(testOnly, [], 'compiled into dist/ but no run-time code imports it: exclude it in tsconfig.build.json');
});

test('nothing the command imports is excluded from the build', () => {
  const built = new Set(builtFiles());
  const runTime = [...reachableFrom([join(projectRoot, 'src/cli/main.ts')])].filter((file) => file.startsWith(join(projectRoot, 'src')));
  assert.deepEqual(runTime.filter((file) => !built.has(file)).map((file) => relative(projectRoot, file)), []);
});
