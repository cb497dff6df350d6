// The XSS corpus in a real browser: one page per cleaner with every cleaned vector as HTML, loaded in
// headless Chromium through the execution watcher (support/execution-watch.ts): calls to __xss(n) in any
// frame, script errors, dialogs, canary requests, navigations and popups, after load and again after every
// element has been focused, hovered, pressed and clicked. The uncleaned corpus must fire many payloads
// (the control that shows the page can catch XSS, and how many it sees is printed); the cleaned pages must
// fire none.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { cleanArchival, cleanDisplay } from '../src/clean/index.ts';
import { loadXssVectors } from '../src/clean/xss-corpus.ts';
import { launchChromium } from './support/chromium.ts';
import { createWatcher, type Execution, type Observed, type Watcher } from './support/execution-watch.ts';

const vectors = loadXssVectors();

// Closes whatever a vector left open (raw text, comments, foreign content) so the next one starts in
// body text; the cleaned outputs must stay harmless when followed by other markup like this.
const RESET = '\n</script></textarea></title></style></xmp></noembed></noframes></noscript></iframe></template>'
  + '</select></table></svg></math></object></applet>-->]]>\n';

function page(bodies: readonly string[]): string {
  return '<!doctype html><html><head><meta charset="utf-8"><title>xss</title></head><body>\n'
    + bodies.map((b, n) => `<div data-vector="${n}">${b}${RESET}</div>\n`).join('')
    + '<script>window.__end = true;</script></body></html>\n';
}

const PAGES: Record<string, string> = {
  raw: page(vectors),
  archival: page(vectors.map((v) => cleanArchival(v).html)),
  display: page(vectors.map((v) => cleanDisplay(v, { baseUrl: 'https://example.com/news/' }))),
};

/** The vector a script error in the page came from: the last `data-vector` opened on or before its line. */
function vectorAtLine(html: string, line: number): number | null {
  const upTo = html.split('\n').slice(0, line).join('\n');
  const m = [...upTo.matchAll(/<div data-vector="(\d+)">/g)].at(-1);
  return m === undefined ? null : Number(m[1]);
}

function firedVectors(html: string, executions: readonly Execution[]): { vectors: number[]; unattributed: Execution[] } {
  const seen = new Set<number>();
  const unattributed: Execution[] = [];
  for (const e of executions) {
    const line = e.how === 'script error' ? /@line (\d+)$/.exec(e.detail) : null;
    const vector = e.vector ?? (line ? vectorAtLine(html, Number(line[1])) : null);
    if (vector === null) unattributed.push(e);
    else seen.add(vector);
  }
  return { vectors: [...seen].sort((a, b) => a - b), unattributed };
}

describe('XSS corpus in headless Chromium', { timeout: 600_000 }, () => {
  let browser: Browser;
  let watcher: Watcher;

  before(async () => {
    browser = await launchChromium();
    watcher = await createWatcher(browser);
  });

  after(async () => {
    await browser?.close();
  });

  const load = (name: string, interact = true): Promise<Observed> =>
    watcher.open({
      url: `http://xss.test/${name}`,
      body: Buffer.from(PAGES[name] as string, 'utf8'),
      contentType: 'text/html; charset=utf-8',
      interact,
    });

  test('control: the uncleaned corpus fires many payloads', async (t) => {
    const loaded = firedVectors(PAGES.raw as string, (await load('raw', false)).executions);
    const exercised = await load('raw');
    const fired = firedVectors(PAGES.raw as string, exercised.executions);
    const how = new Map<string, number>();
    for (const e of exercised.executions) how.set(e.how, (how.get(e.how) ?? 0) + 1);
    t.diagnostic(`on load alone ${loaded.vectors.length} of ${vectors.length} uncleaned vectors fired`);
    t.diagnostic(`after focus, hover and click ${fired.vectors.length} of ${vectors.length} fired: ${fired.vectors.join(',')}`);
    t.diagnostic(`signals: ${JSON.stringify(Object.fromEntries(how))}; not attributed to a vector: ${JSON.stringify(fired.unattributed)}`);
    t.diagnostic(`never seen to fire: ${vectors.map((_, n) => n).filter((n) => !fired.vectors.includes(n)).join(',')}`);
    assert.ok(fired.vectors.length >= 100, `only ${fired.vectors.length} vectors fired: ${fired.vectors.join(',')}`);
  });

  for (const name of ['archival', 'display']) {
    test(`${name} HTML fires none`, async () => {
      const observed = await load(name);
      assert.deepEqual(observed.executions, []);
      assert.equal(observed.end, true, 'the page was parsed to its end');
    });
  }
});
