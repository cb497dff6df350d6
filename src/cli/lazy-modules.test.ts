// Start-up cost of `newsvault run` (issue 15): importing the command loads neither jsdom (with Readability)
// nor sanitize-html; they are loaded when a page is first extracted or display HTML first made. A cycle
// whose feeds all answer 304 never pays for them. Checked in a fresh child process, by the CommonJS
// module cache, which also lists CommonJS packages that ES modules imported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const LAZY = ['jsdom', '@mozilla/readability', 'sanitize-html'];

function loadedAfter(script: string): string[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  const cache = JSON.parse(child.stdout) as string[];
  return LAZY.filter((name) => cache.some((path) => path.includes(`/node_modules/${name}/`)));
}

const cacheKeys = "console.log(JSON.stringify(Object.keys((await import('node:module')).createRequire(import.meta.url).cache)));";

test('importing the run command loads none of jsdom, Readability and sanitize-html', () => {
  assert.deepEqual(loadedAfter(`await import('./src/cli/run.ts'); ${cacheKeys}`), []);
});

test('extracting a page and cleaning for display load them', () => {
  const script =
    "const { extractArticle } = await import('./src/extract/index.ts');" +
    "const { cleanDisplay } = await import('./src/clean/index.ts');" +
    "extractArticle('<html><body><article><p>正文</p></article></body></html>', { url: 'https://example.com/a' });" +
    "cleanDisplay('<p>x</p>');" +
    cacheKeys;
  assert.deepEqual(loadedAfter(script), LAZY);
});

test("importing the run command loads undici's Agent and request API, not its index (all of undici)", () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `await import('./src/cli/run.ts'); ${cacheKeys}`], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  const cache = JSON.parse(child.stdout) as string[];
  assert.ok(cache.some((path) => path.endsWith('/node_modules/undici/lib/dispatcher/agent.js')));
  assert.deepEqual(cache.filter((path) => path.endsWith('/node_modules/undici/index.js')), []);
});
