// `newsvault run` as a child process against loopback feeds with a PostgreSQL database: the articles are stored
// and `newsvault search` finds them (習近平 finds 习近平). Two `run` processes at once against one database (two
// machines, each with its own output folder): each source is fetched by one of them, every item is stored once,
// and each source's file numbers are gapless; each due article is re-checked by exactly one of them; one of them
// publishes at a time, and the output it leaves holds everything both stored. A run that finds the publish lock held
// says that publishing was left to the other machine.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import pg from 'pg';
import { FIRST_ARTICLE_NUMBER } from '../src/store/types.ts';
import { PUBLISH_LOCK } from '../src/store/postgres/publish-lock.ts';
import { queryRows as query } from '../src/store/postgres/test-support.ts';
import { serveBody, type Route } from './support/feed-server.ts';
import { generatedItems, rssFeed } from './support/generated-feed.ts';
import { runCliProcess, startCli } from './support/killable-cli.ts';
import { usePostgresAndFeedServer, writeRunConfig } from './support/postgres-fixture.ts';

const rfiFeed = readFileSync(new URL('./fixtures/seed-feeds/rfi.xml', import.meta.url));
const voaFeed = readFileSync(new URL('./fixtures/seed-feeds/voa.xml', import.meta.url));

/** The files under `dir` (relative), or none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** The store's build mark as the site's publish state records it (store/types.ts BuildMark). */
async function storeMark(url: string): Promise<{ revisionId: number; revisionSha256: string; statusChangedMs: number }> {
  const [last] = await query<{ id: string; sha256: string }>(url, 'SELECT id, sha256 FROM revisions ORDER BY id DESC LIMIT 1');
  const [status] = await query<{ ms: string | null }>(url, 'SELECT MAX(status_changed_ms) AS ms FROM articles');
  return { revisionId: Number(last!.id), revisionSha256: last!.sha256, statusChangedMs: Number(status?.ms ?? 0) };
}

/** Every article's Markdown file and site page, as `<source>/<number>`, from one output folder. */
function published(dir: string): { markdown: string[]; pages: string[]; mark: unknown } {
  const archive = join(dir, 'archive');
  const state = join(archive, 'site', '.state.json');
  return {
    markdown: filesUnder(join(archive, 'articles')).map((file) => file.replace(/\.md$/, '')),
    pages: filesUnder(join(archive, 'site', 'articles')).map((file) => file.replace(/\.html$/, '')),
    mark: existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { mark: unknown }).mark : null,
  };
}

