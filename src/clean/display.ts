// Display HTML: a strict allowlist (sanitize-html) for our own site and reader. Unlike archival HTML it
// is re-serialized: only the tags and attributes below survive, URLs are made absolute against the
// article's URL, links open in a new tab without an opener, and only a few video hosts may be framed.
import { createRequire } from 'node:module';
import { parseFragment, serialize } from 'parse5';
import type { Attributes, IOptions } from 'sanitize-html';
import { DEFAULT_IFRAME_HOSTS } from './iframe-hosts.ts';

export interface DisplayOptions {
  /** the article's URL: relative links and images are resolved against it */
  baseUrl?: string | null;
  /** hosts whose https pages may be shown in a sandboxed iframe */
  allowIframeHosts?: string[];
}

export { DEFAULT_IFRAME_HOSTS };

const TAGS = [
  'a', 'abbr', 'address', 'article', 'audio', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd',
  'del', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'i', 'iframe', 'img', 'ins', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt',
  'ruby', 's', 'section', 'small', 'source', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th',
  'thead', 'time', 'tr', 'u', 'ul', 'video', 'wbr',
];

const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel', 'target'],
  abbr: ['title'],
  audio: ['src', 'controls'],
  iframe: ['src', 'title', 'width', 'height', 'allowfullscreen', 'sandbox'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  q: ['cite'],
  source: ['src', 'srcset', 'type', 'media', 'sizes'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  time: ['datetime'],
  video: ['src', 'controls', 'poster'],
};

/** Elements dropped with everything inside them (their text is not article text). */
const DROPPED_WITH_CONTENT = [
  'math', 'noembed', 'noframes', 'noscript', 'option', 'script', 'style', 'svg', 'template',
  'textarea', 'title', 'xmp',
];

const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';

/** Lazy-loading pages keep the real image in a data attribute and a placeholder in src. */
const LAZY_SRC_ATTRIBUTES = ['data-lazy-src', 'data-src', 'data-original'];

function resolve(url: string | undefined, base: string | null): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return trimmed;
  try {
    return base === null ? new URL(trimmed).href : new URL(trimmed, base).href;
  } catch {
    // Unresolvable without a base: keep a path-relative URL as written, sanitize-html still checks it.
    return base === null && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(trimmed) ? trimmed : undefined;
  }
}

const isHttp = (url: string | undefined): boolean => url !== undefined && /^https?:\/\//i.test(url);

function resolveSrcset(srcset: string, base: string | null): string {
  return srcset
    .split(/,\s+/)
    .map((candidate) => {
      const [url, ...descriptors] = candidate.trim().split(/\s+/);
      const resolved = resolve(url, base);
      return isHttp(resolved) ? [resolved, ...descriptors].join(' ') : '';
    })
    .filter((c) => c !== '')
    .join(', ');
}

function transform(tagName: string, attribs: Attributes, base: string | null, iframeHosts: readonly string[]) {
  const out: Attributes = { ...attribs };
  if (tagName === 'img') {
    const lazy = LAZY_SRC_ATTRIBUTES.map((a) => attribs[a]).find((v) => v !== undefined && v !== '');
    if (lazy !== undefined && (out.src === undefined || /^\s*data:/i.test(out.src))) out.src = lazy;
  }
  for (const name of ['href', 'src', 'poster', 'cite']) {
    if (out[name] === undefined) continue;
    const resolved = resolve(out[name], base);
    if (resolved === undefined || ((tagName === 'img' || name === 'poster') && !isHttp(resolved))) delete out[name];
    else out[name] = resolved;
  }
  if (out.srcset !== undefined) out.srcset = resolveSrcset(out.srcset, base);
  if (tagName === 'a') {
    delete out.rel;
    delete out.target;
    if (isHttp(out.href)) {
      out.rel = 'noopener noreferrer';
      out.target = '_blank';
    }
  }
  if (tagName === 'iframe') {
    let host = '';
    try {
      host = out.src === undefined ? '' : new URL(out.src).protocol === 'https:' ? new URL(out.src).hostname : '';
    } catch {
      host = '';
    }
    // A rejected iframe keeps its name and loses its src, so the exclusive filter drops it with its
    // fallback content. Renaming it (as this once did, to a tag dropped with its content) trips a
    // sanitize-html bug: a renamed tag that is then discarded leaves its new name behind for its depth,
    // and the next element closed at that depth got `</iframe-rejected>` as its end tag, leaving it open
    // (an `<a href>` swallowed the rest of the page).
    if (!iframeHosts.includes(host)) return { tagName, attribs: {} };
    out.sandbox = IFRAME_SANDBOX;
  }
  return { tagName, attribs: out };
}

