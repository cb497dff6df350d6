// Hover cards and tooltips inlined into sentences: a name in the text carries a card that a browser shows only
// on hover (`<a>李强<span class="tooltip-content">国务院总理 … 关注</span></a>`), or a hidden span. A reader
// never sees that text in the sentence, but a text extractor reads it inline ("李强国务院总理…关注表示").
// Run on the whole page before extraction, while class names are still there (Readability strips them):
// inside a block of text, an element that is a card by its role or class, or hidden by the `hidden` attribute
// or an inline display:none / visibility:hidden, is removed, unless it holds all of the block's text.
// Whole hidden blocks are left to Readability (some sites hide the article's continuation behind "展开全文").

/** Blocks of text a card can sit inside. */
const TEXT_BLOCKS = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGCAPTION', 'DD', 'DT', 'TD']);

/**
 * A class token naming the card itself, not what triggers it: "tooltip", "c-tooltip__content", "hovercard",
 * "popover-body". Tokens naming the trigger ("has-tooltip", "tooltip-trigger") or a wrapper around trigger and
 * card ("tooltip-wrapper") do not count.
 */
const CARD_TOKEN =
  /^(?:[a-z0-9]+(?:[-_]{1,2}))*(?:tooltip|tool-tip|tooltiptext|hovercard|hover-card|popover|popup|pop-up|infocard|info-card)(?:(?:[-_]{1,2})(?:content|body|card|inner|text|box|panel|bubble|popup|info|details?))?$/i;
const TRIGGER_TOKEN = /(?:^|[-_])(?:has|trigger|anchor|toggle|target|wrap|wrapper|container|link|parent|icon)(?:$|[-_])/i;

function isCard(el: Element): boolean {
  if (el.getAttribute('role') === 'tooltip') return true;
  if (el.hasAttribute('hidden')) return true;
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  if (/(?:^|;)display:none|(?:^|;)visibility:hidden/.test(style)) return true;
  const tokens = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  return !tokens.some((t) => TRIGGER_TOKEN.test(t)) && tokens.some((t) => CARD_TOKEN.test(t));
}

/**
 * A bare "tooltip" class names the card in some libraries (Bootstrap) and the wrapper around trigger and card
 * in others (`<span class="tooltip">name<span class="tooltiptext">card</span></span>`): an element that holds
 * another card is the wrapper, and only the inner one goes.
 */
function holdsCard(el: Element): boolean {
  return Array.from(el.querySelectorAll('[role="tooltip"], [hidden], [style], [class]')).some(isCard);
}

function enclosingTextBlock(el: Element): Element | null {
  for (let p = el.parentElement; p !== null; p = p.parentElement) if (TEXT_BLOCKS.has(p.tagName)) return p;
  return null;
}

const textOf = (node: Node): string => (node.textContent ?? '').replace(/\s+/g, '');

/** Removes inline hover cards and hidden inline text from the page; returns the text removed. */
export function dropHoverCards(doc: Document): string[] {
  const removed: string[] = [];
  const body = doc.body;
  if (body === null) return removed;
  for (const el of Array.from(body.querySelectorAll('[role="tooltip"], [hidden], [style], [class]'))) {
    if (!el.isConnected || TEXT_BLOCKS.has(el.tagName) || !isCard(el) || holdsCard(el)) continue;
    const block = enclosingTextBlock(el);
    if (block === null) continue;
    const text = textOf(el);
    if (text === '' || text === textOf(block)) continue;
    removed.push((el.textContent ?? '').replace(/\s+/g, ' ').trim());
    el.remove();
  }
  return removed;
}
