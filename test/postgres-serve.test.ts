// The reader on PostgreSQL, all real processes: `newsvault run` (a child process) archives the seed feeds and a
// feed in traditional characters into a database on a throwaway cluster; a second run brings an edit (a second
// revision); one article is then marked removed through the store, as two conclusive re-checks would. Two
// `newsvault serve` processes started at once on that database both answer over HTTP: the article page, a search
// for 习近平 that finds 習近平 text, the removed and changed pages, and refuse to write (405).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import pg from 'pg';
import { openStore } from '../src/store/open-store.ts';
import { serveBody } from './support/feed-server.ts';
import { runCliProcess, startCli, type CliRun } from './support/killable-cli.ts';
import { usePostgresAndFeedServer, writeRunConfig } from './support/postgres-fixture.ts';

const rfiFeed = readFileSync(new URL('./fixtures/seed-feeds/rfi.xml', import.meta.url));
const voaFeed = readFileSync(new URL('./fixtures/seed-feeds/voa.xml', import.meta.url));

const MEETING = { guid: 'tw-1', path: '/tw/1.html', title: '習近平會見台商代表' };
const ELECTION = { guid: 'tw-2', path: '/tw/2.html', title: '香港立法會選舉投票率創新低' };
const meetingText = '<p>國家主席習近平周五在北京會見台商代表。</p>';
const meetingEdited = '<p>國家主席習近平周五在北京會見台商代表，並發表講話。</p>';
const electionText = '<p>香港立法會選舉周日舉行，投票率創歷史新低。</p>';

/** A small full-text feed in traditional characters, its links on the loopback server. */
function traditionalFeed(base: string, meeting: string): string {
  const item = (entry: { guid: string; path: string; title: string }, html: string) =>
    `<item><title>${entry.title}</title><link>${base}${entry.path}</link><guid isPermaLink="false">${entry.guid}</guid>
<pubDate>Fri, 22 Mar 2024 04:00:00 GMT</pubDate><description><![CDATA[${html}]]></description></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>自由亞洲</title><link>${base}/</link>
${item(MEETING, meeting)}
${item(ELECTION, electionText)}
</channel></rss>`;
}

interface SearchJson {
  total: number;
  hits: { id: number; source: string; title: string; titleHtml: string; snippet: string }[];
}

/** Starts `newsvault serve --port 0` and resolves with its URL once it listens. */
function startServe(config: string, dir: string): { run: CliRun; url: Promise<string> } {
  const run = startCli(['--config', config, 'serve', '--port', '0'], dir);
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    run.child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /newsvault reader at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (found) resolve(found[1]!);
    });
    void run.done.then((outcome) => reject(new Error(`serve ended before listening (${outcome.code}): ${outcome.stderr}`)));
  });
  return { run, url };
}

