// Atom 1.0 (RFC 4287) and Atom 0.3 (the 2003 draft: issued/modified, mode="escaped|xml|base64", MIME
// types in type=) onto RawItem. Text constructs become HTML strings: html as sent, xhtml without its
// wrapping <div>, text escaped so that every later stage can treat summary/content as HTML.
import { escapeText } from 'entities';
import type { FeedHeader, XmlAdapter } from './adapter.ts';
import { readPerson } from './item-fields.ts';
import type { RawEnclosure, RawItem } from './types.ts';
import type { Warnings } from './warnings.ts';
import { attr, child, childrenNamed, firstText, nonEmpty, parseLength, type XNode } from './xml-node.ts';

type TextKind = 'text' | 'html' | 'xhtml' | 'base64' | 'other';

export function createAtomAdapter(version: '1.0' | '0.3'): XmlAdapter {
  return {
    format: 'atom',
    version,
    isItem: (name, parentName) => name === 'atom:entry' && parentName === 'atom:feed',
    toItem: (node, root, warnings) => readEntry(node, root, warnings),
    toHeader: (root) => readHeader(root),
  };
}

/** RFC 4287 §3.1.1 type="text|html|xhtml"; Atom 0.3 used MIME types and a separate mode attribute. */
function textKind(node: XNode): TextKind {
  const mode = attr(node, 'mode')?.toLowerCase();
  if (mode === 'base64') return 'base64';
  if (mode === 'escaped') return 'html';
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  if (type === 'text' || type === 'text/plain') return 'text';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  return type.startsWith('text/') ? 'text' : 'other';
}

function unwrapDiv(markup: string): string {
  const match = /^<div\b[^>]*>([\s\S]*)<\/div>$/.exec(markup);
  return (match?.[1] ?? markup).trim();
}

/** A text construct as an HTML string. */
function readHtml(node: XNode | undefined, warnings: Warnings): string | null {
  if (node === undefined || attr(node, 'src') !== null) return null;
  const text = node.text;
  if (text === '') return null;
  switch (textKind(node)) {
    case 'html':
      return text;
    case 'xhtml':
      return nonEmpty(unwrapDiv(text));
    case 'text':
      return escapeText(text);
    case 'base64':
      return nonEmpty(Buffer.from(text, 'base64').toString('utf8'));
    case 'other':
      warnings.add(`parse: Atom content of type ${attr(node, 'type') ?? ''} skipped`);
      return null;
  }
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
  const titleNode = child(node, 'atom:title');
  const titleKind = titleNode === undefined ? 'text' : textKind(titleNode);
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
    title: titleNode === undefined ? null : nonEmpty(titleKind === 'xhtml' ? unwrapDiv(titleNode.text) : titleNode.text),
    titleIsHtml: titleKind === 'html' || titleKind === 'xhtml',
    // RFC 4287 §4.2.1: an entry without an author inherits the source's, then the feed's.
    author:
      readPerson(child(node, 'atom:author')) ??
      nonEmpty(firstText(node, 'dc:creator')) ??
      readPerson(source === undefined ? undefined : child(source, 'atom:author')) ??
      readPerson(child(root, 'atom:author')),
    published: firstText(node, 'atom:published', 'atom:issued', 'atom:created', 'dc:date'),
    updated: firstText(node, 'atom:updated', 'atom:modified'),
    summary: readHtml(child(node, 'atom:summary'), warnings),
    content: readHtml(child(node, 'atom:content'), warnings),
    enclosures,
    categories,
  };
}

function readHeader(root: XNode): FeedHeader {
  const link = alternate(root);
  return {
    title: firstText(root, 'atom:title'),
    link: nonEmpty(link === undefined ? null : attr(link, 'href')),
    language: nonEmpty(root.attrs['xml:lang']),
    base: root.base,
  };
}
