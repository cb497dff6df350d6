import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffRevisions, diffStats, renderDiffHtml, type DiffPart } from './diff.ts';
import { visibleText } from '../clean/visible-text.ts';

const apply = (parts: readonly DiffPart[], side: 'before' | 'after') =>
  parts
    .filter((part) => part.kind === 'equal' || part.kind === (side === 'before' ? 'delete' : 'insert'))
    .map((part) => part.text)
    .join('');

describe('diffRevisions', () => {
  const cases: [string, string, string, DiffPart[]][] = [
    ['a changed number', '<p>死亡三人</p>', '<p>死亡五人</p>', [
      { kind: 'equal', text: '死亡' },
      { kind: 'delete', text: '三' },
      { kind: 'insert', text: '五' },
      { kind: 'equal', text: '人' },
    ]],
    ['a deleted sentence', '<p>甲。乙。</p>', '<p>甲。</p>', [
      { kind: 'equal', text: '甲。' },
      { kind: 'delete', text: '乙。' },
    ]],
    ['markup-only change is no text change', '<p>甲</p>', '<div>甲</div>', [{ kind: 'equal', text: '甲' }]],
    ['both empty', '', '<p> </p>', []],
    ['a rotated feedx footer is not shown', '<p>甲</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.xyz">https://feedx.xyz</a></div>',
      '<p>甲</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.site">https://feedx.site</a></div>', [{ kind: 'equal', text: '甲' }]],
  ];
  for (const [name, a, b, expected] of cases) {
    test(name, () => assert.deepEqual(diffRevisions(a, b), expected));
  }

  test('on html compares the markup', () => {
    const parts = diffRevisions('<p>甲</p>', '<div>甲</div>', { on: 'html' });
    assert.equal(apply(parts, 'before'), '<p>甲</p>');
    assert.equal(apply(parts, 'after'), '<div>甲</div>');
    assert.ok(parts.some((part) => part.kind !== 'equal'));
  });

  test('every diff rebuilds both sides, and no two neighbours share a kind', () => {
    const a = '<p>中俄元首呼吁重启乌克兰和谈，普京称西方没准备好。</p><p>美回应：如俄撤军，战争今天就可结束。</p>';
    const b = '<p>中俄元首呼吁重启和谈，普京称西方“没有准备好”。</p><p>美国回应：如俄撤军，战争今天就可结束。</p><p>新增一段。</p>';
    const parts = diffRevisions(a, b);
    assert.equal(apply(parts, 'before'), visibleText(a));
    assert.equal(apply(parts, 'after'), visibleText(b));
    for (let i = 1; i < parts.length; i++) assert.notEqual(parts[i]!.kind, parts[i - 1]!.kind);
  });

  test('beyond maxEdits the whole text is shown replaced', () => {
    const parts = diffRevisions('<p>abcdefgh</p>', '<p>hgfedcba</p>', { maxEdits: 2 });
    assert.deepEqual(parts, [
      { kind: 'delete', text: 'abcdefgh' },
      { kind: 'insert', text: 'hgfedcba' },
    ]);
  });

  test('stats count characters, not UTF-16 units', () => {
    assert.deepEqual(diffStats(diffRevisions('<p>𠀀a</p>', '<p>b</p>')), { inserted: 1, deleted: 2 });
  });
});

describe('renderDiffHtml', () => {
  test('wraps changes and escapes everything', () => {
    const html = renderDiffHtml([
      { kind: 'equal', text: 'a<b>&' },
      { kind: 'delete', text: '"x"' },
      { kind: 'insert', text: "<script>alert('y')</script>" },
    ]);
    assert.equal(html, 'a&lt;b&gt;&amp;<del>&quot;x&quot;</del><ins>&lt;script&gt;alert(&#39;y&#39;)&lt;/script&gt;</ins>');
  });

  test('text from revisions with markup never produces markup', () => {
    const parts = diffRevisions('<p>&lt;img src=x onerror=alert(1)&gt;</p>', '<p>安全</p>');
    assert.doesNotMatch(renderDiffHtml(parts), /<img/);
  });
});
