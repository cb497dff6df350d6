// RSS 1.0 (https://web.resource.org/rss/1.0/spec) and RSS 0.90: items are siblings of <channel> under
// rdf:RDF, identified by rdf:about; dates and authors come from Dublin Core.
import type { FeedHeader, XmlAdapter } from './adapter.ts';
import { readCategories, readEnclosures } from './item-fields.ts';
import type { RawItem } from './types.ts';
import { child, firstText, lastText, nonEmpty, type XNode } from './xml-node.ts';

export function createRdfAdapter(version: string): XmlAdapter {
  return {
    format: 'rdf',
    version,
    // Items belong under rdf:RDF; some generators nest them in <channel>.
    isItem: (name, parentName) => name === 'item' && (parentName === 'rdf:RDF' || parentName === 'channel'),
    toItem: (node) => readRdfItem(node),
    toHeader: (root) => readRdfHeader(root),
  };
}

function readRdfItem(node: XNode): RawItem {
  const about = nonEmpty(node.attrs['rdf:about']);
  const linkNode = node.children.find((c) => c.name === 'link' && c.text !== '');
  return {
    id: about,
    // rdf:about names the item's resource: the article's URI.
    idIsPermalink: about !== null,
    link: nonEmpty(linkNode?.text),
    base: (linkNode ?? node).base,
    title: firstText(node, 'title', 'dc:title'),
    titleIsHtml: false,
    author: firstText(node, 'dc:creator', 'author'),
    published: firstText(node, 'dc:date', 'pubDate', 'dcterms:issued', 'dcterms:created'),
    updated: lastText(node, 'dcterms:modified'),
    summary: firstText(node, 'description', 'dc:description'),
    content: firstText(node, 'content:encoded'),
    enclosures: readEnclosures(node),
    categories: readCategories(node, ['dc:subject', 'category']),
  };
}

function readRdfHeader(root: XNode): FeedHeader {
  const channel = child(root, 'channel') ?? root;
  return {
    title: firstText(channel, 'title', 'dc:title'),
    link: firstText(channel, 'link'),
    language: firstText(channel, 'dc:language', 'language'),
    base: channel.base,
  };
}
