// Display HTML into an XHTML fragment an EPUB 3 reading system (and epubcheck) accepts. The input is already
// display-cleaned (clean/display.ts: a strict allowlist), so this only makes it XML and keeps it inside the
// HTML content model, which XML parsing never repairs for us:
// - parsed with parse5 (the HTML5 tree-building algorithm: `<p><div>` closes the paragraph, tables get their
//   tbody), then written as XML: every element closed, void elements self-closed, text and attributes escaped;
// - a block element inside a phrasing-only one (a `<div>` in a `<span>`) becomes a `<span class="block">`;
//   stray list items become `<li>`s of their list or `<div>`s;
// - nothing in the book may load from the network (EPUB 3.2 §3.6 allows remote audio and video only with a
//   manifest flag, never remote images): an image that was archived points into the book, any other image,
//   iframe, audio or video becomes a link to where it was;
// - attributes are cut to what the book needs (links, alt text, sizes, table spans); no ids, so no dangling
//   fragment links.
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { escapeText } from '../../markup/escape.ts';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements written as themselves (with the attributes below). Anything else is unwrapped to its content. */
const KNOWN = new Set([
  'a', 'abbr', 'address', 'article', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div',
  'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i',
  'ins', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'section', 'small', 'span', 'strong',
  'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul', 'wbr',
]);
const VOID = new Set(['br', 'hr', 'img', 'wbr']);
/** Elements whose content must be phrasing content (HTML §4: "Content model: Phrasing content"). */
const PHRASING_ONLY = new Set([
  'abbr', 'b', 'cite', 'code', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'mark', 'p', 'pre', 'q', 'rp',
  'rt', 'ruby', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u',
]);
/** Elements that are not phrasing content: inside a phrasing-only element they are written as spans. */
const FLOW_ONLY = new Set([
  'address', 'article', 'blockquote', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export interface XhtmlOptions {
  /** The in-book path of an image `src`, or null when the image is not in the book. */
  image(src: string): string | null;
}

interface Context {
  phrasing: boolean;
  inLink: boolean;
  inHeaderOrFooter: boolean;
  parent: string;
}

const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

function linkable(href: string | undefined): string | null {
  if (href === undefined) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null; // relative or broken: nothing in the book to point at
  }
}

const attribute = (name: string, value: string): string => ` ${name}="${escapeText(value)}"`;

function linkTo(href: string | null, label: string, context: Context): string {
  return href === null || context.inLink ? escapeText(label) : `<a${attribute('href', href)}>${escapeText(label)}</a>`;
}

function attributesOf(el: Element, name: string): string {
  let out = '';
  if (name === 'a') {
    const href = linkable(attr(el, 'href'));
    if (href !== null) out += attribute('href', href);
  }
  if (name === 'a' || name === 'abbr') {
    const title = attr(el, 'title');
    if (title) out += attribute('title', title);
  }
  if (name === 'td' || name === 'th') {
    for (const span of ['colspan', 'rowspan']) {
      const value = attr(el, span)?.trim();
      if (value !== undefined && /^[1-9]\d{0,3}$/.test(value)) out += attribute(span, value);
    }
  }
  return out;
}

function image(el: Element, options: XhtmlOptions, context: Context): string {
  const src = attr(el, 'src') ?? '';
  const alt = attr(el, 'alt') ?? '';
  const inBook = src === '' ? null : options.image(src);
  if (inBook !== null) {
    let out = `<img${attribute('src', inBook)}${attribute('alt', alt)}`;
    for (const size of ['width', 'height']) {
      const value = attr(el, size)?.trim();
      if (value !== undefined && /^\d{1,5}$/.test(value)) out += attribute(size, value);
    }
    return `${out}/>`;
  }
  return linkTo(linkable(src), alt ? `[图片：${alt}]` : '[图片]', context);
}

/** Audio, video and iframes stay links: the book carries text and archived images only. */
function embedded(el: Element, name: string, context: Context): string {
  const sources = el.childNodes.filter((child): child is Element => 'tagName' in child && child.tagName === 'source');
  const src = linkable(attr(el, 'src')) ?? sources.map((source) => linkable(attr(source, 'src'))).find((url) => url !== null) ?? null;
  if (src === null) return '';
  const label = name === 'audio' ? '[音频]' : name === 'video' ? '[视频]' : `[嵌入内容${attr(el, 'title') ? `：${attr(el, 'title')}` : ''}]`;
  return linkTo(src, label, context);
}

function children(nodes: readonly Node[], options: XhtmlOptions, context: Context): string {
  let out = '';
  for (const node of nodes) out += write(node, options, context);
  return out;
}

/** A list's children: its items, and anything else between them wrapped into items of its own. */
function listItems(el: Element, options: XhtmlOptions, context: Context): string {
  let out = '';
  let loose: Node[] = [];
  const flush = (): void => {
    if (loose.some((node) => !('value' in node && node.nodeName === '#text' && node.value.trim() === ''))) {
      out += `<li>${children(loose, options, { ...context, parent: 'li' })}</li>`;
    } else {
      out += children(loose, options, context);
    }
    loose = [];
  };
  for (const node of el.childNodes) {
    if ('tagName' in node && node.tagName === 'li') {
      flush();
      out += write(node, options, context);
    } else {
      loose.push(node);
    }
  }
  flush();
  return out;
}

function write(node: Node, options: XhtmlOptions, context: Context): string {
  if (node.nodeName === '#text') return escapeText((node as DefaultTreeAdapterTypes.TextNode).value);
  if (!('tagName' in node)) return ''; // comments, doctypes
  const el = node;
  let name = el.tagName;
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return ''; // svg and math never pass display cleaning
  if (name === 'img') return image(el, options, context);
  if (name === 'iframe' || name === 'audio' || name === 'video') return embedded(el, name, context);
  if (name === 'source') return '';
  if (!KNOWN.has(name)) return children(el.childNodes, options, context); // picture, time, …: their content
  if (name === 'hr' && context.phrasing) return '<br/>';

  let className = '';
  if (context.phrasing && FLOW_ONLY.has(name)) {
    name = 'span';
    className = ' class="block"';
  } else if (name === 'li' && context.parent !== 'ul' && context.parent !== 'ol') {
    name = 'div';
  } else if ((name === 'dt' || name === 'dd') && context.parent !== 'dl' && context.parent !== 'div') {
    name = 'div';
  } else if (name === 'figcaption' && context.parent !== 'figure') {
    name = 'div';
  } else if ((name === 'rt' || name === 'rp') && context.parent !== 'ruby') {
    name = 'span';
  } else if ((name === 'header' || name === 'footer') && context.inHeaderOrFooter) {
    name = 'div'; // a header or footer may not hold another
  }
  if (name === 'a' && context.inLink) return children(el.childNodes, options, context);
  if (VOID.has(name)) return `<${name}/>`;

  const inner: Context = {
    phrasing: context.phrasing || PHRASING_ONLY.has(name),
    inLink: context.inLink || name === 'a',
    inHeaderOrFooter: context.inHeaderOrFooter || name === 'header' || name === 'footer',
    // a, ins and del are transparent: what may go inside them is what may go inside their parent.
    parent: name === 'a' || name === 'ins' || name === 'del' ? context.parent : name,
  };
  const content = (name === 'ul' || name === 'ol') && !inner.phrasing ? listItems(el, options, inner) : children(el.childNodes, options, inner);
  return `<${name}${className}${attributesOf(el, name)}>${content}</${name}>`;
}

/** The XHTML for a display-cleaned HTML fragment, to go inside a flow element such as `<section>`. */
export function toXhtml(html: string, options: XhtmlOptions): string {
  const fragment = parseFragment(html);
  return children(fragment.childNodes, options, { phrasing: false, inLink: false, inHeaderOrFooter: false, parent: 'section' });
}
