// Classification against a real loopback server through the project's real fetcher.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createFetcher } from '../fetch/index.ts';
import type { Fetcher } from '../fetch/types.ts';
import { classifyFailure, classifyResponse, redirectedAway, type Classification } from './classify.ts';

const article = {
  title: '中俄元首呼吁重启乌克兰和谈',
  content: '<p>俄罗斯总统普京周二在克里姆林宫与到访的中国国家主席习近平举行会谈。</p><p>双方签署了联合声明。</p>',
};
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav>首页 国际 中国</nav>${body}</body></html>`;

type Reply = { status: number; body?: string; location?: string; type?: string };
const routes: Record<string, Reply> = {
  '/news/2024/alive.html': { status: 200, body: page(`${article.title} - 美国之音`, `<h1>${article.title}</h1>${article.content}`) },
  '/news/2024/retitled.html': { status: 200, body: page('新标题', `<h1>新标题</h1>${article.content}`) },
  '/news/2024/rewritten.html': { status: 200, body: page('另一篇文章', '<h1>另一篇文章</h1><p>完全不同的内容在这里出现了很多很多字。</p>') },
  '/news/2024/gone404.html': { status: 404, body: 'not found' },
  '/news/2024/gone410.html': { status: 410, body: 'gone' },
  '/news/2024/soft404.html': { status: 200, body: page('页面不存在 - 美国之音', '<h1>抱歉，您访问的页面不存在</h1>') },
  '/news/2024/forbidden.html': { status: 403, body: 'forbidden' },
  '/news/2024/legal.html': { status: 451, body: 'unavailable for legal reasons' },
  '/news/2024/cloudflare.html': { status: 200, body: page('Just a moment...', '<p>Checking your browser</p>') },
  '/news/2024/broken.html': { status: 500, body: 'oops' },
  '/news/2024/to-home.html': { status: 302, location: '/' },
  '/news/2024/to-section.html': { status: 301, location: '/news/' },
  '/news/2024/to-year.html': { status: 302, location: '/news/2024/' },
  '/news/2024/to-new-slug.html': { status: 301, location: '/news/2024/new-slug.html' },
  '/news/2024/new-slug.html': { status: 200, body: page(article.title, article.content) },
  '/news/2024/image.jpg': { status: 200, body: 'JPEG', type: 'image/jpeg' },
  '/': { status: 200, body: page('美国之音 首页', `<a href="/news/2024/alive.html">${article.title}</a>`) },
  '/news/': { status: 200, body: page('国际', '<p>新闻列表</p>') },
  '/news/2024/': { status: 200, body: page('2024', '<p>新闻列表</p>') },
};

describe('classify a re-check', () => {
  let server: Server;
  let base: string;
  let fetcher: Fetcher;
  before(async () => {
    server = createServer((request, response) => {
      const reply = routes[new URL(request.url ?? '/', 'http://x').pathname] ?? { status: 404 };
      response.writeHead(reply.status, {
        'content-type': reply.type ?? 'text/html; charset=utf-8',
        ...(reply.location ? { location: reply.location } : {}),
      });
      response.end(reply.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fetcher = createFetcher({ retries: 0, timeoutMs: 2000, bodyTimeoutMs: 2000, sleep: async () => {} });
  });
  after(async () => {
    await fetcher.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const check = async (path: string): Promise<Classification> => {
    const url = `${base}${path}`;
    try {
      return classifyResponse(await fetcher.fetch({ url }), { ...article, url });
    } catch (error) {
      return classifyFailure(error);
    }
  };

  const cases: [string, string, Classification['outcome'], number | null][] = [
    ['the article is there', '/news/2024/alive.html', 'alive', 200],
    ['a new title, the same text: alive', '/news/2024/retitled.html', 'alive', 200],
    ['another article at the URL: changed', '/news/2024/rewritten.html', 'changed', 200],
    ['404', '/news/2024/gone404.html', 'gone', 404],
    ['410', '/news/2024/gone410.html', 'gone', 410],
    ['a "not found" page with 200', '/news/2024/soft404.html', 'gone', 200],
    ['403', '/news/2024/forbidden.html', 'blocked', 403],
    ['451', '/news/2024/legal.html', 'blocked', 451],
    ['a bot wall', '/news/2024/cloudflare.html', 'blocked', 200],
    ['500', '/news/2024/broken.html', 'error', 500],
    ['redirect to the home page', '/news/2024/to-home.html', 'redirected-away', 200],
    ['redirect to a section', '/news/2024/to-section.html', 'redirected-away', 200],
    ['redirect to a parent path', '/news/2024/to-year.html', 'redirected-away', 200],
    ['redirect to a new slug with the article', '/news/2024/to-new-slug.html', 'alive', 200],
    ['not a web page', '/news/2024/image.jpg', 'alive', 200],
  ];
  for (const [name, path, outcome, status] of cases) {
    test(name, async () => {
      const result = await check(path);
      assert.equal(result.outcome, outcome, JSON.stringify(result));
      assert.equal(result.httpStatus, status);
    });
  }

  test('a closed port is an error with no status', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}/a/b.html`;
    let result: Classification;
    try {
      result = classifyResponse(await fetcher.fetch({ url }), { ...article, url });
    } catch (error) {
      result = classifyFailure(error);
    }
    assert.equal(result.outcome, 'error');
    assert.equal(result.httpStatus, null);
    assert.match(result.detail ?? '', /^network/);
  });
});

describe('redirectedAway', () => {
  const cases: [string, string, boolean][] = [
    ['https://www.bbc.com/zhongwen/simp/world-54474047', 'https://www.bbc.com/zhongwen/simp', true],
    ['https://www.bbc.com/zhongwen/simp/world-54474047', 'https://www.bbc.com/', true],
    ['https://www.rfa.org/mandarin/yataibaodao/jingmao/ql1.html', 'https://www.rfa.org/mandarin/', true],
    ['http://www.bbc.com/zhongwen/simp/world-54474047', 'https://www.bbc.com/zhongwen/simp/world-54474047', false],
    ['https://example.com/a/b/c.html', 'https://example.com/a/b/c.html/', false],
    ['https://example.com/a/old-slug/1.html', 'https://example.com/a/new-slug/1.html', false],
    ['https://example.com/post-1', 'https://example.com/post-1-renamed', false],
    ['https://example.com/a/b.html', 'https://other.example/x/y/z.html', false],
  ];
  for (const [from, to, expected] of cases) {
    test(`${from} → ${to}`, () => assert.equal(redirectedAway(from, to), expected));
  }
});
