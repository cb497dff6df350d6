// RSS 0.91, 0.92 and 2.0 (https://www.rssboard.org/rss-specification) onto RawItem, with the modules
// real feeds add: content:encoded, dc:creator/dc:date/dc:subject, atom:link, Media RSS.
import type { FeedHeader, XmlAdapter } from './adapter.ts';
import { atomAlternate, readCategories, readEnclosures, readPerson } from './item-fields.ts';
import type { RawItem } from './types.ts';
import { attr, child, firstText, lastText, nonEmpty, type XNode } from './xml-node.ts';

export function createRssAdapter(version: string): XmlAdapter {
  return {
    format: 'rss',
    version,
    isItem: (name, parentName) => name === 'item' && (parentName === 'channel' || parentName === 'rss'),
    toItem: (node) => readRssItem(node),
    toHeader: (root) => readRssHeader(root),
  };
}

function readRssItem(node: XNode): RawItem {
  const guid = child(node, 'guid');
  const id = nonEmpty(guid?.text);
  const linkNode = node.children.find((c) => c.name === 'link' && c.text !== '');
  const alternate = linkNode === undefined ? atomAlternate(node) : undefined;
  const link = nonEmpty(linkNode?.text) ?? nonEmpty(alternate === undefined ? null : attr(alternate, 'href'));
  return {
    id,
    // RSS 2.0: isPermaLink defaults to true when the attribute is absent.
    idIsPermalink: id !== null && guid !== undefined && (attr(guid, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false',
    link,
    base: (linkNode ?? alternate ?? node).base,
    title: firstText(node, 'title', 'dc:title'),
    titleIsHtml: false,
    author: nonEmpty(firstText(node, 'author', 'dc:creator')) ?? readPerson(child(node, 'atom:author')),
    published: firstText(node, 'pubDate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:published'),
    updated: lastText(node, 'atom:updated', 'dcterms:modified'),
    summary: firstText(node, 'description', 'dc:description'),
    content: firstText(node, 'content:encoded'),
    enclosures: readEnclosures(node),
    categories: readCategories(node, ['category', 'dc:subject']),
  };
}

function readRssHeader(root: XNode): FeedHeader {
  const channel = child(root, 'channel') ?? root;
  const linkNode = channel.children.find((c) => c.name === 'link' && c.text !== '');
  const alternate = atomAlternate(channel);
  return {
    title: firstText(channel, 'title', 'dc:title'),
    link: nonEmpty(linkNode?.text) ?? nonEmpty(alternate === undefined ? null : attr(alternate, 'href')),
    language: firstText(channel, 'language', 'dc:language'),
    base: channel.base,
  };
}
