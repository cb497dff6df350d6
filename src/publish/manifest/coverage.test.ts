import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { manifestCovered, saveManifestCoverage } from './coverage.ts';

const ids = { revision: 30, status: 2, check: 7, health: 1 };

function archive(git = true): string {
  const output = mkdtempSync(join(tmpdir(), 'nv-coverage-'));
  if (git) mkdirSync(join(output, '.git'));
  mkdirSync(join(output, '.newsvault', 'manifest'), { recursive: true });
  writeFileSync(join(output, '.newsvault', 'manifest', '2026-11.jsonl'), '{"manifest":1}\n');
  writeFileSync(join(output, '.newsvault', 'manifest', '2026-12.jsonl'), '{"manifest":1}\n{"type":"revision"}\n');
  return output;
}

test('covered only with the same row ids and the newest month file as it was saved', () => {
  const output = archive();
  assert.equal(manifestCovered(output, ids), false, 'nothing saved yet');
  saveManifestCoverage(output, ids);
  assert.equal(manifestCovered(output, { ...ids }), true);
  for (const kind of ['revision', 'status', 'check', 'health'] as const) {
    assert.equal(manifestCovered(output, { ...ids, [kind]: ids[kind] + 1 }), false, `a new ${kind} row`);
  }
  appendFileSync(join(output, '.newsvault', 'manifest', '2026-12.jsonl'), '{"type":"check"}\n');
  assert.equal(manifestCovered(output, ids), false, 'the file grew');
  saveManifestCoverage(output, ids);
  assert.equal(manifestCovered(output, ids), true);
  writeFileSync(join(output, '.newsvault', 'manifest', '2027-01.jsonl'), '{"manifest":1}\n');
  assert.equal(manifestCovered(output, ids), false, 'a newer month file');
});

test('a comparison that left lines waiting removes the record; without a .git folder nothing is kept', () => {
  const output = archive();
  saveManifestCoverage(output, ids);
  saveManifestCoverage(output, null);
  assert.equal(manifestCovered(output, ids), false);
  const plain = archive(false);
  saveManifestCoverage(plain, ids);
  assert.equal(manifestCovered(plain, ids), false);
});

test('a damaged record is not trusted', () => {
  const output = archive();
  writeFileSync(join(output, '.git', 'newsvault-manifest-coverage.json'), '{"file":');
  assert.equal(manifestCovered(output, ids), false);
});
