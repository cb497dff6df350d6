// Static XSS check for tests: parse HTML the way a browser does (jsdom's parse5), once with scripting
// disabled (<noscript> content is markup) and once enabled (it is text), and list everything that
// could run script: script elements, frames and plugins, event handler attributes, script URLs.
import { JSDOM } from 'jsdom';

const URL_ATTRS = new Set([
  'action', 'background', 'by', 'data', 'dynsrc', 'formaction', 'from', 'href', 'lowsrc', 'ping', 'poster',
  'src', 'srcset', 'to', 'values', 'xlink:href',
]);
const FORBIDDEN_ELEMENTS = new Set(['applet', 'base', 'embed', 'frame', 'frameset', 'iframe', 'object', 'script']);
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\ufeff\ufffd]/g;
const BAD_URL = /^(?:javascript|vbscript|livescript|mocha):|^data:(?:text\/html|application\/xhtml|text\/xml|application\/xml|image\/svg)/;
const BAD_CSS = /expression\(|javascript:|vbscript:|-moz-binding|behavior:/;

function walk(root: ParentNode, out: string[]): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName;
    if (FORBIDDEN_ELEMENTS.has(tag)) out.push(`<${tag}> element`);
    if (tag === 'meta' && el.hasAttribute('http-equiv')) out.push('<meta http-equiv>');
    if (tag === 'meta' && el.hasAttribute('charset')) out.push('<meta charset>');
    if (el.hasAttribute('xml:base')) out.push(`xml:base on <${tag}>`);
    if (tag === 'style' && BAD_CSS.test((el.textContent ?? '').replace(INVISIBLE, '').toLowerCase())) out.push('dangerous <style>');
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) out.push(`${name} on <${tag}>`);
      if (name === 'srcdoc' || name === 'formaction') out.push(`${name} on <${tag}>`);
      if (name === 'style' && BAD_CSS.test(attr.value.replace(INVISIBLE, '').toLowerCase())) out.push(`dangerous style on <${tag}>`);
      if (URL_ATTRS.has(name)) {
        const value = attr.value.replace(INVISIBLE, '').toLowerCase();
        const imageOnly = tag === 'img' && (name === 'src' || name === 'srcset');
        const bad = name === 'values' || name === 'srcset' ? /(?:javascript|vbscript):/.test(value) : BAD_URL.test(value);
        if (bad && !(imageOnly && value.startsWith('data:image/svg'))) out.push(`${name}=${value.slice(0, 30)} on <${tag}>`);
      }
    }
    if (tag === 'template') walk((el as HTMLTemplateElement).content, out);
  }
}

// Two parsers made once (a JSDOM is slow to create): DOMParser documents have scripting disabled (so
// <noscript> holds markup); innerHTML in a window made with runScripts 'dangerously' (the only jsdom
// setting that parses with scripting enabled, so <noscript> holds text) on a detached element, where
// scripts inserted by innerHTML never run and nothing loads.
let parsers: { off: DOMParser; on: Document } | undefined;

export function staticViolations(html: string): string[] {
  parsers ??= {
    off: new new JSDOM('').window.DOMParser(),
    on: new JSDOM('<!doctype html><body>', { runScripts: 'dangerously' }).window.document,
  };
  const out: string[] = [];
  walk(parsers.off.parseFromString(`<!doctype html><body>${html}`, 'text/html'), out);
  const box = parsers.on.createElement('div');
  box.innerHTML = html;
  walk(box, out);
  return out;
}
