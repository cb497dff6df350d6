// Importing real files of the old archive (copied byte for byte into testdata/) and files with its quirks.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatArticleFile } from '../archive-format/markdown.ts';
import { SqliteStore, type Store } from '../store/index.ts';
import { fingerprint, sha256 } from '../revision/fingerprint.ts';
import { importArchive } from './import-archive.ts';

const testdata = new URL('./testdata/duty-machine/', import.meta.url).pathname;
const now = () => new Date('2025-03-01T00:00:00Z');

async function withStore<T>(fn: (store: Store, root: string) => T | Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'nv-import-'));
  const store = SqliteStore.open(join(root, 'store.sqlite'));
  try {
    return await fn(store, root);
  } finally {
    await store.close();
  }
}

/** Every article file under testdata/duty-machine/articles/<source>/. */
function realFiles(): { sourceId: string; name: string; path: string; text: string }[] {
  const articles = join(testdata, 'articles');
  return readdirSync(articles).flatMap((sourceId) =>
    readdirSync(join(articles, sourceId)).map((name) => {
      const path = join(articles, sourceId, name);
      return { sourceId, name, path, text: readFileSync(path, 'utf8') };
    }),
  );
}

const BBC_IFRAME =
  '<iframe src="https://bbc.com/ws/av-embeds/cps/zhongwen/simp/science-54509082/p08rdvrb/zh-hans" title="多媒体播放器" allow="autoplay; fullscreen" scrolling="no" allowfullscreen="" class="StyledIframe-fuo2ed-1 jOjdak"></iframe>';

