// Re-checks by several processes sharing one PostgreSQL database: two `newsvault check` processes at once, and a
// `newsvault run` (its re-check phase) beside a `check`, against loopback article pages some of which were edited
// at the source and some of whose articles were marked removed. Each article is re-checked by exactly one of them
// (one request per page, one check per article), each edit is stored as exactly one new revision and each
// restoration as exactly one status event, and file numbers and revision numbers stay gapless.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FIRST_ARTICLE_NUMBER } from '../src/store/types.ts';
import { queryRows as query } from '../src/store/postgres/test-support.ts';
import { serveBody, type Route } from './support/feed-server.ts';
import { generatedItems, rssFeed } from './support/generated-feed.ts';
import { runCliProcess, startCli } from './support/killable-cli.ts';
import { usePostgresAndFeedServer, writeRunConfig } from './support/postgres-fixture.ts';

const SOURCES = ['k0', 'k1', 'k2'];
const ITEMS = 8;
/** Requests one process has in flight at most: its re-check workers, under the per-host limit set below. */
const ONE_PROCESS = 4;

const page = (title: string, paragraph: string) => `<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav><a href="/">首页</a> <a href="/world">国际</a></nav>
<article><h1>${title}</h1>
<p>外交部发言人周三在例行记者会上回答了有关人权问题的提问，并表示中方的立场一贯明确。</p>
<p>${paragraph}</p>
<p>分析人士认为，这一表态显示北京在相关议题上不会让步，国际社会的关注仍将持续。</p></article>
<footer>版权所有 · 联系我们</footer></body></html>`;

function writeConfig(dir: string, database: string, sources: { id: string; name: string; url: string }[], perRun: number): string {
  // Long enough for a page held back until the other process has started (a cold process on a busy machine).
  return writeRunConfig(dir, database, sources, { fulltext: 'page', perRun, fetch: { timeoutMs: 300_000, perHostConcurrency: ONE_PROCESS } });
}

/** Edited at the source: the articles with index 0, 3, 6. Marked removed in the store (their page is up): 1, 4, 7. */
const edited = (index: number) => index % 3 === 0;
const restored = (index: number) => index % 3 === 1;

