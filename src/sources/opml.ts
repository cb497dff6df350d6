// Sources as OPML 2.0 (http://opml.org/spec2.opml), the list format feed readers import and export.
// Read with htmlparser2 in XML mode (tolerant of the sloppy OPML many readers write); written by hand
// with the one escaping helper. Each outline keeps newsvault's source id in a namespaced attribute, so an
// export imported back gives the same ids, and other readers simply ignore it.
import { Parser } from 'htmlparser2';
import { escapeText } from '../markup/escape.ts';

export const OPML_NAMESPACE = 'https://github.com/newsvault/newsvault/opml';

export interface OpmlSource {
  /** From `newsvault:id`, when the file came from newsvault. */
  id: string | null;
  name: string;
  url: string;
  htmlUrl: string | null;
  language: string | null;
  /** Text of the enclosing folder outline(s), joined with " / ". */
  category: string | null;
  /** From `newsvault:fallbacks` (space-separated URLs), when the file came from newsvault. */
  fallbacks?: string[];
}

export class OpmlError extends Error {
  override readonly name = 'OpmlError';
}

export function parseOpml(text: string): OpmlSource[] {
  const sources: OpmlSource[] = [];
  const folders: (string | null)[] = [];
  let sawOpml = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = name.toLowerCase();
        if (tag === 'opml') sawOpml = true;
        if (tag !== 'outline') return;
        const attr = lowerKeys(attributes);
        const url = attr['xmlurl']?.trim();
        const label = (attr['title'] ?? attr['text'] ?? '').trim();
        if (url) {
          const category = folders.filter((folder): folder is string => Boolean(folder)).join(' / ');
          sources.push({
            id: attr['newsvault:id']?.trim() || null,
            name: label || url,
            url,
            htmlUrl: attr['htmlurl']?.trim() || null,
            language: attr['language']?.trim() || null,
            category: category || null,
            ...(attr['newsvault:fallbacks']?.trim() ? { fallbacks: attr['newsvault:fallbacks'].trim().split(/\s+/) } : {}),
          });
        }
        folders.push(url ? null : label || null);
      },
      onclosetag(name) {
        if (name.toLowerCase() === 'outline') folders.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  if (!sawOpml) throw new OpmlError('opml: not an OPML document (no <opml> element)');
  return sources;
}

function lowerKeys(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key.toLowerCase(), value]));
}

export interface OpmlOutline {
  id: string;
  name: string;
  url: string;
  language?: string | null;
  fallbacks?: readonly string[];
}

export function formatOpml(sources: readonly OpmlOutline[], options: { title: string }): string {
  const outline = (source: OpmlOutline): string => {
    const attrs = [
      ['type', 'rss'],
      ['text', source.name],
      ['title', source.name],
      ['xmlUrl', source.url],
      ...(source.language ? [['language', source.language]] : []),
      ['newsvault:id', source.id],
      // URLs never contain spaces (WHATWG serialisation percent-encodes them), so a space separates them.
      ...(source.fallbacks?.length ? [['newsvault:fallbacks', source.fallbacks.join(' ')]] : []),
    ];
    return `    <outline ${attrs.map(([key, value]) => `${key}="${escapeText(value ?? '')}"`).join(' ')}/>`;
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:newsvault="${OPML_NAMESPACE}">`,
    '  <head>',
    `    <title>${escapeText(options.title)}</title>`,
    '  </head>',
    '  <body>',
    ...sources.map(outline),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'net', 'org']);
const GENERIC = new Set(['atom', 'feed', 'feeds', 'index', 'news', 'newsfeed', 'rss', 'rss2', 'www', 'xml']);

/**
 * A source id for an imported feed: its newsvault id if it has one, else a slug of its title (the
 * ASCII part of it), else the feed's host; the first of these not in `taken`, else the first with a
 * number appended.
 */
export function sourceIdFor(source: Pick<OpmlSource, 'id' | 'name' | 'url'>, taken: ReadonlySet<string>): string {
  const lowerTaken = new Set([...taken].map((id) => id.toLowerCase()));
  const candidates: string[] = [];
  if (source.id && ID_PATTERN.test(source.id)) candidates.push(source.id);
  candidates.push(slug(source.name));
  try {
    const url = new URL(source.url);
    // Never a path segment: `/realtime/china` names a section, not the outlet (联合早报 through RSSHub).
    const labels = url.hostname.replace(/^(www|feeds?|rss|news|m)\./, '').split('.');
    labels.pop(); // the top-level domain
    if (labels.length > 1 && SECOND_LEVEL.has(labels.at(-1)!)) labels.pop(); // bbc.co.uk, rthk.org.hk
    candidates.push(slug(labels.length > 0 ? labels.join('-') : url.hostname));
  } catch {
    // not a URL: the name or the fallback below decides
  }
  const usable = candidates.filter((candidate) => candidate && !GENERIC.has(candidate.toLowerCase()));
  const free = usable.find((candidate) => !lowerTaken.has(candidate.toLowerCase()));
  if (free) return free;
  const base = usable[0] ?? 'source';
  let id = base;
  for (let n = 2; lowerTaken.has(id.toLowerCase()); n++) id = `${base.slice(0, 60)}-${n}`;
  return id;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** Names are file names in the Markdown archive (`lists/<name>.md`): no slashes. */
export function safeSourceName(name: string): string {
  const cleaned = name.replace(/[\/\\\0]/g, '-').trim().slice(0, 100);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'source' : cleaned;
}