export function cleanDisplay(html: string, opts: DisplayOptions = {}): string {
  return settle(html, sanitizeOptions(opts), true);
}

/**
 * cleanDisplay without the shortcut below: every confirming pass runs sanitize-html. Only for the test that
 * the shortcut changes no output (display-shortcut.test.ts).
 */
export function cleanDisplayConfirmingEveryPass(html: string, opts: DisplayOptions = {}): string {
  return settle(html, sanitizeOptions(opts), false);
}

function sanitizeOptions(opts: DisplayOptions): IOptions {
  const base = opts.baseUrl ?? null;
  const iframeHosts = opts.allowIframeHosts ?? DEFAULT_IFRAME_HOSTS;
  return {
    allowedTags: TAGS,
    allowedAttributes: ATTRIBUTES,
    allowedClasses: {},
    allowedStyles: {},
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { audio: ['http', 'https'], iframe: ['https'], img: ['http', 'https'], source: ['http', 'https'], video: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [...iframeHosts],
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    // The void elements of TAGS, written `<x />` with no end tag (sanitize-html's default list lacks
    // source and wbr, which it closed with an end tag that no browser reads).
    selfClosing: ['br', 'hr', 'img', 'source', 'wbr'],
    nonTextTags: DROPPED_WITH_CONTENT,
    transformTags: { '*': (tagName, attribs) => transform(tagName, attribs, base, iframeHosts) },
    exclusiveFilter: (frame) =>
      (frame.tag === 'img' && !frame.attribs.src) || (frame.tag === 'iframe' && !frame.attribs.src),
  };
}

// Read as a tree, filter, and again until nothing changes: filtering can itself leave a nesting that a tree
// builder reads another way (an element dropped from between two <rt>s leaves one inside the other), and text
// inside a raw-text element (<iframe>, <noscript>) is markup to sanitize-html's parser. Real articles settle on
// the second pass, which only confirms the first.
//
// The confirming pass is sanitize(asTree(out)). When asTree(out) is the very tree the pass before sanitized
// (sanitize-html only wrote it out again: `<br />` for parse5's `<br>`, the same attributes and text), that
// pass already gave its answer: `out`. So sanitize-html is not run again, and the output is the same string
// (sanitize-html is a function of its input and these options). For markup that arrives in display form (the
// cycle benchmark's bodies, a second cleaning of display HTML) that is a third of a call (issue 15). Where
// sanitize-html really changed something (a class dropped, a URL made absolute: 20 of the 21 real bodies in
// testdata/) the trees differ and the full confirming pass runs, as before.
function settle(html: string, options: IOptions, shortcut: boolean): string {
  const sanitize = loadSanitizeHtml();
  let tree = asTree(html);
  let out = sanitize(tree, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const treeAgain = asTree(out);
    if (shortcut && treeAgain === tree) break;
    const again = sanitize(treeAgain, options);
    if (again === out) break;
    tree = treeAgain;
    out = again;
  }
  return out;
}

const MAX_PASSES = 4;

/**
 * The markup as a browser's tree builder reads it, written back out: sanitize-html has no HTML tree builder,
 * so mis-nested markup (`<td><custom-el><td>`, a `<p>` left open before a `<table>`) came out as a nesting no
 * browser builds, which a second pass then read differently (the output was not idempotent, and one open
 * element could swallow what the page put after the article). parse5 applies the HTML standard's
 * tree-construction rules.
 */
function asTree(html: string): string {
  return serialize(parseFragment(html));
}

// sanitize-html (with htmlparser2, postcss and their dependencies) costs about 0.3 s of CPU to load: it
// is loaded on the first HTML made for display, not when this module is imported, so that a cycle with
// nothing new to publish never loads it (issue 15). It is CommonJS, so require() is synchronous.
const require = createRequire(import.meta.url);
let sanitizeHtml: typeof import('sanitize-html') | undefined;
function loadSanitizeHtml(): typeof import('sanitize-html') {
  return (sanitizeHtml ??= require('sanitize-html') as typeof import('sanitize-html'));
}
