import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ArticleStatus, CheckOutcome } from '../store/index.ts';
import { judge, REMOVAL_SPAN_MS, type Verdict } from './evidence.ts';
import { HOUR_MS } from './schedule.ts';

/** Checks oldest first as [hour, outcome]; judge() wants them newest first. */
const history = (...checks: [number, CheckOutcome][]) =>
  checks.map(([hour, outcome]) => ({ checkedMs: hour * HOUR_MS, outcome })).reverse();

describe('evidence rule', () => {
  const cases: [string, ArticleStatus, ReturnType<typeof history>, Verdict][] = [
    ['no checks: nothing', 'live', [], { change: null, suspect: false }],
    ['alive: nothing', 'live', history([1, 'alive']), { change: null, suspect: false }],
    ['one 404 is only suspicion', 'live', history([1, 'alive'], [2, 'gone']), { change: null, suspect: true }],
    ['two 404s one hour apart: not yet', 'live', history([1, 'gone'], [2, 'gone']), { change: null, suspect: true }],
    ['two 404s three hours apart: removed, since the first', 'live', history([1, 'gone'], [4, 'gone']), { change: 'removed', atMs: 1 * HOUR_MS }],
    ['redirected away counts like gone', 'live', history([1, 'redirected-away'], [5, 'gone']), { change: 'removed', atMs: 1 * HOUR_MS }],
    ['errors and blocks in between neither count nor break', 'live', history([1, 'gone'], [2, 'error'], [3, 'blocked'], [4, 'gone']), { change: 'removed', atMs: 1 * HOUR_MS }],
    ['errors alone are no evidence', 'live', history([1, 'error'], [5, 'error'], [9, 'blocked']), { change: null, suspect: false }],
    ['an alive check breaks the streak', 'live', history([1, 'gone'], [3, 'alive'], [5, 'gone']), { change: null, suspect: true }],
    ['changed is presence, not removal', 'live', history([1, 'changed'], [5, 'changed']), { change: null, suspect: false }],
    ['removed, then alive: restored', 'removed', history([1, 'gone'], [4, 'gone'], [9, 'alive']), { change: 'restored', atMs: 9 * HOUR_MS }],
    ['removed, then changed: restored', 'removed', history([1, 'gone'], [4, 'gone'], [9, 'changed']), { change: 'restored', atMs: 9 * HOUR_MS }],
    ['removed, still gone: nothing', 'removed', history([1, 'gone'], [4, 'gone'], [9, 'gone']), { change: null, suspect: false }],
    ['removed, then an error: nothing', 'removed', history([1, 'gone'], [4, 'gone'], [9, 'error']), { change: null, suspect: false }],
  ];
  for (const [name, status, checks, expected] of cases) {
    test(name, () => assert.deepEqual(judge(status, checks), expected));
  }

  test('the span is a constant of hours, not minutes', () => {
    assert.ok(REMOVAL_SPAN_MS >= HOUR_MS);
  });
});
