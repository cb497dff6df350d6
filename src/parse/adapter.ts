// The contract between the streaming XML reader and the per-format adapters (rss.ts, rdf.ts, atom.ts).
import type { FeedFormat, RawItem } from './types.ts';
import type { Warnings } from './warnings.ts';
import type { XNode } from './xml-node.ts';

export interface FeedHeader {
  title: string | null;
  link: string | null;
  language: string | null;
  base: string | null;
}

export interface XmlAdapter {
  readonly format: FeedFormat;
  readonly version: string;
  /** Whether an element with this canonical name, whose parent has `parentName`, is one feed item. */
  isItem(name: string, parentName: string): boolean;
  /** `root` holds the feed-level elements read so far (Atom entries inherit the feed's author). */
  toItem(node: XNode, root: XNode, warnings: Warnings): RawItem;
  /** Reads the feed-level fields from the root's tree (items are not part of it). */
  toHeader(root: XNode, warnings: Warnings): FeedHeader;
}
