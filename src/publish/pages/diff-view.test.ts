import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blocksFromParts } from './diff-view.ts';

test('diff parts become paragraphs: unchanged ones fold, changed ones keep their edits', () => {
  const blocks = blocksFromParts([
    { kind: 'equal', text: '第一段。\n第二段。\n第三段' },
    { kind: 'delete', text: '星期二' },
    { kind: 'insert', text: '周二' },
    { kind: 'equal', text: '发表声明。\n' },
    { kind: 'insert', text: '新增的一段。\n' },
    { kind: 'delete', text: '\n删掉的一段。' },
    { kind: 'equal', text: '\n最后一段。' },
  ]);
  assert.deepEqual(blocks, [
    { kind: 'same', paragraphs: 2 },
    {
      kind: 'changed',
      spans: [
        { kind: 'same', text: '第三段' },
        { kind: 'removed', text: '星期二' },
        { kind: 'added', text: '周二' },
        { kind: 'same', text: '发表声明。' },
      ],
    },
    { kind: 'added', text: '新增的一段。' },
    { kind: 'removed', text: '删掉的一段。' },
    { kind: 'same', paragraphs: 1 },
  ]);
});

test('no parts, no blocks', () => {
  assert.deepEqual(blocksFromParts([]), []);
});