describe('newsvault check on PostgreSQL beside other re-checking processes', () => {
  const fixture = usePostgresAndFeedServer();

  /**
   * A database holding SOURCES × ITEMS articles archived from their pages, every one due for a re-check, some pages
   * edited since and some articles marked removed; then `commands` run at once, each in its own output folder, while
   * the pages are held back until more requests wait than one process can have in flight (both are re-checking).
   */
  async function recheckAtOnce(name: string, commands: readonly string[][]) {
    const { cluster, server } = fixture;
    const url = await cluster.createDatabase();
    const pages: string[] = [];
    const bodies = new Map<string, Route>();
    let gate: Promise<void> | null = null;
    let release = () => {};
    let waiting = 0;
    for (const id of SOURCES) {
      const items = generatedItems(`${name}${id}`, ITEMS).map((item, index) => ({ ...item, link: `${server.url}/${name}/${id}/${index}.html` }));
      server.routes.set(`/${name}/${id}.xml`, serveBody(rssFeed(id, items)));
      for (const [index, item] of items.entries()) {
        const path = `/${name}/${id}/${index}.html`;
        pages.push(path);
        bodies.set(path, serveBody(page(item.title, `${item.title}：他说，有关报道“完全不符合事实”。`), 'text/html; charset=utf-8'));
        server.routes.set(path, (request, response) => {
          if (gate && ++waiting > ONE_PROCESS) release();
          void (gate ?? Promise.resolve()).then(() => bodies.get(path)!(request, response));
        });
      }
    }
    const sources = SOURCES.map((id) => ({ id, name: `源${id}`, url: `${server.url}/${name}/${id}.xml` }));
    // One run archives every article from its page (re-checks off).
    const seedDir = mkdtempSync(join(tmpdir(), 'nv-pg-check-seed-'));
    const seed = await runCliProcess(['--config', writeConfig(seedDir, url, sources, 0), 'run'], seedDir);
    assert.equal(seed.code, 0, seed.stderr + seed.stdout);
    const [{ n: archived }] = (await query<{ n: string }>(url, `SELECT COUNT(*) AS n FROM revisions WHERE seen_where = 'page'`)) as [{ n: string }];
    assert.equal(Number(archived), SOURCES.length * ITEMS);

    for (const [index, path] of pages.entries()) {
      if (edited(index % ITEMS)) bodies.set(path, serveBody(page(`${name} 编辑`, `他说，有关报道“严重歪曲事实”，中方已提出严正交涉（${path}）。`), 'text/html; charset=utf-8'));
    }
    await query(url, `UPDATE articles SET status = 'removed', status_changed_ms = 1 WHERE url ~ '/(${[...Array(ITEMS).keys()].filter(restored).join('|')})\\.html$'`);
    await query(url, 'UPDATE articles SET next_check_ms = 0');

    gate = new Promise<void>((resolve) => (release = resolve));
    const before = server.requests.length;
    const processes = commands.map((command) => {
      const dir = mkdtempSync(join(tmpdir(), 'nv-pg-check-'));
      return startCli(['--config', writeConfig(dir, url, sources, 1000), ...command, '--json'], dir);
    });
    try {
      const outcomes = await Promise.all(processes.map((process) => process.done));
      for (const outcome of outcomes) assert.equal(outcome.code, 0, outcome.stderr + outcome.stdout);
      const requested = server.requests.slice(before).map((request) => request.path).filter((path) => path.endsWith('.html')).sort();
      return { url, pages, requested, outputs: outcomes.map((outcome) => JSON.parse(outcome.stdout) as unknown) };
    } finally {
      release();
      for (const process of processes) process.killGroup();
    }
  }

  /** Every change recorded once, by whichever process checked the article; numbers and revision numbers gapless. */
  async function assertRecordedOnce(url: string, pages: readonly string[], requested: readonly string[], results: RecheckCounts[]) {
    const { server } = fixture;
    const total = SOURCES.length * ITEMS;
    assert.deepEqual(requested, [...pages].sort(), 'each article page requested once between the processes');
    const checks = await query<{ n: string; articles: string }>(url, 'SELECT COUNT(*) AS n, COUNT(DISTINCT article_id) AS articles FROM checks');
    assert.deepEqual(checks.map((row) => [Number(row.n), Number(row.articles)]), [[total, total]], 'one check per article');
    assert.equal(results.map((result) => result.checked).reduce((a, b) => a + b), total);
    for (const result of results) assert.ok(result.checked > 0, `every process re-checked some: ${JSON.stringify(results)}`);

    const revisions = await query<{ url: string; seqs: number[]; where: string[] }>(
      url,
      `SELECT a.url, array_agg(r.seq ORDER BY r.seq) AS seqs, array_agg(r.seen_where ORDER BY r.seq) AS where
         FROM articles a JOIN revisions r ON r.article_id = a.id GROUP BY a.url ORDER BY a.url`,
    );
    assert.equal(revisions.length, total);
    for (const row of revisions) {
      const index = Number(/\/(\d+)\.html$/.exec(row.url)![1]);
      assert.deepEqual([row.seqs, row.where], edited(index) ? [[1, 2], ['page', 'recheck']] : [[1], ['page']], row.url);
    }
    const events = await query<{ url: string; kinds: string[]; status: string }>(
      url,
      `SELECT a.url, a.status, array_agg(e.kind ORDER BY e.id) AS kinds FROM articles a JOIN status_events e ON e.article_id = a.id
        GROUP BY a.url, a.status ORDER BY a.url`,
    );
    const restoredPages = pages.filter((_, index) => restored(index % ITEMS));
    assert.deepEqual(events.map((row) => [row.url.slice(server.url.length), row.status, row.kinds]), restoredPages.sort().map((path) => [path, 'live', ['restored']]));
    assert.equal(results.map((result) => result.revised.length).reduce((a, b) => a + b), pages.filter((_, index) => edited(index % ITEMS)).length);
    assert.equal(results.map((result) => result.restored.length).reduce((a, b) => a + b), restoredPages.length);

    const numbers = await query<{ source_id: string; n: string; top: string; bottom: string }>(
      url,
      'SELECT source_id, COUNT(*) AS n, MAX(number) AS top, MIN(number) AS bottom FROM articles GROUP BY source_id ORDER BY source_id',
    );
    assert.deepEqual(
      numbers.map((row) => [row.source_id, Number(row.n), Number(row.top), Number(row.bottom)]),
      SOURCES.map((id) => [id, ITEMS, FIRST_ARTICLE_NUMBER, FIRST_ARTICLE_NUMBER - ITEMS + 1]),
    );
    const [{ n: leases }] = (await query<{ n: string }>(url, 'SELECT COUNT(*) AS n FROM recheck_leases')) as [{ n: string }];
    assert.equal(Number(leases), 0, 'every re-check lease released');
  }

  test('two check processes at once: each article re-checked once, each edit and restoration recorded once', async () => {
    const { url, pages, requested, outputs } = await recheckAtOnce('cc', [['check'], ['check']]);
    const results = outputs as (RecheckCounts & { publishing: string })[];
    await assertRecordedOnce(url, pages, requested, results);
    // Each listed every due article; what one did not check it left to the other.
    for (const result of results) assert.ok(result.checked + result.leftToOthers <= SOURCES.length * ITEMS, JSON.stringify(result));
    assert.ok(results.some((result) => result.leftToOthers > 0), JSON.stringify(results));
    assert.ok(results.some((result) => result.publishing === 'published'), JSON.stringify(results.map((result) => result.publishing)));
  });

  test('a run beside a check: its re-check phase and the check share the due articles, each re-checked once', async () => {
    const { url, pages, requested, outputs } = await recheckAtOnce('rc', [['run'], ['check']]);
    const [run, check] = outputs as [{ rechecks: RecheckCounts; sources: { outcome: string }[] }, RecheckCounts];
    assert.ok(run.sources.every((source) => source.outcome !== 'skipped' && source.outcome !== 'failed'), JSON.stringify(run.sources));
    await assertRecordedOnce(url, pages, requested, [run.rechecks, check]);
  });
});

interface RecheckCounts {
  checked: number;
  leftToOthers: number;
  revised: unknown[];
  restored: unknown[];
}
