// The pool holds each token's list as postings.ts writes it: the same text as encodePostings of the same ids,
// across chunk and page boundaries, for many tokens appended interleaved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { encodePostings } from './postings.ts';
import { PostingPool } from './posting-pool.ts';

test('each token reads back as encodePostings of its ids, appended interleaved with other tokens', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 5_000_000 })), { maxLength: 400 }),
      (steps) => {
        const pool = new PostingPool();
        const expected = new Map<string, number[]>();
        for (const [t, gap] of steps) {
          const token = `t${t}`;
          const ids = expected.get(token) ?? [];
          const id = (ids.at(-1) ?? -1) + gap;
          ids.push(id);
          expected.set(token, ids);
          pool.add(token, id);
        }
        assert.equal(pool.size, expected.size);
        pool.tokens.forEach((token, slot) => assert.equal(pool.encoded(slot), encodePostings(expected.get(token)!), token));
      },
    ),
  );
});

test('a long list spans chunks and pages and reads back whole', () => {
  const pool = new PostingPool();
  const dense: number[] = [];
  const sparse: number[] = [];
  // 3 tokens × 400,000 postings of 1–5 bytes: more than one 1 MiB page, chunks up to their largest size.
  for (let id = 0; id < 400_000; id++) {
    pool.add('中国', id);
    dense.push(id);
    if (id % 3 === 0) {
      pool.add('稀有', id * 1000);
      sparse.push(id * 1000);
    }
    pool.add(`w${id}`, id);
  }
  assert.equal(pool.size, 400_002);
  assert.equal(pool.encoded(0), encodePostings(dense));
  assert.equal(pool.encoded(1), encodePostings(sparse));
  assert.equal(pool.encoded(pool.size - 1), encodePostings([399_999]));
});

test('ids of a token must ascend', () => {
  const pool = new PostingPool();
  pool.add('香港', 5);
  assert.throws(() => pool.add('香港', 5), /ids must ascend, got 5 after 5/);
  assert.throws(() => pool.add('香港', 2), /ids must ascend/);
  pool.add('台湾', 2); // another token has its own order
  assert.equal(pool.encoded(1), encodePostings([2]));
});

test('a long token cut from a text (kept as a copy) is the token given', () => {
  const text = `前言 ${'abcdefghijklmnopqrstuvwxyz'.repeat(2)} 后记`;
  const token = text.slice(3, 3 + 52);
  const pool = new PostingPool();
  pool.add(token, 1);
  assert.equal(pool.tokens[0], token);
  assert.equal(pool.encoded(0), encodePostings([1]));
});
