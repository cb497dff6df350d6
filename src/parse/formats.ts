// Which adapter reads a document, decided by its root element (the dispatcher's XML half).
import type { XmlAdapter } from './adapter.ts';
import { createAtomAdapter } from './atom.ts';
import { ATOM_03_NS, RSS_090_NS, type Scope } from './namespaces.ts';
import { createRdfAdapter } from './rdf.ts';
import { createRssAdapter } from './rss.ts';
import type { Warnings } from './warnings.ts';

/**
 * @param name the root's canonical name (namespaces.ts)
 * @param rawName the root's name as written, to find its namespace URI
 */
export function selectAdapter(
  name: string,
  rawName: string,
  scope: Scope,
  attrs: Record<string, string>,
  warnings: Warnings,
): XmlAdapter | null {
  const colon = rawName.indexOf(':');
  const uri = scope[colon === -1 ? '' : rawName.slice(0, colon)];
  switch (name) {
    case 'rss': {
      const version = attrs['version'];
      if (version === undefined || version === '') warnings.add('parse: <rss> has no version attribute; read as RSS 2.0');
      return createRssAdapter(version === undefined || version === '' ? '2.0' : version);
    }
    case 'rdf:RDF':
      // RSS 0.90 (Netscape) and RSS 1.0 share the RDF shape; the default namespace tells them apart.
      return createRdfAdapter(scope[''] === RSS_090_NS ? '0.90' : '1.0');
    case 'atom:feed':
      return createAtomAdapter(uri === ATOM_03_NS ? '0.3' : '1.0');
    default:
      return null;
  }
}
