import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { confirmation } from './confirm.ts';
import { ensureSearchSchema, indexDocument, parseQuery, search, SearchError } from './index.ts';
import { matchExpression, keyRange } from './match.ts';
import { rareTokens } from './rare-tokens.ts';
import { candidateSql } from './search.ts';
import type { ParsedQuery } from './types.ts';

// 美国总统表示 is 美国 国总 总统 统表 表示. Here 美国, 总统 and 表示 are in 6–7 documents, 国总 in 3 and 统表
// in 4, so with a probe limit of 5 the rare ones are 国总 and 统表. Document 4 holds both rare tokens but not
// the phrase (the GLOB must refuse it); document 2 holds it in traditional characters.
const TEXTS = [
  '美国总统表示欢迎',
  '美國總統表示',
  '美国 总统 表示 三个词',
  '美国总统和统表',
  '美国人说总统表示',
  '美国 总统 表示',
  '美国的总统常表示',
];

let db: Database.Database;
before(() => {
  db = new Database(':memory:');
  ensureSearchSchema(db);
  TEXTS.forEach((text, i) => indexDocument(db, { id: i + 1, source: 'voa', title: `第${i + 1}篇`, text, published: Date.parse('2024-01-01T00:00:00Z') + i * 1000, status: 'live' }));
});
after(() => db.close());

function parsed(q: string): ParsedQuery {
  const p = parseQuery(q);
  if (p instanceof SearchError) assert.fail(p.message);
  return p;
}

/** Document ids matching `expression` and confirmed the way search() confirms. */
function confirmedIds(p: ParsedQuery, expression: string): number[] {
  const c = confirmation(p);
  const { low, high } = keyRange(p);
  const keys = db.prepare(candidateSql(c.sql)).pluck().all(expression, low, high, ...c.params) as number[];
  return keys.map((k) => (db.prepare('SELECT id FROM search_docs WHERE key = ?').pluck().get(k) as number)).sort((a, b) => a - b);
}

describe('rareTokens', () => {
  test('a phrase is matched by its rare tokens only, and the GLOB gives the same documents as all five', () => {
    const p = parsed('美国总统表示');
    const narrowed = rareTokens(db, p, 5);
    assert.deepEqual(narrowed.get(p.terms[0]!), ['国总', '统表']);
    const expression = matchExpression(p, narrowed);
    assert.equal(expression, '("国总" AND "统表")');
    assert.deepEqual(confirmedIds(p, expression), [1, 2]);
    assert.deepEqual(confirmedIds(p, matchExpression(p)), [1, 2]);
    const r = search(db, '美国总统表示');
    assert.ok(!(r instanceof SearchError));
    assert.deepEqual(r.hits.map((h) => h.id).sort(), [1, 2]);
  });

  test('a term with fewer than two rare tokens, or of two tokens, keeps every token', () => {
    const common = parsed('美国总统');
    assert.equal(rareTokens(db, common, 5).size, 0); // 美国 国总 总统: only 国总 is rare
    assert.equal(rareTokens(db, parsed('美国总统表示'), 2).size, 0); // nothing under 2
    assert.equal(rareTokens(db, parsed('国总'), 5).size, 0);
    assert.equal(rareTokens(db, parsed('总统表'), 5).size, 0); // 总统 统表: two tokens
  });

  test('when every token is rare the term is left whole (nothing to gain)', () => {
    assert.equal(rareTokens(db, parsed('美国总统表示'), 100).size, 0);
  });
});
