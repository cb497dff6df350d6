// Every vector of the XSS corpus, through both cleaners, then parsed like a browser would: nothing that
// runs script may remain. The corpus itself is checked too, so this test can fail.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanArchival, cleanDisplay } from './index.ts';
import { loadXssVectors } from './xss-corpus.ts';
import { staticViolations } from './xss-check.ts';

const vectors = loadXssVectors();
let rawFlags: boolean[] | undefined;
/** Whether the static check flags each uncleaned vector (computed once: parsing is the slow part). */
const flaggedRaw = (): boolean[] => (rawFlags ??= vectors.map((v) => staticViolations(v).length > 0));

describe('XSS corpus', () => {
  test('has at least 100 vectors', () => assert.ok(vectors.length >= 100, String(vectors.length)));

  test('most raw vectors are caught by the static check (the check can fail)', () => {
    const flagged = flaggedRaw().filter(Boolean).length;
    assert.ok(flagged >= vectors.length * 0.8, `${flagged} of ${vectors.length}`);
  });

  test('archival output has nothing that runs script', () => {
    const bad = vectors
      .map((v, n) => ({ n, v, out: cleanArchival(v).html }))
      .map((r) => ({ ...r, violations: staticViolations(r.out) }))
      .filter((r) => r.violations.length > 0);
    assert.deepEqual(bad, []);
  });

  test('archival output of the whole corpus on one page has nothing that runs script', () => {
    const { html } = cleanArchival(vectors.join('\n'));
    assert.deepEqual(staticViolations(html), []);
  });

  test('archival cleaning reports a removal for every vector that had something to remove', () => {
    const silent = vectors.filter((v, n) => flaggedRaw()[n] === true && cleanArchival(v).removed.length === 0);
    assert.deepEqual(silent, []);
  });

  test('display output has nothing that runs script', () => {
    const bad = vectors
      .map((v, n) => ({ n, v, out: cleanDisplay(v, { baseUrl: 'https://example.com/a/' }) }))
      .map((r) => ({ ...r, violations: staticViolations(r.out) }))
      .filter((r) => r.violations.length > 0);
    assert.deepEqual(bad, []);
  });

  test('archival output is stable: cleaning it again changes nothing', () => {
    for (const v of vectors) {
      const once = cleanArchival(v).html;
      assert.deepEqual(cleanArchival(once), { html: once, removed: [] }, JSON.stringify(v));
    }
  });
});
