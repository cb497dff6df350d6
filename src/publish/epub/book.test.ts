// The EPUB writer on the seed articles (as the old archive published them) and on markup that XML and the
// HTML content model refuse: epubcheck finds no error, images are inside the book, the bytes are stable.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { cleanDisplay } from '../../clean/index.ts';
import { png } from '../../media/testimages.ts';
import { epubcheck } from '../../../test/support/epubcheck.ts';
import { buildEpub, type EpubArticle, type EpubBook, type EpubImage } from './index.ts';

const SEEDS = new URL('../../../test/fixtures/seeds/', import.meta.url);
const RED = png([200, 30, 30], 3);
const WEBP: EpubImage = { bytes: new Uint8Array(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1')), mediaType: 'image/webp' };

/** A seed file: `<!--{ms}-->\n[{title}]({url})\n------\n\n{html}\n`. */
function seedArticle(name: string, outlet: EpubArticle['outlet']): EpubArticle {
  const text = readFileSync(new URL(name, SEEDS), 'utf8');
  const m = /^<!--(\d+)-->\n\[(.*)\]\((.*)\)\n------\n\n(.*)\n$/s.exec(text);
  if (!m) throw new Error(`not a seed file: ${name}`);
  const html = cleanDisplay(m[4]!, { baseUrl: m[3]! });
  // As if the archive had kept the article's images: every image it shows maps to archived bytes.
  const images = new Map([...html.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((img) => [img[1]!.replaceAll('&amp;', '&'), { bytes: RED, mediaType: 'image/png' }]));
  return { id: `${outlet.id}-${name.slice(0, 3)}`, title: m[2]!, outlet, publishedMs: Number(m[1]), author: null, url: m[3]!, removed: false, html, images };
}

const voa = { id: 'voa', name: '美国之音', language: 'zh-Hans' };
const rfi = { id: 'rfi', name: '法广', language: 'zh-Hans' };
const trad = { id: 'bbc-trad', name: 'BBC 中文（繁體）', language: 'zh-Hant' };

const HOSTILE = cleanDisplay(
  `<p>臺灣<span>行內<div>塊級</div>文字</span></p>
<li>孤立的項目</li><ul>裸露文字<li>一</li></ul>
<p><a href="https://example.com/a">外鏈<a href="https://example.com/b">嵌套</a></a></p>
<figure><img src="https://img.example/archived.png" alt="存檔圖"><figcaption>圖說</figcaption></figure>
<p><img src="https://img.example/remote.jpg" alt="遠端"> <img src="https://img.example/pic.webp" alt="WebP"></p>
<iframe src="https://www.youtube.com/embed/abc" title="影片"></iframe>
<table><tr><td colspan="2">表格</td><td colspan="x">壞</td></tr></table>
<p>時間 <time datetime="not a date">昨天</time> &amp; 符號 &lt;b&gt; 與 "引號" 和 控制字元\u0001</p>
<pre>代碼 <div>塊</div></pre><a href="#frag">片段</a> <a href="relative/path">相對</a>`,
  { baseUrl: null },
);

function sampleBook(): EpubBook {
  const hostile: EpubArticle = {
    id: 'bbc-trad-1',
    title: '第1則：臺灣 <測試> & 「引號」\u0002',
    outlet: trad,
    publishedMs: Date.parse('2023-03-22T02:15:00Z'),
    author: '記者1號',
    url: 'https://www.bbc.com/zhongwen/trad/world-1?a=1&b=2',
    removed: true,
    html: HOSTILE,
    images: new Map([
      ['https://img.example/archived.png', { bytes: RED, mediaType: 'image/png' }],
      ['https://img.example/pic.webp', WEBP],
    ]),
  };
  return {
    identifier: 'urn:newsvault:digest:all:2023-03-22',
    title: '新闻存档 · 2023-03-22',
    language: 'zh',
    modifiedMs: Date.parse('2024-01-01T00:00:00Z'),
    publisher: 'newsvault',
    description: '2023-03-22（北京时间）的全部文章',
    articles: [seedArticle('000_050e39a74adabfee.txt', voa), hostile, seedArticle('002_e9119868c7a8961d.txt', rfi)],
  };
}

describe('buildEpub', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nv-epub-'));
  const book = sampleBook();
  const bytes = buildEpub(book);
  const files = unzipSync(bytes);
  const text = (path: string): string => strFromU8(files[path]!);

  test('epubcheck finds no error in a book of the seed articles and hostile markup', async () => {
    const path = join(dir, 'digest.epub');
    writeFileSync(path, bytes);
    const result = await epubcheck([path]);
    assert.deepEqual(result.errors, [], result.output);
    assert.equal(result.code, 0, result.output);
  });

  test('mimetype is the first entry, stored, with no extra field (OCF §4.3)', () => {
    const view = Buffer.from(bytes);
    assert.equal(view.readUInt32LE(0), 0x04034b50);
    assert.equal(view.readUInt16LE(8), 0, 'compression method: stored');
    assert.equal(view.readUInt16LE(26), 'mimetype'.length);
    assert.equal(view.readUInt16LE(28), 0, 'extra field length');
    assert.equal(view.subarray(30, 38).toString('latin1'), 'mimetype');
    assert.equal(view.subarray(38, 58).toString('latin1'), 'application/epub+zip');
  });

  test('archived images are inside the book, once, and linked from the articles; others become links', () => {
    const images = Object.keys(files).filter((path) => path.startsWith('EPUB/images/'));
    assert.equal(images.length, 1, images.join(' '));
    assert.deepEqual(files[images[0]!], RED);
    const name = images[0]!.slice('EPUB/'.length);
    for (const article of ['voa-000', 'bbc-trad-1', 'rfi-002']) {
      assert.ok(text(`EPUB/text/${article}.xhtml`).includes(`<img src="../${name}"`), article);
    }
    assert.match(text('EPUB/package.opf'), new RegExp(`href="${name}" media-type="image/png"`));
    const hostile = text('EPUB/text/bbc-trad-1.xhtml');
    assert.ok(hostile.includes('<a href="https://img.example/remote.jpg">[图片：遠端]</a>'), hostile);
    assert.ok(hostile.includes('[图片：WebP]'), 'a WebP image is not a core media type of EPUB 3.2');
    assert.ok(hostile.includes('<a href="https://www.youtube.com/embed/abc">[嵌入内容：影片]</a>'), hostile);
  });

  test('the table of contents groups articles by outlet, in the order outlets first appear', () => {
    const nav = text('EPUB/nav.xhtml');
    const outlets = [...nav.matchAll(/<li><a href="[^"]+">([^<]+)（(\d+) 篇）<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(outlets, ['美国之音 1', 'BBC 中文（繁體） 1', '法广 1']);
    assert.ok(nav.includes('<nav epub:type="toc" id="toc">'));
    const spine = [...text('EPUB/package.opf').matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(spine, ['nav', 'a-voa-000', 'a-bbc-trad-1', 'a-rfi-002']);
  });

  test('text as published: Traditional stays Traditional, in its own language, escaped', () => {
    const doc = text('EPUB/text/bbc-trad-1.xhtml');
    assert.match(doc, /<html [^>]*lang="zh-Hant" xml:lang="zh-Hant"/);
    assert.ok(doc.includes('<title>第1則：臺灣 &lt;測試&gt; &amp; 「引號」</title>'), doc);
    assert.ok(doc.includes('&amp; 符號 &lt;b&gt; 與 &quot;引號&quot; 和 控制字元</p>'), doc);
    assert.ok(doc.includes('已被原网站删除'));
    const seed = text('EPUB/text/voa-000.xhtml');
    assert.ok(seed.includes('俄罗斯总统普京在大克里姆林宫举行正式仪式，欢迎中国国家主席习近平。'), seed);
  });

  test('the same records give the same bytes', () => {
    assert.deepEqual(buildEpub(sampleBook()), bytes);
  });
});
