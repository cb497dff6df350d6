// The display memo: each distinct (HTML, base URL) cleaned once, answers read back byte for byte (Chinese text
// included), nothing kept past the limit, the scratch file gone once closed, a full disk only ends the remembering.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createDisplayMemo } from './display-memo.ts';

describe('createDisplayMemo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nv-memo-'));
  const counting = () => {
    const calls: string[] = [];
    return { calls, clean: (html: string, baseUrl: string | null) => (calls.push(html), `<p>${baseUrl ?? '-'}：${html.toUpperCase()}</p>`) };
  };

  test('the same input is cleaned once; another base URL is another input', () => {
    const { calls, clean } = counting();
    const file = join(dir, 'a.nv-tmp');
    const memo = createDisplayMemo(clean, file);
    const inputs: [string, string | null][] = [['习近平 abc', null], ['习近平 abc', 'https://a.example/'], ['习近平 abc', null], ['x', null], ['习近平 abc', 'https://a.example/']];
    const answers = inputs.map(([html, base]) => memo.clean(html, base));
    assert.deepEqual(answers, inputs.map(([html, base]) => clean(html, base)));
    assert.equal(calls.length, 3 + inputs.length); // three distinct inputs, plus the expected answers above
    assert.deepEqual(memo.stats(), { asked: 5, remembered: 2, stopped: null });
    assert.ok(existsSync(file));
    memo.close();
    assert.ok(!existsSync(file));
    assert.equal(memo.clean('x', null), clean('x', null), 'still cleans once closed');
  });

  test('past the limit nothing more is kept', () => {
    const { calls, clean } = counting();
    const memo = createDisplayMemo(clean, join(dir, 'b.nv-tmp'), 20);
    for (let i = 0; i < 3; i++) memo.clean('a', null); // 12 bytes: kept
    for (let i = 0; i < 3; i++) memo.clean('long enough to pass the limit', null);
    assert.equal(calls.length, 4);
    memo.close();
  });

  test('a full disk for the scratch file (Linux /dev/full) ends the remembering, not the publish', () => {
    const { calls, clean } = counting();
    const file = join(dir, 'full.nv-tmp');
    symlinkSync('/dev/full', file); // every write there fails with ENOSPC, as on a full disk
    const memo = createDisplayMemo(clean, file);
    assert.equal(memo.clean('习近平', null), clean('习近平', null));
    assert.equal(memo.clean('习近平', null), clean('习近平', null), 'cleaned again: nothing was remembered');
    const stats = memo.stats();
    assert.equal(stats.remembered, 0);
    assert.match(stats.stopped ?? '', /ENOSPC/);
    assert.equal(calls.length, 4);
    memo.close();
    assert.ok(existsSync('/dev/full'), 'close removed the link, not the device');
  });
});
