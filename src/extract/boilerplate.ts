// Page furniture that survives into the extracted article: Readability keeps it inside the article block, a keep
// selector takes it with the body, or it sits in the body's own markup. Only whole blocks of a shape that cannot
// be article text are removed (boilerplate-patterns.ts), so recall stays where it is; captions and photo
// credits are content for an archive and stay.
//
// - top: near the top of the body (before its second paragraph) a block that is only a dateline, a byline
//   (with or without a date), a section label or a breadcrumb. The archive keeps the date and author as
//   the article's own fields.
// - teaser: "相关报道：<a>…</a>", "Read more: <a>…</a>", or such a label followed by blocks that are only
//   links to other articles.
// - editor credit: anywhere, a block that is only the editor's credit ("(责编：…)", "责任编辑：…").
// - promotion: a short block with a link that asks to subscribe, download, follow, donate or "click to enter".
// - media-fallback: what a player or embed shows when it cannot run ("您的浏览器不支持…", "JavaScript is
//   disabled"), and the fallback text inside <iframe>, <video>, <audio>, <canvas> (never shown by a browser
//   that runs them; the elements themselves stay).
// Hover cards inlined into sentences are removed from the page before extraction (hover-cards.ts).
import {
  isByline,
  isDateline,
  isEditorCredit,
  isSectionLabel,
  MEDIA_FALLBACK,
  MEDIA_FALLBACK_MAX_UNITS,
  PROMOTION,
  PROMOTION_MAX_UNITS,
  teaserLabel,
  units,
} from './boilerplate-patterns.ts';

export type BoilerplateRule = 'dateline' | 'byline' | 'section-label' | 'breadcrumb' | 'teaser' | 'promotion' | 'media-fallback';

export interface Removal {
  rule: BoilerplateRule;
  text: string;
}

/** Blocks in reading order that hold text directly (paragraphs, headings, list items, captions). */
const INNER = 'p, div, section, header, h1, h2, h3, h4, h5, h6, li, figure, blockquote, dl';
const BLOCKS = `p, h1, h2, h3, h4, h5, h6, li, dt, dd, figcaption, blockquote, ${['div', 'section', 'header'].map((t) => `${t}:not(:has(${INNER}))`).join(', ')}`;

/** The blocks in document order (with this :has() list, jsdom was seen returning <p>s before the leaf <div>s). */
function blocksOf(container: Element): Element[] {
  return Array.from(container.querySelectorAll(BLOCKS)).sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** Section labels are a word or two; longer all-link blocks at the top may be a linked standfirst. */
const LABEL_MAX_UNITS = 6;
const BREADCRUMB_SEPARATORS = /^[\s>»›/|｜·•\-–—→]*$/u;

/** Elements whose children are fallback content for when the element itself cannot be shown. */
const MEDIA = 'iframe, video, audio, canvas';

const textOf = (node: Node): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

function linkUnits(block: Element): number {
  let n = 0;
  for (const a of Array.from(block.querySelectorAll('a'))) n += units(a.textContent ?? '');
  return n;
}

/** Every unit of the block's text is link text. */
function allLinks(block: Element, text: string): boolean {
  const u = units(text);
  return u > 0 && linkUnits(block) >= u;
}

/** The text outside links, for breadcrumbs: only separators may be left. */
function textOutsideLinks(block: Element): string {
  const copy = block.cloneNode(true) as Element;
  for (const a of Array.from(copy.querySelectorAll('a'))) a.remove();
  return textOf(copy);
}

function topRule(block: Element, text: string): BoilerplateRule | null {
  if (isDateline(text)) return 'dateline';
  if (isByline(text)) return 'byline';
  if (block.querySelectorAll('a').length >= 2 && allLinks(block, text) && BREADCRUMB_SEPARATORS.test(textOutsideLinks(block))) {
    // "首页 > 国际 > 亚洲": short items only; a list of headlines is a teaser box, handled below.
    const items = Array.from(block.querySelectorAll('a')).map((a) => units(a.textContent ?? ''));
    if (items.every((n) => n <= LABEL_MAX_UNITS) && /[>»›/|｜→]/u.test(textOutsideLinks(block))) return 'breadcrumb';
  }
  const u = units(text);
  if (u <= LABEL_MAX_UNITS && (isSectionLabel(text) || (allLinks(block, text) && block.tagName !== 'FIGCAPTION'))) return 'section-label';
  return null;
}

function anywhereRule(block: Element, text: string): BoilerplateRule | null {
  const u = units(text);
  if (isEditorCredit(text)) return 'byline';
  if (u <= MEDIA_FALLBACK_MAX_UNITS && MEDIA_FALLBACK.test(text)) return 'media-fallback';
  const teaser = teaserLabel(text);
  if (teaser !== null && teaser.rest.trim() !== '' && linkUnits(block) >= units(teaser.rest)) return 'teaser';
  if (u <= PROMOTION_MAX_UNITS && block.querySelector('a[href]') !== null && PROMOTION.test(text)) return 'promotion';
  return null;
}

/** Empties <iframe>/<video>/<audio>/<canvas> of their fallback content (keeps <source> and <track>). */
function dropMediaFallbacks(container: Element, removed: Removal[]): void {
  for (const media of Array.from(container.querySelectorAll(MEDIA))) {
    for (const child of Array.from(media.childNodes)) {
      if (child.nodeType === 1 && ['SOURCE', 'TRACK'].includes((child as Element).tagName)) continue;
      const text = textOf(child);
      if (text !== '') removed.push({ rule: 'media-fallback', text });
      child.parentNode?.removeChild(child);
    }
  }
}

/** Removes ancestors left with no text and nothing to show (a <ul> whose teaser items all went). */
function pruneEmpty(start: Element | null, container: Element): void {
  for (let el = start; el !== null && el !== container; ) {
    const parent = el.parentElement;
    if (textOf(el) !== '' || el.querySelector('img, picture, video, audio, iframe, svg, canvas, object, embed, table') !== null) return;
    el.remove();
    el = parent;
  }
}

/** Removes the boilerplate blocks described above from extracted article HTML; returns what went and why. */
export function removeBoilerplate(container: Element): Removal[] {
  const removed: Removal[] = [];
  dropMediaFallbacks(container, removed);
  const remove = (block: Element, rule: BoilerplateRule, text: string): void => {
    removed.push({ rule, text });
    const parent = block.parentElement;
    block.remove();
    pruneEmpty(parent, container);
  };
  let paragraphs = 0;
  // After a bare teaser label ("相关报道"), the blocks that are only links are its list.
  let inTeaserList = false;
  for (const block of blocksOf(container)) {
    if (!container.contains(block)) continue;
    const text = textOf(block);
    if (text === '') continue;
    if (inTeaserList) {
      if (allLinks(block, text)) {
        remove(block, 'teaser', text);
        continue;
      }
      inTeaserList = false;
    }
    const top = paragraphs < 2 ? topRule(block, text) : null;
    if (top !== null) {
      remove(block, top, text);
      continue;
    }
    const label = teaserLabel(text);
    if (label !== null && label.rest.trim() === '') {
      remove(block, 'teaser', text);
      inTeaserList = true;
      continue;
    }
    const anywhere = anywhereRule(block, text);
    if (anywhere !== null) {
      remove(block, anywhere, text);
      continue;
    }
    if (block.tagName === 'P') paragraphs += 1;
  }
  return removed;
}
