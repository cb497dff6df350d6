// Structured data first: BBC's __NEXT_DATA__ (a real page in testdata/) and schema.org articleBody.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTestdata } from './article-pages.ts';
import { extractArticle } from './extract.ts';
import { fromJsonLd, fromNextData, type Json } from './structured-data.ts';

const paragraphs = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}第${i + 1}段。${'结构化数据里的完整正文。'.repeat(5)}`);

function page(options: { ldjson?: string; body: string }): string {
  return `<html lang="zh-Hant"><head>${options.ldjson ? `<script type="application/ld+json">${options.ldjson}</script>` : ''}</head><body><nav>首頁 國際</nav><article>${options.body}</article><aside>相關報道 熱門新聞</aside></body></html>`;
}

test('BBC: the article from __NEXT_DATA__, with its images, captions and subheadings, and no page furniture', () => {
  const html = readTestdata('bbc-zhongwen-2025-cwyv1yz8yrno-simp.html');
  const got = extractArticle(html, { url: 'https://www.bbc.com/zhongwen/articles/cwyv1yz8yrno/simp' });
  assert.equal(got.from, 'next-data');
  assert.match(got.content, /<img src="https:\/\/ichef\.bbci\.co\.uk\/ace\/ws\/640\/cpsprodpb\/3072\/live\/b8833320-cd4c-11f0-8c06-f5d460985095\.jpg\.webp" alt="火灾幸存者李先生">/);
  assert.match(got.content, /<figcaption>火灾发生当天，李先生正在家里休息。<\/figcaption>/);
  assert.match(got.content, /<h2>拯救邻居<\/h2>/);
  assert.match(got.content, /<figcaption>BBC中文重组大火扩散的经过/, "a video's caption is kept");
  for (const furniture of ['热读', '跳过 Instagram 帖子', '你的器材不支持播放多媒体材料']) assert.ok(!got.text.includes(furniture), furniture);
  assert.ok(!got.text.includes('香港大埔宏福苑大火幸存者：第一次觉得死亡和我有关\n'), 'the headline is the title, not the body');
});

test('JSON-LD articleBody is used when it holds the full text, not when it is a lead or broken', () => {
  const full = paragraphs(6, '全文');
  const markup = paragraphs(6, '全文').map((p) => `<p>${p}</p>`).join('');
  const cases: [name: string, ldjson: string | undefined, from: string][] = [
    ['a NewsArticle with the whole body', JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', articleBody: full.join('\n\n') }), 'json-ld'],
    ['inside an @graph, typed as a list', JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['ReportageNewsArticle'], articleBody: full.join('\n') }] }), 'json-ld'],
    ['a paywalled lead only', JSON.stringify({ '@type': 'NewsArticle', articleBody: full[0] }), 'readability'],
    ['not an article', JSON.stringify({ '@type': 'Organization', articleBody: full.join('\n') }), 'readability'],
    ['broken JSON', '{"@type": "NewsArticle", "articleBody": ', 'readability'],
    ['none', undefined, 'readability'],
  ];
  for (const [name, ldjson, from] of cases) {
    const got = extractArticle(page({ body: markup, ...(ldjson ? { ldjson } : {}) }), { url: 'https://example.com/a' });
    assert.equal(got.from, from, name);
    assert.match(got.text, /全文第6段/, name);
    assert.ok(!got.text.includes('相關報道'), name);
  }
});

test('the data builders escape text and keep only http(s) links', () => {
  assert.equal(fromJsonLd([{ '@type': 'Article', articleBody: 'a <b> & c\n\nd' }]), '<p>a &lt;b&gt; &amp; c</p><p>d</p>');
  const block = (type: string, model: { [key: string]: Json }): Json => ({ type, model });
  const next: Json = {
    props: { pageProps: { pageData: { content: { model: { blocks: [
      block('text', { blocks: [block('paragraph', { text: '', blocks: [
        block('fragment', { text: '粗<体>', attributes: ['bold'] }),
        block('urlLink', { locator: 'https://example.com/x', blocks: [block('fragment', { text: '链接', attributes: [] })] }),
        block('urlLink', { locator: 'javascript:alert(1)', blocks: [block('fragment', { text: '坏链接', attributes: [] })] }),
      ] })] }),
      block('headline', { blocks: [] }),
    ] } } } } },
  };
  assert.equal(fromNextData(next), '<p><b>粗&lt;体&gt;</b><a href="https://example.com/x">链接</a>坏链接</p>');
  assert.equal(fromNextData({ props: {} }), null);
});
