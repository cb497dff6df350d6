// The samples of src/clean/testdata/document-meta opened in headless Chromium as documents from bytes,
// served as `text/html` with no charset (as a file host or a raw view serves them), so that a meta in
// the document chooses the encoding. Uncleaned, the ISO-2022-JP samples run their payload and the base
// and refresh samples point the document at the canary host; cleaned, nothing fires, the document is
// not decoded as ISO-2022-JP and its base URL is its own.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { cleanArchival } from '../src/clean/index.ts';
import { launchChromium } from './support/chromium.ts';
import { createWatcher, type Observed, type Watcher } from './support/execution-watch.ts';

const DIR = new URL('../src/clean/testdata/document-meta/', import.meta.url);
const NAMES = readdirSync(DIR).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort();

/** Samples whose uncleaned bytes Chromium is seen to act on (measured; the rest are for other readers). */
const RAW_FIRES: readonly string[] = [
  'base-href',
  'csiso2022jp-upper-case',
  'entity-in-charset-value',
  'http-equiv-content-type',
  'http-equiv-entity-in-value',
  'iso-2022-jp-meta-charset',
  'meta-in-math',
  'meta-in-svg',
  'meta-refresh',
  'slash-and-whitespace',
];

const summary = (o: Observed): string => JSON.stringify({ executions: o.executions, charset: o.characterSet });

describe('document-changing elements in headless Chromium', { timeout: 300_000 }, () => {
  let browser: Browser;
  let watchers: [Watcher, Watcher];
  before(async () => {
    browser = await launchChromium();
    watchers = [await createWatcher(browser), await createWatcher(browser)];
  });
  after(async () => {
    await browser?.close();
  });

  const open = (watcher: Watcher, name: string, html: string): Promise<Observed> =>
    watcher.open({ url: `http://archive.test/${name}.html`, body: Buffer.from(html, 'utf8'), contentType: 'text/html' });

  for (const name of NAMES) {
    test(name, async (t) => {
      const raw = readFileSync(new URL(`${name}.html`, DIR), 'utf8');
      const [before, after] = await Promise.all([open(watchers[0], name, raw), open(watchers[1], name, cleanArchival(raw).html)]);
      t.diagnostic(`uncleaned: ${summary(before)}`);
      if (RAW_FIRES.includes(name)) assert.notDeepEqual(before.executions, [], 'the control: Chromium acts on the uncleaned sample');
      assert.deepEqual(after.executions, [], summary(after));
      assert.notEqual(after.characterSet, 'ISO-2022-JP');
      assert.equal(after.baseURI, `http://archive.test/${name}.html`);
      assert.equal(after.cookie, '');
    });
  }
});
