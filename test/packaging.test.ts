// The package as an operator gets it: `npm pack`, `npm install -g` of that tarball into an empty prefix,
// then the installed `newsvault --version` and `newsvault demo`. Nothing from the development tree may be
// needed at run time (no tsx, no src/, no devDependencies), and no test code may ship.
//
// The project is copied (without node_modules, dist/ and .git) into a temporary folder first, so the build
// that `npm pack` runs through `prepare` starts from nothing and never rewrites this checkout's dist/.
// Installing compiles better-sqlite3 from source when no prebuilt binary can be downloaded: this test takes
// minutes on a busy machine, and that is expected.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const SKIP_TOP = new Set(['node_modules', 'dist', '.git', 'archive', 'test-artifacts', '.bench']);

/** The environment without what a parent `npm test` exported (npm_config_prefix and friends). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

function describeRun(result: SpawnSyncReturns<string>): string {
  return `exit ${result.status}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
}

describe('the packed package', () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-pack-'));
  const copy = join(root, 'newsvault');
  const packs = join(root, 'packs');
  const prefix = join(root, 'prefix');
  let tarball = '';
  let packed: string[] = [];

  test('npm pack ships dist/, the demo inputs and the deploy files, and no tests', () => {
    cpSync(projectRoot, copy, {
      recursive: true,
      filter: (source) => !SKIP_TOP.has(relative(projectRoot, source).split(/[\\/]/)[0] ?? ''),
    });
    // `prepare` runs the TypeScript compiler, a devDependency, as it would after `npm ci`.
    symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
    mkdirSync(packs);
    const pack = run('npm', ['pack', '--json', '--pack-destination', packs], copy);
    assert.equal(pack.status, 0, describeRun(pack));
    const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = join(packs, info[0]!.filename);
    packed = info[0]!.files.map((file) => file.path);

    for (const needed of ['bin/newsvault.js', 'dist/cli/main.js', 'demo/feeds/voa.xml', 'demo/pages/dw-chancellor-visit.html', 'demo/images/berlin.png', 'deploy/systemd/newsvault.service', 'README.md', 'package.json']) {
      assert.ok(packed.includes(needed), `${needed} is not in the package`);
    }
    const testCode = packed.filter((path) => /\.test\.|\.bench\.|testdata\/|test-support|xss-corpus|article-pages|testimages|\.conformance\.|^src\/|^test\//.test(path));
    assert.deepEqual(testCode, []);
  });

  test('installed with npm install -g into an empty prefix, --version and demo work', () => {
    assert.ok(tarball, 'the pack step did not produce a tarball');
    mkdirSync(prefix);
    // --prefer-offline: the dependencies come from npm's cache when `npm ci` put them there, else the registry.
    // --allow-scripts: better-sqlite3 builds its native module in an install script, which npm 12 skips unless
    // allowed (npm 11 runs it and only warns).
    const install = run(
      'npm',
      ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--allow-scripts=newsvault,better-sqlite3', tarball],
      root,
    );
    assert.equal(install.status, 0, describeRun(install));

    const installed = join(prefix, 'lib', 'node_modules', 'newsvault');
    assert.equal(existsSync(join(installed, 'node_modules', 'tsx')), false, 'a devDependency (tsx) was installed');
    assert.equal(existsSync(join(installed, 'node_modules', 'typescript')), false, 'a devDependency (typescript) was installed');

    const bin = join(prefix, 'bin', 'newsvault');
    const version = run(bin, ['--version'], root);
    assert.equal(version.status, 0, describeRun(version));
    const expected = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(version.stdout.trim(), expected);

    const demoDir = join(root, 'demo-run');
    const demo = run(bin, ['demo', demoDir], root);
    assert.equal(demo.status, 0, describeRun(demo));
    const articles = join(demoDir, 'archive', 'articles');
    const files = readdirSync(articles, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    assert.equal(files.length, 4, `${files.map((entry) => entry.name).join(', ')}\n${describeRun(demo)}`);
    assert.match(demo.stdout, /4 new, 0 changed, 0 failed of 3 sources/);
  });

  // The command is bundled (scripts/build.ts): each command's code is a chunk loaded on demand, and the packages
  // it requires on first use come from the installed node_modules. The demo ran `run`; these load the rest.
  test('the installed search, status and reader work on the demo archive', async () => {
    const bin = join(prefix, 'bin', 'newsvault');
    const config = join(root, 'demo-run', 'newsvault.config.json');
    assert.ok(existsSync(config), 'the demo did not leave its config');
    const search = run(bin, ['search', '習近平', '--config', config], root);
    assert.equal(search.status, 0, describeRun(search));
    assert.match(search.stdout, /习近平/, 'the traditional spelling found no simplified article');
    const status = run(bin, ['status', '--config', config], root);
    // 1: the demo's articles are from 2023, so every source is flagged stale, and status says so by its exit code.
    assert.equal(status.status, 1, describeRun(status));
    assert.match(status.stdout, /^voa +1 .*stale since/m);

    const serve = spawn(bin, ['serve', '--port', '0', '--config', config], { cwd: root, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let printed = '';
      const url = await new Promise<string>((resolve, reject) => {
        serve.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          const found = /reader at (http:\/\/127\.0\.0\.1:\d+)\//.exec(printed);
          if (found) resolve(found[1]!);
        });
        serve.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
        serve.on('exit', (code) => reject(new Error(`serve exited with ${code} before listening:\n${printed}`)));
      });
      const page = await fetch(`${url}/search?q=${encodeURIComponent('習近平')}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /习近平/);
    } finally {
      serve.kill('SIGTERM');
    }
  });
});
