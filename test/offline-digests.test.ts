// The site's EPUB digests, end to end on the demo (`newsvault demo`: the seed feeds and a full-text outlet,
// images archived): every book passes epubcheck, the archived images are inside the books, the listing page
// gives every book's size, and a second publish rewrites only the books of the day that changed. The archive's
// monthly git bundle, handed to the publish as a cycle hands it, is listed too, and clones.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../src/cli/main.ts';
import type { CliIo } from '../src/cli/io.ts';
import { loadConfig, type Config } from '../src/config/index.ts';
import { publishArchive } from '../src/cycle/publish-archive.ts';
import { fingerprint, sha256 } from '../src/revision/fingerprint.ts';
import { formatSize, isoWeek, offlinePaths } from '../src/publish/site/index.ts';
import { refreshBundle } from '../src/git/bundle.ts';
import { formatUtc8, isoUtc } from '../src/time/utc8.ts';
import { SqliteStore } from '../src/store/index.ts';
import { epubcheck } from './support/epubcheck.ts';

const NOW = new Date('2024-01-01T00:00:00Z');
const DEMO_IMAGES = new URL('../demo/images/', import.meta.url);

function books(siteDir: string): string[] {
  return readdirSync(join(siteDir, 'offline'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.epub'))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)))
    .sort();
}

const snapshot = (siteDir: string) =>
  new Map(books(siteDir).map((path) => [path, { mtimeMs: statSync(join(siteDir, path)).mtimeMs, sha: hash(readFileSync(join(siteDir, path))) }]));
const hash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const unzip = (siteDir: string, path: string) => unzipSync(readFileSync(join(siteDir, path)));

describe('EPUB digests on the demo archive', () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-offline-'));
  const io: CliIo = { stdout: () => {}, stderr: () => {}, cwd: root, now: () => NOW, isTty: false, env: {} };
  let config: Config;
  let siteDir: string;

  before(async () => {
    assert.equal(await main(['demo', root], io), 0);
    config = loadConfig({ cwd: root });
    siteDir = config.site.dir;
  });

  test('a book per day, per outlet and day, and per week', () => {
    assert.deepEqual(books(siteDir), [
      'offline/days/2023-03-22-rfi.epub',
      'offline/days/2023-03-22-voa.epub',
      'offline/days/2023-03-22.epub',
      'offline/days/2023-03-23-dw.epub',
      'offline/days/2023-03-23.epub',
      'offline/days/2023-03-24-dw.epub',
      'offline/days/2023-03-24.epub',
      'offline/weeks/2023-W12.epub',
    ]);
  });

  test('epubcheck finds no error in the week\'s book, a day\'s book of two outlets and an outlet\'s book', async () => {
    const checked = [offlinePaths.week('2023-W12'), offlinePaths.day('2023-03-22'), offlinePaths.sourceDay('dw', '2023-03-24')];
    const result = await epubcheck(checked.map((path) => join(siteDir, path)));
    assert.deepEqual(result.errors, [], result.output);
    assert.equal(result.code, 0, result.output);
  });

  test('the archived images are inside the books, byte for byte, and the articles show them', () => {
    const week = unzip(siteDir, offlinePaths.week('2023-W12'));
    const inBook = new Set(Object.entries(week).filter(([path]) => path.startsWith('EPUB/images/')).map(([, bytes]) => hash(bytes)));
    for (const name of ['berlin.png', 'hongkong.png', 'kremlin.png', 'moscow.png']) {
      assert.ok(inBook.has(hash(readFileSync(new URL(name, DEMO_IMAGES)))), `${name} is in the week's book`);
    }
    // berlin.png is shown by both DW articles and stored once.
    assert.equal(inBook.size, 4);
    const day = unzip(siteDir, offlinePaths.sourceDay('dw', '2023-03-24'));
    const [article] = Object.entries(day).filter(([path]) => path.startsWith('EPUB/text/'));
    const srcs = [...strFromU8(article![1]).matchAll(/<img src="\.\.\/([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(srcs.length > 0);
    for (const src of srcs) assert.ok(day[`EPUB/${src}`], `${src} is in the book`);
  });

  test('the table of contents is by outlet and the text is as published', () => {
    const week = unzip(siteDir, offlinePaths.week('2023-W12'));
    const nav = strFromU8(week['EPUB/nav.xhtml']!);
    const outlets = [...nav.matchAll(/<li><a href="[^"]+">([^<]+)（(\d+) 篇）<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.equal(outlets.length, 3, nav);
    assert.ok(outlets.includes('德国之声 2') && outlets.includes('美国之音 1') && outlets.includes('法广 1'), outlets.join(', '));
    const voa = Object.entries(week).find(([path]) => path.startsWith('EPUB/text/voa-'))!;
    assert.ok(strFromU8(voa[1]).includes('俄罗斯总统普京在大克里姆林宫举行正式仪式，欢迎中国国家主席习近平。'));
  });

  test('the site lists every book with its size, and the home page links the list', () => {
    const page = readFileSync(join(siteDir, offlinePaths.index), 'utf8');
    for (const path of books(siteDir)) {
      const href = path.slice('offline/'.length);
      const size = formatSize(statSync(join(siteDir, path)).size);
      assert.match(page, new RegExp(`<a href="${href}" type="application/epub\\+zip">[^<]+</a> <span class="muted">\\d+ 篇 · ${size.replace('.', '\\.')}</span>`), path);
    }
    assert.ok(readFileSync(join(siteDir, 'index.html'), 'utf8').includes(`<a href="${offlinePaths.index}">`));
  });

  test('publishing again rewrites no book; an edited article rewrites only its day\'s books and its week\'s', async () => {
    const first = snapshot(siteDir);
    const store = SqliteStore.open(config.database);
    try {
      const again = await publishArchive({ config, store, touchedSources: [], nowMs: NOW.getTime() + 3600_000 });
      assert.deepEqual(again.filesWritten.filter((path) => path.endsWith('.epub')), []);
      assert.deepEqual(snapshot(siteDir), first);

      // The DW article of 2023-03-24 gets a second revision.
      const dw = (await store.listLatest('dw', 2)).find((article) => new Date(article.publishedMs + 8 * 3600_000).toISOString().startsWith('2023-03-24'))!;
      const content = dw.content.replace('</p>', '</p><p>更正：本文发表后补充了一段说明。</p>');
      await store.addRevision(dw.id, {
        title: dw.title,
        url: dw.url,
        content,
        sha256: sha256(content),
        fingerprint: fingerprint(content),
        seenMs: NOW.getTime() + 7200_000,
        seenWhere: 'recheck',
      });
      const edited = await publishArchive({ config, store, touchedSources: ['dw'], nowMs: NOW.getTime() + 7200_000 });
      const rewritten = edited.filesWritten.filter((path) => path.endsWith('.epub')).map((path) => relative(siteDir, path)).sort();
      assert.deepEqual(rewritten, ['offline/days/2023-03-24-dw.epub', 'offline/days/2023-03-24.epub', 'offline/weeks/2023-W12.epub']);
      const now = snapshot(siteDir);
      for (const [path, before] of first) {
        if (rewritten.includes(path)) assert.notEqual(now.get(path)!.sha, before.sha, path);
        else assert.deepEqual(now.get(path), before, `${path} untouched`);
      }
      const book = unzip(siteDir, offlinePaths.sourceDay('dw', '2023-03-24'));
      const text = Object.entries(book).filter(([path]) => path.startsWith('EPUB/text/')).map(([, bytes]) => strFromU8(bytes)).join('');
      assert.ok(text.includes('更正：本文发表后补充了一段说明。'));
    } finally {
      store.close();
    }
  });
  test('a bundle handed to the publish is listed with its size, commit, date and how to clone it, and stays listed', async () => {
    // `newsvault demo` ran one cycle, which committed; a cycle's bundle phase (cycle/bundle-phase.ts) bundles that.
    const made = await refreshBundle({ repo: config.output, dir: join(siteDir, 'offline'), nowMs: NOW.getTime() + 3 * 3600_000 });
    assert.equal(made.kind, 'made');
    const bundle = made.kind === 'made' ? made.bundle : null;
    assert.equal(bundle!.name, 'newsvault-2024-01.bundle');
    const tracked = execFileSync('git', ['ls-files'], { cwd: config.output, encoding: 'utf8' });
    assert.ok(!tracked.includes('.bundle'), 'the bundle is kept out of the archive it bundles');
    const store = SqliteStore.open(config.database);
    try {
      const listed = await publishArchive({ config, store, touchedSources: [], nowMs: NOW.getTime() + 3 * 3600_000, bundle: bundle! });
      assert.deepEqual(listed.filesWritten.map((path) => relative(siteDir, path)).sort(), [offlinePaths.state, offlinePaths.index]);
      // A publish without a bundle (a cycle that made none) lists the same one and writes nothing.
      const again = await publishArchive({ config, store, touchedSources: [], nowMs: NOW.getTime() + 4 * 3600_000 });
      assert.deepEqual(again.filesWritten, []);
    } finally {
      store.close();
    }
    const page = readFileSync(join(siteDir, offlinePaths.index), 'utf8');
    assert.ok(page.includes(`<a href="newsvault-2024-01.bundle" type="application/octet-stream" download>newsvault-2024-01.bundle</a> <span class="muted">2024-01 · ${formatSize(bundle!.bytes)}</span>`), page);
    assert.ok(page.includes(`<code>${bundle!.commit.slice(0, 12)}</code>`), page);
    assert.ok(page.includes(`<time datetime="${isoUtc(bundle!.committedMs)}">${formatUtc8(bundle!.committedMs)}</time>`), page);
    assert.ok(page.includes('<code>git clone newsvault-2024-01.bundle archive</code>'));
    const clone = join(root, 'from-bundle');
    execFileSync('git', ['clone', '--quiet', join(siteDir, bundle!.path), clone], { env: { ...process.env, GIT_ALLOW_PROTOCOL: 'file' } });
    const headOf = (dir: string) => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    assert.equal(headOf(clone), bundle!.commit);
    assert.ok(readdirSync(join(clone, 'articles')).length > 0);
  });
});

describe('isoWeek', () => {
  for (const [day, week, monday] of [
    ['2023-03-22', '2023-W12', '2023-03-20'],
    ['2023-01-01', '2022-W52', '2022-12-26'],
    ['2020-12-31', '2020-W53', '2020-12-28'],
    ['2021-01-04', '2021-W01', '2021-01-04'],
    ['2024-12-30', '2025-W01', '2024-12-30'],
  ] as const) {
    test(`${day} is in ${week}`, () => assert.deepEqual(isoWeek(day), { week, monday }));
  }
});