describe('newsvault run on PostgreSQL', () => {
  const fixture = usePostgresAndFeedServer();
  before(() => {
    fixture.server.routes.set('/rfi.xml', serveBody(rfiFeed));
    fixture.server.routes.set('/voa.xml', serveBody(voaFeed));
  });

  test('run stores the feeds in PostgreSQL; search finds 习近平 as 習近平; reindex rebuilds the index there', async () => {
    const { cluster, server } = fixture;
    const url = await cluster.createDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'nv-pg-run-'));
    const config = writeRunConfig(dir, url, [
      { id: 'rfi', name: '法广', url: `${server.url}/rfi.xml` },
      { id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` },
    ]);
    const run = await runCliProcess(['--config', config, 'run'], dir);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const [{ n }] = (await query<{ n: string }>(url, 'SELECT COUNT(*) AS n FROM articles')) as [{ n: string }];
    assert.equal(Number(n), 2);

    const found = await runCliProcess(['--config', config, 'search', '習近平', '--json'], dir);
    assert.equal(found.code, 0, found.stderr);
    assert.equal(found.stderr, '', 'the index is up to date: no reindex hint');
    // Both seed articles name him; only the RFI one in its title.
    const result = JSON.parse(found.stdout) as { total: number; hits: { source: string; title: string; titleHtml: string }[] };
    assert.equal(result.total, 2);
    assert.deepEqual(result.hits.map((hit) => hit.source).sort(), ['rfi', 'voa']);
    assert.match(result.hits.find((hit) => hit.source === 'rfi')!.titleHtml, /^<mark>习近平<\/mark>结束访俄/);
    const narrowed = await runCliProcess(['--config', config, 'search', '習近平', '--source', 'voa', '--json'], dir);
    assert.equal((JSON.parse(narrowed.stdout) as { total: number }).total, 1);

    const reindex = await runCliProcess(['--config', config, 'reindex'], dir);
    assert.equal(reindex.code, 0, reindex.stderr);
    assert.match(reindex.stdout, /reindex: indexed 2 articles/);

    // status and check read the same PostgreSQL store (no SQLite file is made beside the config).
    const status = await runCliProcess(['--config', config, 'status', '--json'], dir);
    // Exit 1: the seed feeds' newest items are from 2023, so both sources are flagged stale.
    assert.equal(status.code, 1, status.stderr);
    const rows = JSON.parse(status.stdout) as { id: string; articles: number; fetched: boolean; flags: string[]; stale: string | null }[];
    assert.deepEqual(rows.map((row) => [row.id, row.articles, row.fetched]), [['rfi', 1, true], ['voa', 1, true]]);
    assert.ok(rows.every((row) => row.stale !== null && row.flags.some((flag) => flag.startsWith('stale since'))), JSON.stringify(rows));
    const check = await runCliProcess(['--config', config, 'check', '--json'], dir);
    assert.equal(check.code, 0, check.stderr + check.stdout);
    assert.equal((JSON.parse(check.stdout) as { checked: number }).checked, 0, 'nothing is due yet');
  });

  test('two run processes at once against one database: each source fetched once, every item stored once, numbers gapless', async () => {
    const { cluster, server } = fixture;
    const url = await cluster.createDatabase();
    const SOURCES = Array.from({ length: 8 }, (_, i) => `s${i}`);
    const ITEMS = 15;
    // Feeds answer only once both cycles have begun (each has a row in runs), so the two cycles overlap.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    for (const id of SOURCES) {
      const body = serveBody(rssFeed(id, generatedItems(id, ITEMS)));
      const route: Route = (request, response) => void released.then(() => body(request, response));
      server.routes.set(`/${id}.xml`, route);
    }
    const before = server.requests.length;
    const sources = SOURCES.map((id) => ({ id, name: `源${id}`, url: `${server.url}/${id}.xml` }));
    const machines = [0, 1].map(() => {
      const dir = mkdtempSync(join(tmpdir(), 'nv-pg-machine-'));
      return { dir, config: writeRunConfig(dir, url, sources) };
    });
    const runs = machines.map((machine) => startCli(['--config', machine.config, 'run', '--json'], machine.dir));
    try {
      for (;;) {
        const started = await query<{ n: string }>(url, 'SELECT COUNT(*) AS n FROM runs').catch(() => [{ n: '0' }]);
        if (Number(started[0]?.n) >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      release();
      const outcomes = await Promise.all(runs.map((run) => run.done));
      for (const outcome of outcomes) assert.equal(outcome.code, 0, outcome.stderr);

      const fetched = server.requests.slice(before).map((request) => request.path).sort();
      assert.deepEqual(fetched, SOURCES.map((id) => `/${id}.xml`).sort(), 'each feed requested once between the two');
      const bySource = new Map<string, string[]>();
      for (const outcome of outcomes) {
        const result = JSON.parse(outcome.stdout) as { sources: { sourceId: string; outcome: string }[] };
        for (const source of result.sources) bySource.set(source.sourceId, [...(bySource.get(source.sourceId) ?? []), source.outcome]);
      }
      for (const id of SOURCES) assert.deepEqual(bySource.get(id)?.sort(), ['ok', 'skipped'], id);

      // Publishing: one at a time. A machine that left it to the other wrote nothing; between them every article
      // file was written once, and the last to publish holds every article's page, at the store's mark.
      const turns = outcomes.map((outcome) => (JSON.parse(outcome.stdout) as { publishing: string }).publishing);
      assert.ok(turns.includes('published'), turns.join());
      const outputs = machines.map((machine) => published(machine.dir));
      turns.forEach((turn, i) => {
        if (turn === 'left-to-other') assert.deepEqual(outputs[i], { markdown: [], pages: [], mark: null });
      });
      const every = SOURCES.flatMap((id) => Array.from({ length: ITEMS }, (_, n) => `${id}/${FIRST_ARTICLE_NUMBER - n}`)).sort();
      assert.deepEqual(outputs.flatMap((output) => output.markdown).sort(), every, 'each article file written once, by one of them');
      const mark = await storeMark(url);
      const complete = outputs.filter((output) => JSON.stringify(output.pages) === JSON.stringify(every) && JSON.stringify(output.mark) === JSON.stringify(mark));
      assert.ok(complete.length >= 1, `no output holds every page at the store's mark: ${JSON.stringify(outputs.map((o) => [o.pages.length, o.mark]))}`);

      const counts = await query<{ source_id: string; n: string; top: string; bottom: string; keys: string }>(
        url,
        `SELECT source_id, COUNT(*) AS n, MAX(number) AS top, MIN(number) AS bottom, COUNT(DISTINCT key) AS keys FROM articles GROUP BY source_id ORDER BY source_id`,
      );
      assert.deepEqual(
        counts.map((row) => [row.source_id, Number(row.n), Number(row.keys), Number(row.top), Number(row.bottom)]),
        SOURCES.map((id) => [id, ITEMS, ITEMS, FIRST_ARTICLE_NUMBER, FIRST_ARTICLE_NUMBER - ITEMS + 1]),
      );
    } finally {
      release();
      for (const run of runs) run.killGroup();
    }
  });

  test('two run processes at once: each due article re-checked exactly once, by the process that fetched its source', async () => {
    const { cluster, server } = fixture;
    const url = await cluster.createDatabase();
    const SOURCES = Array.from({ length: 6 }, (_, i) => `r${i}`);
    const ITEMS = 5;
    // Feeds wait for `gate` (when set), so the two cycles overlap; article pages answer at once and are counted.
    let gate: Promise<void> | null = null;
    let release = () => {};
    const pages: string[] = [];
    for (const id of SOURCES) {
      const items = generatedItems(id, ITEMS).map((item, index) => ({ ...item, link: `${server.url}/pages/${id}/${index}.html` }));
      const feed = serveBody(rssFeed(id, items));
      server.routes.set(`/${id}.xml`, (request, response) => void (gate ?? Promise.resolve()).then(() => feed(request, response)));
      for (const [index, item] of items.entries()) {
        const path = `/pages/${id}/${index}.html`;
        pages.push(path);
        server.routes.set(path, serveBody(`<html><head><title>${item.title}</title></head><body>${item.html}</body></html>`, 'text/html; charset=utf-8'));
      }
    }
    const sources = SOURCES.map((id) => ({ id, name: `源${id}`, url: `${server.url}/${id}.xml` }));
    // One run stores the articles (re-checks off); then every one of them is made due.
    const seedDir = mkdtempSync(join(tmpdir(), 'nv-pg-seed-'));
    const seed = await runCliProcess(['--config', writeRunConfig(seedDir, url, sources), 'run'], seedDir);
    assert.equal(seed.code, 0, seed.stderr + seed.stdout);
    await query(url, 'UPDATE articles SET next_check_ms = 0');
    const [{ n: due }] = (await query<{ n: string }>(url, 'SELECT COUNT(*) AS n FROM articles WHERE next_check_ms <= 0')) as [{ n: string }];
    assert.equal(Number(due), SOURCES.length * ITEMS);

    gate = new Promise<void>((resolve) => (release = resolve));
    const before = server.requests.length;
    const machines = [0, 1].map(() => {
      const dir = mkdtempSync(join(tmpdir(), 'nv-pg-recheck-'));
      return { dir, config: writeRunConfig(dir, url, sources, { perRun: 1000 }) };
    });
    const runs = machines.map((machine) => startCli(['--config', machine.config, 'run', '--json'], machine.dir));
    try {
      for (;;) {
        const started = await query<{ n: string }>(url, 'SELECT COUNT(*) AS n FROM runs').catch(() => [{ n: '0' }]);
        if (Number(started[0]?.n) >= 3) break; // the seed run and both of these
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      release();
      const outcomes = await Promise.all(runs.map((run) => run.done));
      for (const outcome of outcomes) assert.equal(outcome.code, 0, outcome.stderr);

      const requested = server.requests.slice(before).map((request) => request.path).filter((path) => path.startsWith('/pages/')).sort();
      assert.deepEqual(requested, [...pages].sort(), 'each article page requested once between the two processes');
      const results = outcomes.map((outcome) => JSON.parse(outcome.stdout) as { sources: { sourceId: string; outcome: string }[]; rechecks: { checked: number } });
      assert.deepEqual(results.map((result) => result.rechecks.checked).reduce((a, b) => a + b), pages.length);
      // Each process re-checked the articles of the sources it fetched, and only those.
      const checks = await query<{ source_id: string; n: string }>(
        url,
        'SELECT a.source_id, COUNT(*) AS n FROM checks c JOIN articles a ON a.id = c.article_id GROUP BY a.source_id ORDER BY a.source_id',
      );
      assert.deepEqual(checks.map((row) => [row.source_id, Number(row.n)]), SOURCES.map((id) => [id, ITEMS]));
      for (const result of results) {
        const fetched = result.sources.filter((source) => source.outcome !== 'skipped').length;
        assert.equal(result.rechecks.checked, fetched * ITEMS, JSON.stringify(result.sources));
      }
    } finally {
      release();
      for (const run of runs) run.killGroup();
    }
  });

  test('a run that finds the publish lock held leaves publishing to the other machine; the next run publishes everything', async () => {
    const { cluster, server } = fixture;
    const url = await cluster.createDatabase();
    const ITEMS = 4;
    server.routes.set('/lock.xml', serveBody(rssFeed('lock', generatedItems('lock', ITEMS))));
    const dir = mkdtempSync(join(tmpdir(), 'nv-pg-lock-'));
    const config = writeRunConfig(dir, url, [{ id: 'lock', name: '锁', url: `${server.url}/lock.xml` }]);
    // The "other machine" holds the lock (advisory locks belong to one database, so no table is needed).
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('SELECT pg_advisory_lock($1)', [PUBLISH_LOCK]);
    let held = true;
    try {
      const left = await runCliProcess(['--config', config, 'run'], dir);
      assert.equal(left.code, 0, left.stderr + left.stdout);
      assert.match(left.stdout, /^publishing left to the other machine: another process sharing this database was publishing/m);
      const [{ n }] = (await query<{ n: string }>(url, 'SELECT COUNT(*) AS n FROM articles WHERE needs_publish')) as [{ n: string }];
      assert.equal(Number(n), ITEMS, 'stored, not published');
      assert.deepEqual(published(dir), { markdown: [], pages: [], mark: null });
      await other.query('SELECT pg_advisory_unlock($1)', [PUBLISH_LOCK]);
      held = false;
      const next = await runCliProcess(['--config', config, 'run', '--json'], dir);
      assert.equal(next.code, 0, next.stderr + next.stdout);
      assert.equal((JSON.parse(next.stdout) as { publishing: string }).publishing, 'published');
      const every = Array.from({ length: ITEMS }, (_, i) => `lock/${FIRST_ARTICLE_NUMBER - i}`).sort();
      assert.deepEqual(published(dir), { markdown: every, pages: every, mark: await storeMark(url) });
      const [{ pending }] = (await query<{ pending: string }>(url, 'SELECT COUNT(*) AS pending FROM articles WHERE needs_publish')) as [{ pending: string }];
      assert.equal(Number(pending), 0);
    } finally {
      if (held) await other.query('SELECT pg_advisory_unlock($1)', [PUBLISH_LOCK]).catch(() => undefined);
      await other.end();
    }
  });
});
