// An article the page carries as data, read before any HTML heuristic: BBC's Next.js pages embed the whole
// article as `__NEXT_DATA__` JSON (`props.pageProps.pageData.content.model.blocks`: paragraphs, subheadings,
// images with captions), and many CMSs put a schema.org NewsArticle with `articleBody` in
// `<script type="application/ld+json">`. Both are cleaner than the page's markup (no share bars, no related
// links). extract.ts uses it only when it holds the full text, i.e. about as much as the HTML gives.

// Local: the shared escaper lives in clean/, a later stage than this one.
const escapeText = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface StructuredArticle {
  /** Article HTML built from the data: <p>, <h2>, <figure>, <ul>/<ol>, <b>/<i>, <a>. */
  html: string;
  from: 'next-data' | 'json-ld';
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Block = { type?: Json; model?: { [key: string]: Json } };

const asBlocks = (value: Json | undefined): Block[] => (Array.isArray(value) ? (value.filter((b) => b && typeof b === 'object' && !Array.isArray(b)) as Block[]) : []);
const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '');

function inline(blocks: Block[]): string {
  return blocks
    .map((block) => {
      if (block.type === 'fragment') {
        let out = escapeText(text(block.model?.['text']));
        const attributes = Array.isArray(block.model?.['attributes']) ? (block.model!['attributes'] as Json[]) : [];
        if (attributes.includes('italic')) out = `<i>${out}</i>`;
        if (attributes.includes('bold')) out = `<b>${out}</b>`;
        return out;
      }
      if (block.type === 'urlLink' || block.type === 'inlineLink') {
        const href = text(block.model?.['locator']);
        const label = inline(asBlocks(block.model?.['blocks'])) || escapeText(text(block.model?.['text']));
        return /^https?:\/\//.test(href) ? `<a href="${escapeText(href)}">${label}</a>` : label;
      }
      return inline(asBlocks(block.model?.['blocks']));
    })
    .join('');
}

/** Paragraphs of a BBC `text` block (each paragraph's fragments and links). */
function paragraphs(block: Block): string[] {
  return asBlocks(block.model?.['blocks'])
    .map((paragraph) => {
      if (paragraph.type === 'unorderedList' || paragraph.type === 'orderedList') {
        const tag = paragraph.type === 'orderedList' ? 'ol' : 'ul';
        const items = asBlocks(paragraph.model?.['blocks']).map((item) => `<li>${asBlocks(item.model?.['blocks']).map((p) => inline(asBlocks(p.model?.['blocks']))).join(' ')}</li>`);
        return `<${tag}>${items.join('')}</${tag}>`;
      }
      const html = inline(asBlocks(paragraph.model?.['blocks'])) || escapeText(text(paragraph.model?.['text']));
      return html.trim() === '' ? '' : `<p>${html}</p>`;
    })
    .filter(Boolean);
}

function plainOf(block: Block | undefined): string {
  if (!block) return '';
  return asBlocks(block.model?.['blocks'])
    .flatMap((inner) => (inner.type === 'text' ? paragraphs(inner) : [plainOf(inner)]))
    .join('')
    .replace(/<\/?p>/g, '');
}

function bbcImage(block: Block): string {
  const parts = asBlocks(block.model?.['blocks']);
  const raw = parts.find((part) => part.type === 'rawImage');
  const locator = text(raw?.model?.['locator']);
  const origin = text(raw?.model?.['originCode']);
  if (!locator || !origin) return '';
  // The size BBC's own pages ask of its image service (ichef) for the article column.
  const src = `https://ichef.bbci.co.uk/ace/ws/640/${origin}/${locator}.webp`;
  const alt = plainOf(parts.find((part) => part.type === 'altText')).replace(/<[^>]*>/g, '');
  const caption = plainOf(parts.find((part) => part.type === 'caption'));
  return `<figure><img src="${escapeText(src)}" alt="${alt}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** BBC `__NEXT_DATA__`: the article's blocks in order; page furniture (headline, byline, embeds, ads) skipped. */
export function fromNextData(json: Json): string | null {
  const pageData = (json as { props?: { pageProps?: { pageData?: { content?: { model?: { blocks?: Json } } } } } })?.props?.pageProps?.pageData;
  const blocks = asBlocks(pageData?.content?.model?.blocks);
  if (blocks.length === 0) return null;
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'text') out.push(...paragraphs(block));
    else if (block.type === 'subheadline') {
      const heading = plainOf(block);
      if (heading) out.push(`<h2>${heading}</h2>`);
    } else if (block.type === 'image') out.push(bbcImage(block));
    else if (block.type === 'video') {
      // The player cannot be archived; its caption says what the video shows.
      const caption = plainOf(asBlocks(block.model?.['blocks']).find((part) => part.type === 'caption'));
      if (caption) out.push(`<figure><figcaption>${caption}</figcaption></figure>`);
    }
  }
  const html = out.filter(Boolean).join('');
  return html === '' ? null : html;
}

function* graph(value: Json): Generator<{ [key: string]: Json }> {
  if (Array.isArray(value)) for (const item of value) yield* graph(item);
  else if (value && typeof value === 'object') {
    yield value;
    if (value['@graph'] !== undefined) yield* graph(value['@graph']);
  }
}

const isArticleType = (type: Json | undefined): boolean =>
  (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && /(^|:)(\w*Article|Report|BlogPosting)$/.test(t));

/** schema.org `articleBody` (plain text) of the first Article-typed object that has one, as paragraphs. */
export function fromJsonLd(values: readonly Json[]): string | null {
  for (const value of values) {
    for (const node of graph(value)) {
      const body = node['articleBody'];
      if (!isArticleType(node['@type']) || typeof body !== 'string' || body.trim() === '') continue;
      return body
        .split(/\n\s*\n|\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => `<p>${escapeText(line)}</p>`)
        .join('');
    }
  }
  return null;
}

function parseJson(textContent: string | null): Json | undefined {
  try {
    return JSON.parse(textContent ?? '') as Json;
  } catch {
    return undefined; // a broken data block is simply not used; the HTML is still there
  }
}

/** The structured article of a page, if it carries one (read before anything changes the document). */
export function readStructuredArticle(doc: Document): StructuredArticle | null {
  const next = doc.querySelector('script#__NEXT_DATA__');
  if (next) {
    const json = parseJson(next.textContent);
    const html = json === undefined ? null : fromNextData(json);
    if (html) return { html, from: 'next-data' };
  }
  const values = Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))
    .map((script) => parseJson(script.textContent))
    .filter((value): value is Json => value !== undefined);
  const html = fromJsonLd(values);
  return html ? { html, from: 'json-ld' } : null;
}
