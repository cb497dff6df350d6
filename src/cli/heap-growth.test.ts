import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { heapGrowthFlag, HEAP_GROWING_PERCENT } from './heap-growth.ts';

test('the command limits heap growth unless the operator set the flag', () => {
  assert.equal(heapGrowthFlag([]), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  assert.equal(heapGrowthFlag(['--import', 'tsx', '--max-old-space-size=512']), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  assert.equal(heapGrowthFlag(['--heap-growing-percent=80']), null);
  assert.equal(heapGrowthFlag(['--heap_growing_percent=10']), null);
});

test('a heap-growth limit set at run time bounds how far V8 grows the heap past what is live', () => {
  // The same churn with and without the flag set through v8.setFlagsFromString after start-up, as
  // bin/newsvault.js sets it: about 40 MB live, and arrays that live a few rounds (so they reach the old
  // generation, as a cycle's pages and records do) made and dropped by the hundred megabytes. The limited
  // process ends with the smaller heap (here 144–188 against 270–276 MB). Sizes, not times.
  const script = (limit: boolean): string => `
    const v8 = require('node:v8');
    ${limit ? `v8.setFlagsFromString('--heap-growing-percent=${HEAP_GROWING_PERCENT}');` : ''}
    const live = [];
    for (let i = 0; i < 40_000; i++) live.push(new Array(128).fill(i));
    const recent = [];
    let peak = 0;
    for (let round = 0; round < 400; round++) {
      const made = [];
      for (let i = 0; i < 4_000; i++) made.push(new Array(32).fill(round));
      recent.push(made);
      if (recent.length > 8) recent.shift();
      peak = Math.max(peak, v8.getHeapStatistics().total_heap_size);
    }
    process.stdout.write(String(live.length > 0 ? peak : 0));`;
  const peak = (limit: boolean): number => {
    const result = spawnSync(process.execPath, ['-e', script(limit)], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    assert.equal(result.status, 0, result.stderr);
    return Number(result.stdout);
  };
  const free = peak(false);
  const limited = peak(true);
  assert.ok(limited < free, `peak heap with the limit ${limited} should be below ${free} without it`);
});
