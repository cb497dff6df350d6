import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestSrcsetUrl, parseSrcset } from './srcset.ts';

test('parseSrcset keeps URL offsets, descriptors and commas inside URLs', () => {
  const v = ' a.jpg 320w,b.jpg 640w , https://i.example/c_1,w_2/d.jpg 2x,e.jpg';
  const got = parseSrcset(v);
  assert.deepEqual(
    got.map((c) => [c.url, c.width, c.density]),
    [
      ['a.jpg', 320, null],
      ['b.jpg', 640, null],
      ['https://i.example/c_1,w_2/d.jpg', null, 2],
      ['e.jpg', null, 1],
    ],
  );
  for (const c of got) assert.equal(v.slice(c.start, c.end), c.url);
});

test('a URL ending in a comma ends its candidate; a comma inside a URL does not (as the spec says)', () => {
  assert.deepEqual(parseSrcset('a.jpg, b.jpg 2x').map((c) => c.url), ['a.jpg', 'b.jpg']);
  assert.deepEqual(parseSrcset('a.jpg,b.jpg 2x').map((c) => c.url), ['a.jpg,b.jpg']);
});

const best: [string, string | null][] = [
  ['a.jpg 320w, b.jpg 1280w, c.jpg 640w', 'b.jpg'],
  ['a.jpg, b.jpg 2x, c.jpg 1.5x', 'b.jpg'],
  ['', null],
];
for (const [v, want] of best) test(`bestSrcsetUrl(${JSON.stringify(v)})`, () => assert.equal(bestSrcsetUrl(v), want));