describe('newsvault serve on PostgreSQL', () => {
  const fixture = usePostgresAndFeedServer();
  /** The database and config the first test fills; the second serves them again. */
  let filled: { database: string; config: string; dir: string } | null = null;

  test('two serve processes read one database that newsvault run filled: article, 习近平 finds 習近平, removed, changed', async () => {
    const { cluster, server } = fixture;
    const database = await cluster.createDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'nv-pg-serve-'));
    const config = writeRunConfig(dir, database, [
      { id: 'rfi', name: '法广', url: `${server.url}/rfi.xml` },
      { id: 'voa', name: '美国之音', url: `${server.url}/voa.xml` },
      { id: 'rfa', name: '自由亞洲', url: `${server.url}/rfa.xml` },
    ]);
    server.routes.set('/rfi.xml', serveBody(rfiFeed));
    server.routes.set('/voa.xml', serveBody(voaFeed));
    server.routes.set('/rfa.xml', serveBody(traditionalFeed(server.url, meetingText)));
    const first = await runCliProcess(['--config', config, 'run'], dir);
    assert.equal(first.code, 0, first.stderr + first.stdout);
    // The outlet edits one article: the next run stores a second revision of it.
    server.routes.set('/rfa.xml', serveBody(traditionalFeed(server.url, meetingEdited)));
    const second = await runCliProcess(['--config', config, 'run'], dir);
    assert.equal(second.code, 0, second.stderr + second.stdout);

    const opened = await openStore({ database });
    let removedId: number;
    let changedId: number;
    try {
      const election = (await opened.store.findArticleByUrl('rfa', `${server.url}${ELECTION.path}`))!;
      const meeting = (await opened.store.findArticleByUrl('rfa', `${server.url}${MEETING.path}`))!;
      assert.equal(meeting.revisionCount, 2, 'the edit made a second revision');
      await opened.store.setStatus(election.id, 'removed', Date.now());
      // The index follows the store's status, as the cycle's re-check phase keeps it.
      assert.equal(await opened.search.setStatus(election.id, 'removed'), true);
      removedId = election.id;
      changedId = meeting.id;
    } finally {
      await opened.store.close();
    }

    // Both readers start at once: each brings the index up to date (nothing to do) and serves read-only.
    filled = { database, config, dir };
    const readers = [startServe(config, dir), startServe(config, dir)];
    try {
      const urls = await Promise.all(readers.map((reader) => reader.url));
      assert.notEqual(urls[0], urls[1]);
      for (const url of urls) {
        const search = await fetch(`${url}/api/search?q=${encodeURIComponent('习近平')}`);
        assert.equal(search.status, 200, url);
        const result = (await search.json()) as SearchJson;
        // The two seed articles (simplified) and the traditional one; the removed article does not name him.
        assert.equal(result.total, 3, JSON.stringify(result));
        assert.deepEqual(result.hits.map((hit) => hit.source).sort(), ['rfa', 'rfi', 'voa']);
        const traditional = result.hits.find((hit) => hit.source === 'rfa')!;
        assert.equal(traditional.id, changedId);
        assert.equal(traditional.titleHtml, '<mark>習近平</mark>會見台商代表');
        assert.match(traditional.snippet, /<mark>習近平<\/mark>周五在北京會見台商代表，並發表講話/);

        const page = await fetch(`${url}/search?q=${encodeURIComponent('习近平')}`);
        assert.equal(page.status, 200);
        assert.match(await page.text(), new RegExp(`<a class="title" href="/articles/${changedId}"><mark>習近平</mark>會見台商代表</a>`));

        const rfi = result.hits.find((hit) => hit.source === 'rfi')!;
        const article = await fetch(`${url}/articles/${rfi.id}`);
        assert.equal(article.status, 200);
        const articleHtml = await article.text();
        assert.match(articleHtml, /<h1 lang="zh">习近平结束访俄，北京与莫斯科建立针对西方的&quot;特殊&quot;关系<\/h1>/);
        assert.match(articleHtml, /普京/);

        const removed = await fetch(`${url}/removed`);
        assert.equal(removed.status, 200);
        const removedHtml = await removed.text();
        assert.ok(removedHtml.includes(`href="/articles/${removedId}"`), removedHtml);
        assert.ok(removedHtml.includes(ELECTION.title));
        const changed = await fetch(`${url}/changed`);
        assert.equal(changed.status, 200);
        const changedHtml = await changed.text();
        assert.ok(changedHtml.includes(`href="/articles/${changedId}"`), changedHtml);
        assert.ok(!changedHtml.includes(`href="/articles/${rfi.id}"`), 'an article with one revision is not on the changed page');

        const post = await fetch(`${url}/`, { method: 'POST' });
        assert.equal(post.status, 405);
      }
    } finally {
      for (const reader of readers) reader.run.child.kill('SIGTERM');
      const outcomes = await Promise.all(readers.map((reader) => reader.run.done));
      for (const reader of readers) reader.run.killGroup();
      for (const outcome of outcomes) {
        assert.equal(outcome.code, 0, outcome.stderr);
        assert.doesNotMatch(outcome.stderr, /building the search index/, 'the runs kept the index up to date');
      }
    }
  });

  test('two serve processes started at once on a database without a search index both build it and answer', async (t) => {
    if (filled === null) return t.skip('the first test did not fill a database');
    const { database, config, dir } = filled;
    // As after `newsvault migrate --to postgresql://…`, which copies the store but not its index.
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      await client.query('TRUNCATE search_docs');
    } finally {
      await client.end();
    }
    const readers = [startServe(config, dir), startServe(config, dir)];
    try {
      const urls = await Promise.all(readers.map((reader) => reader.url));
      for (const url of urls) {
        const result = (await (await fetch(`${url}/api/search?q=${encodeURIComponent('习近平')}`)).json()) as SearchJson;
        assert.equal(result.total, 3, JSON.stringify(result));
        const removed = (await (await fetch(`${url}/api/search?q=${encodeURIComponent('立法會 status:removed')}`)).json()) as SearchJson;
        assert.deepEqual(removed.hits.map((hit) => hit.source), ['rfa'], 'the rebuilt index keeps the removed status');
      }
    } finally {
      for (const reader of readers) reader.run.child.kill('SIGTERM');
      const outcomes = await Promise.all(readers.map((reader) => reader.run.done));
      for (const reader of readers) reader.run.killGroup();
      for (const outcome of outcomes) assert.equal(outcome.code, 0, outcome.stderr);
      // At least one of them found the index empty and built it; neither failed doing so.
      assert.ok(outcomes.some((outcome) => /serve: indexed 4 articles/.test(outcome.stderr)), outcomes.map((o) => o.stderr).join('\n'));
    }
    const counted = new pg.Client({ connectionString: database });
    await counted.connect();
    try {
      assert.deepEqual((await counted.query('SELECT COUNT(*)::int AS n FROM search_docs')).rows, [{ n: 4 }]);
    } finally {
      await counted.end();
    }
  });
});
