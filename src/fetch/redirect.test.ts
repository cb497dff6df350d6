import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RedirectChain, parseHttpUrl } from './redirect.ts';
import { FetchError } from './types.ts';

describe('parseHttpUrl', () => {
  const cases: Array<[string, string | undefined, string | null]> = [
    ['https://www.voachinese.com/api/feed', undefined, 'https://www.voachinese.com/api/feed'],
    ['/b?x=1', 'http://example.com/a/c', 'http://example.com/b?x=1'],
    ['//cdn.example.com/f', 'https://example.com/', 'https://cdn.example.com/f'],
    ['ftp://example.com/', undefined, null],
    ['data:text/plain,hi', undefined, null],
    ['http://', undefined, null],
  ];
  for (const [input, base, expected] of cases) {
    test(`${input} against ${base ?? 'nothing'}`, () => assert.equal(parseHttpUrl(input, base)?.href ?? null, expected));
  }
});

describe('RedirectChain', () => {
  test('a redirect without Location is an http-status error', () => {
    const chain = new RedirectChain('http://a/', 5);
    assert.throws(() => chain.follow('http://a/', 301, null), (error: unknown) => error instanceof FetchError && error.kind === 'http-status' && error.status === 301);
  });

  test('a fragment-only difference is still a loop', () => {
    const chain = new RedirectChain('http://a/x', 5);
    assert.throws(() => chain.follow('http://a/x', 302, '/x#top'), (error: unknown) => error instanceof FetchError && error.kind === 'redirect-loop');
  });

  test('maxRedirects 0 refuses the first redirect', () => {
    const chain = new RedirectChain('http://a/', 0);
    assert.throws(() => chain.follow('http://a/', 301, '/b'), (error: unknown) => error instanceof FetchError && error.kind === 'too-many-redirects');
  });
});
