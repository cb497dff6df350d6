// Runs the type checker, then every *.test.ts file (unit tests beside the code, end-to-end tests in test/)
// with Node's own test runner. Pass file or folder paths to run a subset: `npm test -- src/fetch`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(path, out = []) {
  const stat = statSync(path);
  if (stat.isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules' || name === 'testdata' || name.startsWith('.')) continue;
    findTests(join(path, name), out);
  }
  return out;
}

const roots = process.argv.slice(2);
const files = (roots.length > 0 ? roots : ['src', 'test']).flatMap((root) => findTests(root));
if (files.length === 0) {
  console.error('test: no *.test.ts files found');
  process.exit(1);
}

if (roots.length === 0) {
  const tsc = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } },
);
process.exit(run.status ?? 1);
