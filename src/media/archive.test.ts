import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { archiveImages } from './archive.ts';
import { sniffImage } from './image-type.ts';
import { GIF, png } from './testimages.ts';

const RED = png([255, 0, 0]);
const BLUE = png([0, 0, 255]);
const BIG = png([0, 255, 0], 2000); // ~6 KB
const SVG = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

const FILES: Record<string, { type: string; body: Uint8Array }> = {
  '/img/red.png': { type: 'image/png', body: RED },
  '/img/red-again.png': { type: 'image/png', body: RED }, // same bytes, other URL
  '/img/blue.png': { type: 'image/png', body: BLUE },
  '/img/pixel.gif': { type: 'image/gif', body: GIF },
  '/img/big.png': { type: 'image/png', body: BIG },
  '/img/logo.svg': { type: 'image/svg+xml', body: SVG },
  '/img/page.jpg': { type: 'image/jpeg', body: new TextEncoder().encode('<html>login</html>') }, // lies
};

describe('archiveImages against a loopback image server', () => {
  let server: Server;
  let base = '';
  const hits = new Map<string, number>();
  const download = async (url: string): Promise<{ body: Uint8Array; contentType: string | null }> => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
    return { body: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') };
  };

  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const file = FILES[path];
      if (file === undefined) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': file.type }).end(file.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('two articles sharing an image: one file on disk, links rewritten, every other byte kept', async () => {
    const mediaDir = mkdtempSync(join(tmpdir(), 'nv-'));
    const articleA =
      `<p>甲<!-- keep me --></p><figure><picture><source type="image/webp" srcset="/img/red.webp 1x, /img/red2.webp 2x">` +
      `<IMG SRC='/img/red.png' alt="红 &amp; 色" srcset="/img/red.png 1x,  /img/red@2x.png 2x" width=10></picture>` +
      `<figcaption>说明</figcaption></figure><p><img src=${base}/img/blue.png data-x="a&amp;b"><img src="/img/red.png"></p>` +
      `<video><source src="/v.mp4"></video>`;
    const a = await archiveImages(articleA, { baseUrl: `${base}/news/a.html`, mediaDir, publicPrefix: '/media/', download });
    const red = `${sha(RED).slice(0, 2)}/${sha(RED)}.png`;
    const blue = `${sha(BLUE).slice(0, 2)}/${sha(BLUE)}.png`;
    assert.equal(
      a.html,
      `<p>甲<!-- keep me --></p><figure><picture><source type="image/webp">` +
        `<IMG SRC='/media/${red}' alt="红 &amp; 色" width=10></picture>` +
        `<figcaption>说明</figcaption></figure><p><img src="/media/${blue}" data-x="a&amp;b"><img src="/media/${red}"></p>` +
        `<video><source src="/v.mp4"></video>`,
    );
    assert.deepEqual(a.failed, []);
    assert.deepEqual(
      a.saved.map((s) => [s.url, s.sha256, s.bytes, s.reused]),
      [
        [`${base}/img/red.png`, sha(RED), RED.byteLength, false],
        [`${base}/img/blue.png`, sha(BLUE), BLUE.byteLength, false],
      ],
    );
    assert.equal(hits.get('/img/red.png'), 1); // twice in the article, downloaded once
    assert.deepEqual(readFileSync(join(mediaDir, red)), Buffer.from(RED));

    const articleB = `<div><img src="/img/red-again.png" alt="同一张"><img src="/img/pixel.gif"></div>`;
    const b = await archiveImages(articleB, { baseUrl: `${base}/news/b.html`, mediaDir, publicPrefix: '../media/', download });
    const gif = `${sha(GIF).slice(0, 2)}/${sha(GIF)}.gif`;
    assert.equal(b.html, `<div><img src="../media/${red}" alt="同一张"><img src="../media/${gif}"></div>`);
    assert.deepEqual(b.saved.map((s) => s.reused), [true, false]);

    const files = readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    assert.deepEqual(files.map((d) => d.name).sort(), [`${sha(BLUE)}.png`, `${sha(GIF)}.gif`, `${sha(RED)}.png`].sort());
  });

  test('SVG, oversized, disguised and missing images are refused, reported, and left remote', async () => {
    const mediaDir = mkdtempSync(join(tmpdir(), 'nv-'));
    const html =
      `<img src="/img/logo.svg"><img src="/img/big.png" srcset="/img/big.png 2x"><img src="/img/page.jpg">` +
      `<img src="/img/gone.jpg"><img src="data:image/gif;base64,R0lGOD"><img src="/img/blue.png">`;
    const got = await archiveImages(html, { baseUrl: `${base}/a`, mediaDir, publicPrefix: 'm/', download, maxBytes: 4096 });
    const blue = `${sha(BLUE).slice(0, 2)}/${sha(BLUE)}.png`;
    assert.equal(got.html, html.replace('src="/img/blue.png"', `src="m/${blue}"`));
    assert.deepEqual(got.failed, [
      { url: `${base}/img/logo.svg`, reason: 'svg refused: it can carry script' },
      { url: `${base}/img/big.png`, reason: `too large: ${BIG.byteLength} bytes > 4096` },
      { url: `${base}/img/page.jpg`, reason: 'not a recognised image' },
      { url: `${base}/img/gone.jpg`, reason: `download failed: HTTP 404 from ${base}/img/gone.jpg` },
    ]);
    assert.equal(got.saved.length, 1);
    const files = readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    assert.deepEqual(files.map((d) => d.name), [`${sha(BLUE)}.png`]);
  });

  test('a type outside allowedTypes is refused', async () => {
    const got = await archiveImages(`<img src="/img/pixel.gif">`, {
      baseUrl: `${base}/`,
      mediaDir: mkdtempSync(join(tmpdir(), 'nv-')),
      publicPrefix: '/m/',
      download,
      allowedTypes: ['image/png'],
    });
    assert.deepEqual(got.failed, [{ url: `${base}/img/pixel.gif`, reason: 'type image/gif not allowed' }]);
    assert.equal(got.html, `<img src="/img/pixel.gif">`);
  });
});

describe('sniffImage', () => {
  const avif = new Uint8Array([0, 0, 0, 0x1c, ...new TextEncoder().encode('ftypavif'), 0, 0, 0, 0, ...new TextEncoder().encode('avifmif1miaf')]);
  const heic = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0, ...new TextEncoder().encode('mif1heic')]);
  const webp = new Uint8Array([...new TextEncoder().encode('RIFF'), 0, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')]);
  const cases: [string, Uint8Array, string | null][] = [
    ['png', RED, 'image/png'],
    ['gif', GIF, 'image/gif'],
    ['jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['webp', webp, 'image/webp'],
    ['avif', avif, 'image/avif'],
    ['heic is not avif', heic, null],
    ['svg', SVG, 'svg'],
    ['svg with a BOM and doctype', new TextEncoder().encode('\uFEFF<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>'), 'svg'],
    ['html', new TextEncoder().encode('<!doctype html><html>'), null],
    ['empty', new Uint8Array(0), null],
  ];
  for (const [name, bytes, want] of cases) {
    test(name, () => {
      const got = sniffImage(bytes);
      assert.equal(got === null || got === 'svg' ? got : got.mime, want);
    });
  }
});
