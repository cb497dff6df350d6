// Real articles must come through the archival cleaner byte for byte: the two seeds (feed item →
// archived body) and every article body of the old archive in testdata/duty-machine.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cleanArchival } from './index.ts';

const testdata = fileURLToPath(new URL('./testdata/', import.meta.url));

function descriptionCdata(feedXml: string): string {
  const item = feedXml.slice(feedXml.indexOf('<item>'));
  const m = /<description><!\[CDATA\[([\s\S]*?)\]\]><\/description>/.exec(item);
  assert.ok(m, 'feed item has a CDATA description');
  return m[1] as string;
}

/** Line 5 of an archived article (`<!--ts-->`, `[title](url)`, `------`, ``, body), without its newline. */
const bodyLine = (article: string): string => article.split('\n')[4] as string;

describe('seeds: feed item description → archived body, byte for byte', () => {
  const cases = [
    { feed: 'seed-feeds/voa.xml', seed: 'seeds/000_050e39a74adabfee.txt' },
    { feed: 'seed-feeds/rfi.xml', seed: 'seeds/002_e9119868c7a8961d.txt' },
  ];
  for (const { feed, seed } of cases) {
    test(seed, () => {
      const input = descriptionCdata(readFileSync(join(testdata, feed), 'utf8'));
      const expected = bodyLine(readFileSync(join(testdata, seed), 'utf8'));
      const { html, removed } = cleanArchival(input);
      assert.deepEqual(removed, []);
      assert.equal(html, expected);
    });
  }
});

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

// The one BBC article that embeds BBC's own video player in an <iframe>: the archive never carries
// frames, so exactly that element (start tag, empty content, end tag) goes.
const BBC_IFRAME =
  '<iframe src="https://bbc.com/ws/av-embeds/cps/zhongwen/simp/science-54509082/p08rdvrb/zh-hans" title="多媒体播放器" allow="autoplay; fullscreen" scrolling="no" allowfullscreen="" class="StyledIframe-fuo2ed-1 jOjdak"></iframe>';
const EXPECTED_REMOVALS: Record<string, { cut: string; removed: string[] }> = {
  'BBC/1047443.md': { cut: BBC_IFRAME, removed: ['iframe'] },
};

describe('duty-machine archive bodies come out unchanged', () => {
  const root = join(testdata, 'duty-machine/articles');
  const files = walk(root);
  test('all 19 articles are there', () => assert.equal(files.length, 19));
  for (const file of files) {
    const rel = file.slice(root.length + 1);
    test(rel, () => {
      const body = bodyLine(readFileSync(file, 'utf8'));
      const { html, removed } = cleanArchival(body);
      const expected = EXPECTED_REMOVALS[rel];
      if (expected === undefined) {
        assert.deepEqual(removed, []);
        assert.equal(html, body);
      } else {
        assert.equal(body.split(expected.cut).length, 2, 'the cut appears exactly once');
        assert.deepEqual(removed, expected.removed);
        assert.equal(html, body.replace(expected.cut, ''));
      }
    });
  }
});
