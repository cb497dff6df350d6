// Fields that RSS 2.0 and RSS 1.0 items share through the same extension modules
// (Media RSS, Dublin Core, enclosures), read the same way by both adapters.
import type { RawEnclosure } from './types.ts';
import { attr, child, nonEmpty, parseLength, type XNode } from './xml-node.ts';

/**
 * The item's enclosures: every <enclosure url type length> (RSS 2.0), once per URL, in document order, as
 * feedparser keeps them (its item_enclosure_multiple case). Media RSS is a second description of the same
 * media, not more of it: <media:content> counts only when the item has no <enclosure>, and a <media:group>
 * (alternative renditions of one object, Media RSS §5) gives one: its isDefault="true" rendition, else
 * its first. So an item that says one video three ways has one enclosure, not three.
 */
export function readEnclosures(item: XNode): RawEnclosure[] {
  const out: RawEnclosure[] = [];
  const seen = new Set<string>();
  const add = (url: string | null, type: string | null, length: string | null): void => {
    const u = nonEmpty(url);
    if (u === null || seen.has(u)) return;
    seen.add(u);
    out.push({ url: u, type: nonEmpty(type), length: parseLength(length) });
  };
  for (const c of item.children) if (c.name === 'enclosure') add(attr(c, 'url'), attr(c, 'type'), attr(c, 'length'));
  if (out.length > 0) return out;
  const media = (c: XNode): void => add(attr(c, 'url'), attr(c, 'type'), attr(c, 'fileSize'));
  const hasUrl = (c: XNode): boolean => c.name === 'media:content' && nonEmpty(attr(c, 'url')) !== null;
  for (const c of item.children) {
    if (hasUrl(c)) media(c);
    else if (c.name === 'media:group') {
      const renditions = c.children.filter(hasUrl);
      const chosen = renditions.find((r) => attr(r, 'isDefault')?.trim().toLowerCase() === 'true') ?? renditions[0];
      if (chosen !== undefined) media(chosen);
    }
  }
  return out;
}

/** Text of every child with one of the names, trimmed, without empties or repeats, in document order. */
export function readCategories(item: XNode, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of item.children) {
    if (!names.includes(c.name)) continue;
    const value = nonEmpty(c.text) ?? nonEmpty(attr(c, 'term'));
    if (value !== null && !out.includes(value)) out.push(value);
  }
  return out;
}

/** <atom:link rel="alternate" href> used by RSS feeds that lack a plain <link>. */
export function atomAlternate(node: XNode): XNode | undefined {
  return node.children.find(
    (c) => c.name === 'atom:link' && (attr(c, 'rel') ?? 'alternate') === 'alternate' && nonEmpty(attr(c, 'href')) !== null,
  );
}

/** The author as plain as the feed gives it: a name element inside an author element, or its text. */
export function readPerson(node: XNode | undefined): string | null {
  if (node === undefined) return null;
  return nonEmpty(child(node, 'atom:name')?.text) ?? nonEmpty(child(node, 'name')?.text) ?? nonEmpty(child(node, 'atom:email')?.text) ?? nonEmpty(node.text);
}
