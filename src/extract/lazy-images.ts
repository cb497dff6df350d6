// Turning lazy-loaded images into plain ones, so the archive shows them without the page's scripts.
import { bestSrcsetUrl } from '../markup/srcset.ts';

/** Attributes lazy loaders keep the real URL in, most specific first. */
const SRC_ATTRIBUTES: readonly string[] = [
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-lazy',
  'data-original-src',
  'data-actualsrc',
  'data-echo',
  'data-url',
  'data-hi-res-src',
];
const SRCSET_ATTRIBUTES: readonly string[] = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];

/** A src that only holds the place of the real image: empty, inline data, or a 1×1/placeholder file. */
export function isPlaceholderSrc(src: string | null): boolean {
  if (src === null) return true;
  const s = src.trim();
  if (s === '' || s === '#' || /^data:/i.test(s) || /^about:blank/i.test(s)) return true;
  return /(?:^|[/_.-])(?:blank|spacer|placeholder|transparent|pixel|lazy|loading|grey-placeholder|1x1)\.(?:gif|png|svg|jpe?g|webp)(?:$|\?)/i.test(
    s,
  );
}

function looksLikeUrl(value: string | null): value is string {
  return value !== null && value.trim() !== '' && !/^data:/i.test(value.trim());
}

/**
 * BBC World Service pages (2014–2019) left a `<div class="js-delayed-image-load" data-src=…{width}… data-alt>`
 * where the image goes, for a script to replace; ichef URLs carry a `{width}` template.
 */
function replaceDelayedDivs(doc: Document): void {
  for (const div of Array.from(doc.querySelectorAll('div.js-delayed-image-load[data-src]'))) {
    const img = doc.createElement('img');
    const width = div.getAttribute('data-width') ?? '976';
    img.setAttribute('src', (div.getAttribute('data-src') ?? '').replace('{width}', width));
    const alt = div.getAttribute('data-alt');
    if (alt !== null) img.setAttribute('alt', alt);
    for (const attr of ['width', 'height'] as const) {
      const v = div.getAttribute(`data-${attr}`);
      if (v !== null) img.setAttribute(attr, v);
    }
    div.replaceWith(img);
  }
}

/** `<noscript><img></noscript>`: the fallback is the real image; a placeholder beside it is dropped. */
function unwrapNoscriptImages(doc: Document): void {
  for (const ns of Array.from(doc.querySelectorAll('noscript'))) {
    // With scripting off (jsdom's default) noscript content is parsed as elements. If it arrived as text,
    // parse that text inside a <template>, where nothing loads or runs.
    let imgs: Element[];
    if (ns.children.length === 0 && /<img/i.test(ns.textContent ?? '')) {
      const tpl = doc.createElement('template');
      tpl.innerHTML = ns.textContent ?? '';
      imgs = Array.from(tpl.content.querySelectorAll('img'));
    } else {
      imgs = Array.from(ns.querySelectorAll('img'));
    }
    if (imgs.length > 0) replacePlaceholderNear(ns, imgs);
  }
}

function isPlaceholderElement(el: Element | null): el is Element {
  if (el === null) return false;
  if (el.tagName === 'IMG') return isPlaceholderSrc(el.getAttribute('src')) || hasLazyAttribute(el);
  return el.querySelector('img') === null && /lazy|placeholder/i.test(el.className);
}

/** The noscript's images replace it; a lazy placeholder right before or after it (either order occurs) goes. */
function replacePlaceholderNear(ns: Element, imgs: Element[]): void {
  const placeholder = [ns.previousElementSibling, ns.nextElementSibling].find(isPlaceholderElement);
  placeholder?.remove();
  ns.replaceWith(...imgs);
}

function hasLazyAttribute(img: Element): boolean {
  return SRC_ATTRIBUTES.some((a) => img.hasAttribute(a)) || SRCSET_ATTRIBUTES.some((a) => img.hasAttribute(a));
}

/** Copies data-srcset and friends into srcset (on `<img>` and `<picture><source>`). */
function promoteSrcset(el: Element): void {
  for (const attr of SRCSET_ATTRIBUTES) {
    const v = el.getAttribute(attr);
    if (looksLikeUrl(v)) {
      el.setAttribute('srcset', v);
      el.removeAttribute(attr);
      return;
    }
  }
}

function fixImage(img: Element): void {
  promoteSrcset(img);
  for (const attr of SRC_ATTRIBUTES) {
    const v = img.getAttribute(attr);
    if (looksLikeUrl(v) && /^\S+$/.test(v.trim())) {
      img.setAttribute('src', v.trim());
      img.removeAttribute(attr);
      break;
    }
  }
  if (isPlaceholderSrc(img.getAttribute('src'))) {
    const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
    const sources = Array.from(picture?.querySelectorAll('source') ?? []);
    const srcsets = [img.getAttribute('srcset'), ...sources.map((s) => s.getAttribute('srcset'))];
    for (const set of srcsets) {
      const best = set ? bestSrcsetUrl(set) : null;
      if (best !== null && !/^data:/i.test(best)) {
        img.setAttribute('src', best);
        break;
      }
    }
  }
  const src = img.getAttribute('src');
  const width = img.getAttribute('width') ?? img.getAttribute('data-width');
  if (src !== null && src.includes('{width}')) img.setAttribute('src', src.replace('{width}', width ?? '800'));
  img.removeAttribute('loading');
}

/** A 1×1 image is a tracking pixel (analytics `<noscript>` fallbacks), not part of the article. */
function isTrackingPixel(img: Element): boolean {
  const w = Number.parseInt(img.getAttribute('width') ?? '', 10);
  const h = Number.parseInt(img.getAttribute('height') ?? '', 10);
  return w <= 1 && h <= 1;
}

/** Rewrites the document in place so every image has a real `src`; tracking pixels are removed. */
export function fixLazyImages(doc: Document): void {
  replaceDelayedDivs(doc);
  unwrapNoscriptImages(doc);
  for (const source of Array.from(doc.querySelectorAll('picture source'))) promoteSrcset(source);
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (isTrackingPixel(img)) img.remove();
    else fixImage(img);
  }
}
