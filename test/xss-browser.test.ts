// The XSS corpus in a real browser: one page per cleaner with every cleaned vector as HTML, loaded in
// headless Chromium. A first script (ours) records calls to __xss(n); nothing is clicked, hovered or
// focused. The uncleaned corpus must fire many payloads (the control that shows the page can catch
// XSS); the cleaned pages must fire none.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { cleanArchival, cleanDisplay } from '../src/clean/index.ts';
import { loadXssVectors } from '../src/clean/xss-corpus.ts';
import { launchChromium } from './support/chromium.ts';

const vectors = loadXssVectors();

// Closes whatever a vector left open (raw text, comments, foreign content) so the next one starts in
// body text; the cleaned outputs must stay harmless when followed by other markup like this.
const RESET = '\n</script></textarea></title></style></xmp></noembed></noframes></noscript></iframe></template>'
  + '</select></table></svg></math></object></applet>-->]]>\n';

function page(bodies: readonly string[]): string {
  return '<!doctype html><html><head><meta charset="utf-8"><title>xss</title>'
    + '<script>window.hits = []; window.__end = false; window.__xss = (n) => { window.hits.push(n); };</script>'
    + '</head><body>\n'
    + bodies.map((b, n) => `<div data-vector="${n}">${b}${RESET}</div>\n`).join('')
    + '<script>window.__end = true;</script></body></html>\n';
}

const PAGES: Record<string, string> = {
  '/raw': page(vectors),
  '/archival': page(vectors.map((v) => cleanArchival(v).html)),
  '/display': page(vectors.map((v) => cleanDisplay(v, { baseUrl: 'https://example.com/news/' }))),
};

describe('XSS corpus in headless Chromium', { timeout: 180_000 }, () => {
  let server: Server;
  let origin: string;
  let browser: Browser;

  before(async () => {
    server = createServer((req, res) => {
      const body = PAGES[req.url ?? ''];
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function load(path: string): Promise<{ hits: number[]; end: boolean }> {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      // Nothing here may reach the network: everything but our own origin is refused.
      await tab.route('**/*', (route) =>
        route.request().url().startsWith(origin) ? route.continue() : route.abort());
      await tab.goto(origin + path, { waitUntil: 'load' });
      await tab.waitForTimeout(500); // settle: let error events of broken images and autofocus run
      return await tab.evaluate(() => {
        const w = window as unknown as { hits: number[]; __end: boolean };
        return { hits: [...new Set(w.hits)].sort((a, b) => a - b), end: w.__end };
      });
    } finally {
      await context.close();
    }
  }

  test('control: the uncleaned corpus fires many payloads', async (t) => {
    const { hits } = await load('/raw');
    t.diagnostic(`${hits.length} of ${vectors.length} uncleaned payloads fired: ${hits.join(',')}`);
    assert.ok(hits.length >= 20, `only ${hits.length} payloads fired: ${hits.join(',')}`);
  });

  test('archival HTML fires none', async () => {
    const { hits, end } = await load('/archival');
    assert.deepEqual(hits, []);
    assert.equal(end, true, 'the page was parsed to its end');
  });

  test('display HTML fires none', async () => {
    const { hits, end } = await load('/display');
    assert.deepEqual(hits, []);
    assert.equal(end, true, 'the page was parsed to its end');
  });
});
