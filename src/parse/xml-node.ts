// The small tree the reader builds for one item (or for the feed header) before an adapter maps it.
// Only one item's tree exists at a time, so memory follows the largest item, not the document.

export interface XNode {
  /** Canonical name: "title", "dc:date", "atom:link", "{uri}local" (see namespaces.ts). */
  name: string;
  /** Canonical attribute names, values with references decoded. */
  attrs: Record<string, string>;
  children: XNode[];
  /** Trimmed text content; for text containers (description, atom:content…) the HTML as sent. */
  text: string;
  /** xml:base in scope at this element, resolved against outer bases when they are absolute. */
  base: string | null;
}

export function child(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function childrenNamed(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The text of the first child with one of the names (in order of preference) that is not empty. */
export function firstText(node: XNode, ...names: string[]): string | null {
  for (const name of names) {
    for (const c of node.children) {
      if (c.name === name && c.text !== '') return c.text;
    }
  }
  return null;
}

/**
 * The text of the last non-empty child with any of the names, in document order. For dates an entry
 * repeats (two <updated>): feedparser overwrites the value at each end tag, so the last one counts, and
 * a feed that appends a newer modification date after an older one means the newer.
 */
export function lastText(node: XNode, ...names: string[]): string | null {
  for (let i = node.children.length - 1; i >= 0; i--) {
    const c = node.children[i] as XNode;
    if (c.text !== '' && names.includes(c.name)) return c.text;
  }
  return null;
}

/** An attribute by name, compared case-insensitively (feeds write isPermaLink, ispermalink, ISPERMALINK). */
export function attr(node: XNode, name: string): string | null {
  const exact = node.attrs[name];
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const key in node.attrs) if (key.toLowerCase() === lower) return node.attrs[key] ?? null;
  return null;
}

export function nonEmpty(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function parseLength(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}
