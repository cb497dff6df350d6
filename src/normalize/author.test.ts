import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorName } from './author.ts';

// feedparser's item_author_map_author_detail_* cases, and the shapes Chinese outlets send.
const CASES: Array<[string | null, string | null]> = [
  ['Example editor (me@example.com)', 'Example editor'],
  ['me@example.com (Example editor)', 'Example editor'],
  ['Example editor <me@example.com>', 'Example editor'],
  ['<me@example.com> Example editor', 'Example editor'],
  ['Example editor, me@example.com', 'Example editor'],
  ['mailto:me@example.com (王 小明)', '王 小明'],
  ['美国之音 (voachinese@voanews.com)', '美国之音'],
  ['me@example.com', 'me@example.com'],
  ['(me@example.com)', 'me@example.com'],
  ['BBC 中文', 'BBC 中文'],
  ['<b>记者</b> 李华', '记者 李华'],
  ['Jo &amp; Co (jo@example.co.uk)', 'Jo & Co'],
  ['   ', null],
  [null, null],
];
for (const [raw, expected] of CASES) test(`authorName(${JSON.stringify(raw)})`, () => assert.equal(authorName(raw), expected));
