// Inside a publish, files are made durable at barriers instead of one fsync each (issue 15). What a reader
// sees must not change: every write is at its name, whole, as soon as writeFileAtomic returns.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { deferDurability, makeWrittenDurable, syncWrittenFolders, TEMP_SUFFIX, writeFileAtomic, type WriteLog } from './atomic-write.ts';

test('deferred writes are in place at once, barriers and the end of a publish leave them as they are', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nv-atomic-'));
  const log: WriteLog = { written: [] };
  deferDurability();
  try {
    assert.equal(writeFileAtomic(join(dir, 'a', 'one.html'), '一', log), true);
    assert.equal(writeFileAtomic(join(dir, 'a', 'two.html'), '二', log), true);
    assert.equal(readFileSync(join(dir, 'a', 'one.html'), 'utf8'), '一');
    // The same bytes again: not written, not logged.
    assert.equal(writeFileAtomic(join(dir, 'a', 'one.html'), '一', log), false);
    makeWrittenDurable();
    assert.equal(writeFileAtomic(join(dir, 'a', 'one.html'), '壹', log), true);
    // A file written and then removed before the barrier (a test tidying up) is no error.
    writeFileAtomic(join(dir, 'b', 'gone.html'), 'x', log);
    rmSync(join(dir, 'b'), { recursive: true });
  } finally {
    syncWrittenFolders();
  }
  assert.equal(readFileSync(join(dir, 'a', 'one.html'), 'utf8'), '壹');
  assert.equal(readFileSync(join(dir, 'a', 'two.html'), 'utf8'), '二');
  assert.deepEqual(readdirSync(join(dir, 'a')).filter((name) => name.endsWith(TEMP_SUFFIX)), []);
  assert.deepEqual(log.written.map((path) => path.slice(dir.length + 1)), ['a/one.html', 'a/two.html', 'a/one.html', 'b/gone.html']);
  // After the publish, writes are fsynced one by one again, and a barrier with nothing pending does nothing.
  assert.equal(writeFileAtomic(join(dir, 'after.txt'), 'z'), true);
  makeWrittenDurable();
  assert.equal(readFileSync(join(dir, 'after.txt'), 'utf8'), 'z');
  rmSync(dir, { recursive: true });
});
