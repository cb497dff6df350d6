// A real `newsvault run` SIGKILLed (with the git it runs, as a discarded runner or a killed unit would be)
// at ten moments spread over a run's measured duration, across fetching, storing, publishing,
// committing and pushing; then one run to the end. Outcome assertions only, no timing ones: every item
// archived exactly once, nothing temporary ever in any commit, `git fsck` clean, the work tree clean, the
// store and the archive agreeing, and no commit titled "archive: update".
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { git } from '../src/git/exec.ts';
import { SqliteStore } from '../src/store/index.ts';
import { createCliArchive, pathsInHistory } from './support/cli-archive.ts';
import { runCliProcess as runCli, startCli } from './support/killable-cli.ts';
import { startFeedServer, type FeedServer } from './support/feed-server.ts';
import { generatedItems, rssFeed } from './support/generated-feed.ts';

const SOURCES = ['alpha', 'beta', 'gamma'];
const PER_STEP = 20;
const KILLS = 10;
const ALL = PER_STEP * (KILLS + 1);

describe('SIGKILL at random moments, then a run to the end', () => {
  let server: FeedServer;
  let served = PER_STEP;
  const items = new Map(SOURCES.map((id) => [id, generatedItems(id, ALL)]));
  before(async () => {
    server = await startFeedServer();
    for (const id of SOURCES) {
      server.routes.set(`/${id}.xml`, (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssFeed(id, items.get(id)!.slice(0, served)));
      });
    }
  });
  after(() => server.close());

  const sources = () => SOURCES.map((id) => ({ id, name: `${id} 新闻`, url: `${server.url}/${id}.xml` }));

  test('loses nothing, duplicates nothing and commits nothing temporary', async () => {
    // How long one run takes on this machine now: the kills are spread over it.
    const probe = await createCliArchive(sources());
    const started = performance.now();
    const measured = await runCli(['run', '--config', probe.configFile], probe.root);
    const durationMs = performance.now() - started;
    assert.equal(measured.code, 0, measured.stderr + measured.stdout);

    const archive = await createCliArchive(sources());
    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      served = PER_STEP * (kill + 1);
      const run = startCli(['run', '--config', archive.configFile], archive.root);
      // Deterministic spread over the measured duration (from just after start to just before the end).
      const delay = Math.round((durationMs * (kill + 1)) / (KILLS + 1));
      const timer = setTimeout(() => run.killGroup(), delay);
      const result = await run.done;
      clearTimeout(timer);
      outcomes.push(result.signal ?? `exit ${result.code}`);
    }
    served = ALL;
    const final = await runCli(['run', '--config', archive.configFile], archive.root);
    assert.equal(final.code, 0, `kills: ${outcomes.join(', ')}\n${final.stderr}${final.stdout}`);
    const quiet = await runCli(['run', '--config', archive.configFile], archive.root);
    assert.equal(quiet.code, 0, quiet.stderr + quiet.stdout);
    assert.ok(outcomes.includes('SIGKILL'), `at least one run was killed: ${outcomes.join(', ')}`);

    // Every item archived exactly once, in the store and in the committed tree, and they agree.
    const store = SqliteStore.open(archive.database);
    try {
      for (const id of SOURCES) {
        assert.equal(await store.countArticles(id), ALL, `${id} in the store`);
        const files = readdirSync(join(archive.output, 'articles', id));
        assert.equal(files.length, ALL, `${id} files`);
        const links = files.map((file) => readFileSync(join(archive.output, 'articles', id, file), 'utf8').split('\n')[1]);
        const urls = links.map((line) => /\]\((.*)\)$/.exec(line ?? '')?.[1]);
        assert.deepEqual(new Set(urls), new Set(items.get(id)!.map((item) => item.link)), `${id}: each item once`);
        for (const article of await store.listLatest(id, ALL)) {
          assert.ok(files.includes(`${article.number}.md`), `${id}/${article.number}.md for a stored article`);
        }
      }
    } finally {
      await store.close();
    }

    // Nothing temporary or lock-like in any commit of the history.
    const history = [...(await pathsInHistory(archive.output))];
    assert.deepEqual(history.filter((path) => /\.nv-tmp$|\.tmp$|\.lock$|\.sqlite/.test(path)), []);
    const head = (await git(archive.output, ['ls-tree', '-r', '--name-only', 'HEAD'])).stdout.split('\n').filter(Boolean);
    assert.equal(head.filter((path) => path.startsWith('articles/')).length, ALL * SOURCES.length);

    const fsck = await git(archive.output, ['fsck', '--no-progress']);
    assert.equal(fsck.code, 0, fsck.stderr);
    assert.equal((await git(archive.output, ['status', '--porcelain'])).stdout, '', 'work tree clean');
    assert.equal(
      (await git(archive.output, ['rev-parse', 'HEAD'])).stdout,
      (await git(archive.remote, ['rev-parse', 'main'])).stdout,
      'the remote has everything',
    );
    const subjects = (await git(archive.output, ['log', '--format=%s'])).stdout.trim().split('\n');
    assert.deepEqual(subjects.filter((subject) => !/^archive: \d+ (new|changed) article/.test(subject)), [], subjects.join('\n'));
  });
});