describe('import the old archive (real files)', () => {
  test('every file is imported with its number, title, URL, date and its HTML through the archival cleaner', () =>
    withStore(async (store) => {
      const result = await importArchive({ store, dir: testdata, sources: [{ id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' }], now });
      assert.deepEqual(result.errors, []);
      // The one file the cleaner changes: BBC/1047443 embeds BBC's player in an <iframe> (clean/fixtures.test.ts).
      assert.deepEqual(result.warnings, [`import: ${join(testdata, 'articles/BBC/1047443.md')}: removed iframe`]);
      assert.deepEqual(result.cleaned, [(await store.getArticleByNumber('BBC', 1047443))?.id]);
      const files = realFiles();
      assert.equal(files.length, 19);
      assert.equal(result.imported, 19);
      assert.deepEqual(result.sources, ['BBC', 'cdt', 'dw', 'ft', 'nyt', 'reuters', 'rfa', 'rfi', 'voa']);
      for (const file of files) {
        const number = Number(/^\d+/.exec(file.name)![0]);
        const article = await store.getArticleByNumber(file.sourceId, number);
        assert.ok(article, file.path);
        const lines = file.text.split('\n');
        assert.equal(article.publishedMs, Number(/^<!--(\d+)-->$/.exec(lines[0]!)![1]), file.name);
        const body = lines.slice(4).join('\n').replace(/\n$/, '');
        assert.equal(article.content, file.name === '1047443.md' ? body.replace(BBC_IFRAME, '') : body, file.name);
        assert.equal(article.sha256, sha256(article.content));
        assert.equal(article.url, new URL(/\]\((.*)\)$/.exec(lines[1]!)![1]!).href);
        assert.equal((await store.listRevisions(article.id))[0]?.seenWhere, 'import');
      }
      assert.equal((await store.listSources()).find((s) => s.id === 'voa')?.name, '美国之音');
    }));

  const titles: [string, number, string][] = [
    ['BBC', 1047474, '中国品牌“囚爱“男性贞操锁安全隐患曝光：黑客或可远程锁定'], // the old tool's \“ escapes undone
    ['BBC', 1047462, '世界贸易组织将迎来首位女性总干事'], // <id>_<title>.md naming
    ['BBC', 1047443, '肺炎疫情：解答澳洲“新冠病毒存活28天”的五个问题'], // <id>.md in the same folder
    ['rfa', 1037241, '英国作家新书《山之高》   揭示中国"反向迁移"现象'], // raw quotes, three spaces kept
    ['cdt', 0, 'Photo: Untitled (Shanghai), by Hsiuan Boyen'], // the odd number 0
  ];
  for (const [sourceId, number, title] of titles) {
    test(`title of ${sourceId}/${number}`, () =>
      withStore(async (store) => {
        await importArchive({ store, dir: testdata, sources: [], now });
        assert.equal((await store.getArticleByNumber(sourceId, number))?.title, title);
      }));
  }

  test('re-written by newsvault, a file comes out byte for byte unless its title had old escapes or the cleaner cut it', () =>
    withStore(async (store) => {
      await importArchive({ store, dir: testdata, sources: [], now });
      const differ: string[] = [];
      for (const file of realFiles()) {
        const article = (await store.getArticleByNumber(file.sourceId, Number(/^\d+/.exec(file.name)![0])))!;
        const again = formatArticleFile({ publishedMs: article.publishedMs, title: article.title, url: article.url, html: article.content });
        if (again !== file.text) differ.push(`${file.sourceId}/${file.name}`);
      }
      // BBC/1047474 wrote \“ (we write “); rfa/1037241 wrote raw " (we write &quot;, as the seeds do);
      // BBC/1047443 loses its <iframe>.
      assert.deepEqual(differ.sort(), ['BBC/1047443.md', 'BBC/1047474_中国品牌\\“囚爱\\“男性贞操锁安全隐患曝光：黑客或可远程锁定.md', 'rfa/1037241.md']);
    }));

  test('later articles continue the numbering below the imported ones; importing again adds nothing', () =>
    withStore(async (store) => {
      await importArchive({ store, dir: testdata, sources: [], now });
      const next = await store.insertArticle({
        sourceId: 'voa', key: 'guid:new', url: 'https://www.voachinese.com/a/new.html', title: '新', author: null,
        publishedMs: 1_740_000_000_000, content: '<p>新</p>', sha256: 'x', fingerprint: 'y', seenMs: 1, seenWhere: 'feed',
      });
      assert.equal(next.number, 1008879);
      const rfi = await store.insertArticle({
        sourceId: 'rfi', key: 'guid:rfi', url: null, title: '新', author: null, publishedMs: 1, content: '', sha256: 'x',
        fingerprint: 'y', seenMs: 1, seenWhere: 'feed',
      });
      assert.equal(rfi.number, 999999);
      const again = await importArchive({ store, dir: testdata, sources: [], now });
      assert.deepEqual([again.imported, again.skipped, again.errors], [0, 19, []]);
      assert.equal(await store.countArticles(), 21);
    }));

  test('the older China Digital Times layout: no source folder, 日期 line, numbered 0xFFFFF − post id', () =>
    withStore(async (store) => {
      const result = await importArchive({ store, dir: join(testdata, 'chinadigitaltimes-repo'), sources: [], now });
      assert.deepEqual(result.errors, []);
      assert.deepEqual([result.imported, result.sources], [3, ['cdt']]);
      const byNumber = async (n: number) => await store.getArticleByNumber('cdt', n);
      assert.equal((await byNumber(0xfffff - 400701))?.title, '【真理部】《掮客徐升》');
      assert.equal((await byNumber(0xfffff - 400701))?.publishedMs, Date.parse('Sun, 21 Jun 2020 17:36:21 +0000'));
      assert.equal((await byNumber(0xfffff - 401496))?.title, '奇客资讯｜两款播客应用从苹果应用商店下架');
      const long = (await byNumber(0xfffff - 399674))!;
      assert.equal(long.title, '立场新闻 | 国安法通过  黄之锋、罗冠聪、周庭等宣布退出  香港众志即日解散：化整为零继续抗争');
      assert.equal(long.publishedMs, Date.parse('Thu, 02 Jul 2020 02:53:55 +0000'));
      assert.ok(long.url?.startsWith('https://chinadigitaltimes.net/chinese/2020/07/%e7%ab%8b'));
      assert.ok(long.content.startsWith('<div id="attachment_648902"'));
      assert.ok(!long.content.includes('日期：'));
      // Imported together with the newer archive, both keep one numbering (the newer cdt/332719 is post 715856).
      await importArchive({ store, dir: testdata, sources: [], now });
      assert.equal((await store.getArticleByNumber('cdt', 332719))?.url, 'https://chinadigitaltimes.net/chinese/715856.html');
      assert.equal(await store.countArticles('cdt'), 5);
    }));
});

describe('import: quirks of the layout', () => {
  const T = 1_679_431_144_000;
  const files: Record<string, string> = {
    // Escaped brackets and &quot; as markdownTitle writes them; a raw Chinese URL.
    'q/1048574.md': `<!--${T}-->\n[\\[视频\\] 北京与莫斯科建立&quot;特殊&quot;关系 a\\]b](https://www.rfi.fr/cn/国际/20230322-习)\n------\n\n<p>一</p>\n`,
    // Unescaped brackets, as some old titles were written.
    'q/1048573.md': `<!--${T}-->\n[[图集]香港[七一]游行](https://example.com/a(1))\n------\n\n<p>二</p>\n`,
    // No timestamp comment.
    'q/1048572.md': `[没有时间戳](https://example.com/no-stamp)\n------\n\n<p>三</p>\n`,
    // CRLF line ends and a BOM.
    'q/1048571.md': `\uFEFF<!--${T}-->\r\n[换行](https://example.com/crlf)\r\n------\r\n\r\n<p>四</p>\r\n`,
    // The same URL as 1048574, written again under another number.
    'q/1048570.md': `<!--${T}-->\n[重复](https://www.rfi.fr/cn/%E5%9B%BD%E9%99%85/20230322-%E4%B9%A0)\n------\n\n<p>一（更新）</p>\n`,
    // Not an article: no link line.
    'q/1048569.md': `<!--${T}-->\n标题没有链接\n------\n\n<p>坏</p>\n`,
    // Not article files at all.
    'q/notes.txt': 'x',
    'q/README.md': '# q',
  };

  test('titles, URLs, a missing timestamp, CRLF, a duplicate URL and a broken file', () =>
    withStore(async (store, root) => {
      const dir = join(root, 'archive');
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, 'articles', path, '..'), { recursive: true });
        writeFileSync(join(dir, 'articles', path), text);
      }
      const mtime = new Date('2023-01-02T03:04:05Z');
      utimesSync(join(dir, 'articles/q/1048572.md'), mtime, mtime);
      mkdirSync(join(dir, 'lists'));
      writeFileSync(join(dir, 'lists/q.md'), 'q\n------\n\n');

      const result = await importArchive({ store, dir, sources: [{ id: 'q', name: '测试', url: 'https://example.com/feed' }], now });
      assert.equal(result.imported, 5);
      assert.equal(result.errors.length, 1);
      assert.match(result.errors[0]!, /^import: .*1048569\.md: line 2 is not a \[title\]\(url\) link$/);

      const get = async (n: number) => (await store.getArticleByNumber('q', n))!;
      assert.equal((await get(1048574)).title, '[视频] 北京与莫斯科建立"特殊"关系 a]b');
      assert.equal((await get(1048574)).url, 'https://www.rfi.fr/cn/%E5%9B%BD%E9%99%85/20230322-%E4%B9%A0');
      assert.equal((await get(1048573)).title, '[图集]香港[七一]游行');
      assert.equal((await get(1048573)).url, 'https://example.com/a(1)');
      assert.equal((await get(1048572)).publishedMs, mtime.getTime());
      assert.equal((await get(1048571)).title, '换行');
      assert.equal((await get(1048571)).publishedMs, T);
      assert.equal((await get(1048571)).content, '<p>四</p>');
      // The duplicate is kept as its own article (its number stays taken), found by URL is the first.
      assert.equal((await get(1048570)).content, '<p>一（更新）</p>');
      assert.equal((await store.findArticleByKey('q', 'url:https://www.rfi.fr/cn/%E5%9B%BD%E9%99%85/20230322-%E4%B9%A0'))?.number, 1048574);
      const next = await store.insertArticle({
        sourceId: 'q', key: 'guid:next', url: null, title: '下一篇', author: null, publishedMs: T, content: '',
        sha256: 'x', fingerprint: 'y', seenMs: 1, seenWhere: 'feed',
      });
      assert.equal(next.number, 1048568, 'below every imported number, and not the broken file’s 1048569');
    }));

  test('an old file with markup the archive never carries is imported cleaned, like a fetched article', () =>
    withStore(async (store, root) => {
      // What other tools wrote into archives of this layout: a script, an event handler, a javascript: link,
      // and elements that change how the rest of the document is decoded or where its links point.
      const body = '<meta charset="ISO-2022-JP"><base href="https://evil.example/"><p onclick="steal()">正文<script>alert(1)</script>' +
        '<a href="javascript:alert(2)">链接</a><img src="a.jpg" onerror="alert(3)"></p>';
      const dir = join(root, 'archive');
      mkdirSync(join(dir, 'articles/x'), { recursive: true });
      writeFileSync(join(dir, 'articles/x/1048574.md'), `<!--${T}-->\n[标题](https://example.com/a)\n------\n\n${body}\n`);
      writeFileSync(join(dir, 'articles/x/1048573.md'), `<!--${T}-->\n[干净](https://example.com/b)\n------\n\n<p>干净</p>\n`);
      const result = await importArchive({ store, dir, sources: [], now });
      assert.deepEqual(result.errors, []);
      const dirty = (await store.getArticleByNumber('x', 1048574))!;
      assert.equal(dirty.content, '<p>正文<a>链接</a><img src="a.jpg"></p>');
      assert.equal(dirty.sha256, sha256(dirty.content));
      assert.equal(dirty.fingerprint, fingerprint(dirty.content));
      assert.equal(result.warnings.length, 1);
      assert.match(result.warnings[0]!, /^import: .*1048574\.md: removed /);
      assert.deepEqual(result.cleaned, [dirty.id], 'the clean file keeps its bytes and its published mark');
      assert.equal((await store.getArticleByNumber('x', 1048573))?.content, '<p>干净</p>');
    }));

  test('a folder without articles/ is an error, not a crash', () =>
    withStore(async (store, root) => {
      const result = await importArchive({ store, dir: root, sources: [], now });
      assert.deepEqual(result.errors, [`import: ${root} has no articles/ folder`]);
    }));

  test('real files copied anywhere import the same (the names with \\ and “ survive a copy)', () =>
    withStore(async (store, root) => {
      cpSync(testdata, join(root, 'copy'), { recursive: true });
      assert.equal((await importArchive({ store, dir: join(root, 'copy'), sources: [], now })).imported, 19);
    }));
});
