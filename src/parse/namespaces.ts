// Element names are matched by namespace URI, never by the prefix a feed happened to choose
// (Namespaces in XML 1.0 §3). Each known URI maps to one canonical prefix; adapters match "dc:date",
// "atom:link", "content:encoded" whatever the document called them.

/** Namespace URI → canonical prefix ('' = the feed format's own vocabulary). Sorted by URI. */
export const KNOWN_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['http://backend.userland.com/rss2', ''],
  ['http://blogs.law.harvard.edu/tech/rss', ''],
  ['http://my.netscape.com/rdf/simple/0.9/', ''],
  ['http://purl.org/atom/ns#', 'atom'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://purl.org/rss/1.0/', ''],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://search.yahoo.com/mrss', 'media'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://www.w3.org/2005/Atom', 'atom'],
  ['http://www.w3.org/XML/1998/namespace', 'xml'],
]);

export const ATOM_03_NS = 'http://purl.org/atom/ns#';
export const ATOM_10_NS = 'http://www.w3.org/2005/Atom';
export const RSS_090_NS = 'http://my.netscape.com/rdf/simple/0.9/';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** The prefixes in scope at one element: prefix ('' for the default namespace) → URI. */
export type Scope = Readonly<Record<string, string>>;

export const ROOT_SCOPE: Scope = { xml: 'http://www.w3.org/XML/1998/namespace' };

/** Returns the scope for an element: the parent's, extended by its xmlns attributes (copy on write). */
export function enterScope(parent: Scope, attrs: Record<string, string>): Scope {
  let scope: Record<string, string> | null = null;
  for (const name in attrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      scope ??= { ...parent };
      scope[name === 'xmlns' ? '' : name.slice(6)] = (attrs[name] ?? '').trim();
    }
  }
  return scope ?? parent;
}

/**
 * The canonical name of an element or attribute: "prefix:local" for a known namespace, "local" for the
 * format's own, "{uri}local" for any other. An undeclared prefix is kept as written (feeds use dc: without
 * declaring it often enough that dropping it would lose data); the caller warns.
 */
export function canonicalName(qname: string, scope: Scope, isAttribute: boolean): { name: string; undeclared: string | null } {
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const local = colon === -1 ? qname : qname.slice(colon + 1);
  // Unprefixed attributes are in no namespace (Namespaces in XML §6.2).
  if (colon === -1 && isAttribute) return { name: local, undeclared: null };
  const uri = scope[prefix];
  if (uri === undefined || uri === '') {
    return { name: qname, undeclared: colon === -1 ? null : prefix };
  }
  const known = KNOWN_NAMESPACES.get(uri);
  if (known === undefined) return { name: colon === -1 ? local : `{${uri}}${local}`, undeclared: null };
  return { name: known === '' ? local : `${known}:${local}`, undeclared: null };
}
