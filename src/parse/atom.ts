// Atom 1.0 (RFC 4287) and Atom 0.3 (the 2003 draft: issued/modified, mode="escaped|xml|base64", MIME
// types in type=) onto RawItem. Text constructs become HTML strings: html as sent, xhtml without its
// wrapping <div>, text escaped so that every later stage can treat summary/content as HTML.
import { escapeText } from 'entities';
import type { FeedHeader, XmlAdapter } from './adapter.ts';
import { readPerson } from './item-fields.ts';
import type { RawEnclosure, RawItem } from './types.ts';
import type { Warnings } from './warnings.ts';
import { attr, child, childrenNamed, firstText, lastText, nonEmpty, parseLength, type XNode } from './xml-node.ts';

type TextKind = 'text' | 'html' | 'xhtml' | 'other';

export function createAtomAdapter(version: '1.0' | '0.3'): XmlAdapter {
  return {
    format: 'atom',
    version,
    isItem: (name, parentName) => name === 'atom:entry' && parentName === 'atom:feed',
    toItem: (node, root, warnings) => readEntry(node, root, warnings),
    toHeader: (root, warnings) => readHeader(root, warnings),
  };
}

/** RFC 4287 §3.1.1 type="text|html|xhtml"; Atom 0.3 used MIME types (mode says how they are written). */
function textKind(node: XNode): TextKind {
  const mode = attr(node, 'mode')?.trim().toLowerCase();
  const type = (attr(node, 'type') ?? 'text').trim().toLowerCase();
  if (type === 'text' || type === 'text/plain') return 'text';
  if (type === 'html' || type === 'text/html') return 'html';
  // Atom 0.3 mode="escaped" says the XHTML was escaped: the string is markup, read as HTML.
  if (type === 'xhtml' || type === 'application/xhtml+xml') return mode === 'escaped' || mode === 'base64' ? 'html' : 'xhtml';
  return type.startsWith('text/') ? 'text' : 'other';
}

/**
 * The characters of a text construct. Atom 0.3 mode="base64" (draft-ietf-atompub-format-00 §3.1.2)
 * carries them base64-encoded; the decoded bytes are read as UTF-8, the only encoding that survives
 * being copied out of any feed (feedparser does the same). The reader already dropped the wrapping
 * <div> of XHTML content (xml-reader.ts).
 */
function constructText(node: XNode, warnings: Warnings): string {
  if (attr(node, 'mode')?.trim().toLowerCase() !== 'base64') return node.text;
  const compact = node.text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    warnings.add('parse: Atom mode="base64" text is not base64; kept as sent');
    return node.text;
  }
  return Buffer.from(compact, 'base64').toString('utf8').trim();
}

/** A text construct as an HTML string. */
function readHtml(node: XNode | undefined, warnings: Warnings): string | null {
  if (node === undefined || attr(node, 'src') !== null) return null;
  const text = constructText(node, warnings);
  if (text === '') return null;
  switch (textKind(node)) {
    case 'html':
    case 'xhtml':
      return nonEmpty(text);
    case 'text':
      return escapeText(text);
    case 'other':
      warnings.add(`parse: Atom content of type ${attr(node, 'type') ?? ''} skipped`);
      return null;
  }
}

/** A title: plain text, or HTML when the construct says so (normalize makes both plain). */
function readTitle(node: XNode | undefined, warnings: Warnings): { title: string | null; isHtml: boolean } {
  if (node === undefined) return { title: null, isHtml: false };
  const kind = textKind(node);
  return { title: nonEmpty(constructText(node, warnings)), isHtml: kind === 'html' || kind === 'xhtml' };
}

function links(node: XNode): XNode[] {
  return childrenNamed(node, 'atom:link').filter((l) => nonEmpty(attr(l, 'href')) !== null);
}

/** The entry's page: rel="alternate" (the default rel), preferring an HTML type. */
function alternate(node: XNode): XNode | undefined {
  const candidates = links(node).filter((l) => (attr(l, 'rel') ?? 'alternate').trim() === 'alternate');
  return candidates.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html')) ?? candidates[0];
}

function readEntry(node: XNode, root: XNode, warnings: Warnings): RawItem {
  const link = alternate(node);
  const title = readTitle(child(node, 'atom:title'), warnings);
  const enclosures: RawEnclosure[] = links(node)
    .filter((l) => attr(l, 'rel') === 'enclosure')
    .map((l) => ({ url: (attr(l, 'href') as string).trim(), type: nonEmpty(attr(l, 'type')), length: parseLength(attr(l, 'length')) }));
  const categories: string[] = [];
  for (const c of node.children) {
    const value = c.name === 'atom:category' ? nonEmpty(attr(c, 'label')) ?? nonEmpty(attr(c, 'term')) : c.name === 'dc:subject' ? nonEmpty(c.text) : null;
    if (value !== null && !categories.includes(value)) categories.push(value);
  }
  const source = child(node, 'atom:source');
  return {
    id: firstText(node, 'atom:id'),
    idIsPermalink: false,
    link: nonEmpty(link === undefined ? null : attr(link, 'href')),
    base: (link ?? node).base,
    title: title.title,
    titleIsHtml: title.isHtml,
    // RFC 4287 §4.2.1: an entry without an author inherits the source's, then the feed's.
    author:
      readPerson(child(node, 'atom:author')) ??
      nonEmpty(firstText(node, 'dc:creator')) ??
      readPerson(source === undefined ? undefined : child(source, 'atom:author')) ??
      readPerson(child(root, 'atom:author')),
    published: firstText(node, 'atom:published', 'atom:issued', 'atom:created', 'dc:date'),
    updated: lastText(node, 'atom:updated', 'atom:modified'),
    summary: readHtml(child(node, 'atom:summary'), warnings),
    content: readHtml(child(node, 'atom:content'), warnings),
    enclosures,
    categories,
  };
}

function readHeader(root: XNode, warnings: Warnings): FeedHeader {
  const link = alternate(root);
  return {
    title: readTitle(child(root, 'atom:title'), warnings).title,
    link: nonEmpty(link === undefined ? null : attr(link, 'href')),
    language: nonEmpty(root.attrs['xml:lang']),
    base: root.base,
  };
}
