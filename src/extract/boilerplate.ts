// Page furniture that Readability keeps inside the article block. Only shapes that cannot be article text
// are removed, so recall stays where it is; captions and photo credits are content for an archive and stay.
// - A dateline at the top of the body: a block, before the article's second paragraph, whose whole text is
//   a date or a date and time (<p><time>2025年11月30日</time></p> on BBC's video pages). The date is
//   already the article's publication time in the archive.

const DATE =
  /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2}\s+[A-Za-z]+\s+\d{4}|[A-Za-z]+\s+\d{1,2},?\s+\d{4})(?:\s*[-–,]?\s*(?:星期.|周.)?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\s*(?:UTC|GMT|HKT|CST)[+-]?\d*)?)?$/;

/** Blocks in reading order that hold text directly (paragraphs, headings, list items, captions). */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, figcaption, blockquote, div:not(:has(p, div, h1, h2, h3, h4, h5, h6, li, figure))';

/** Removes datelines at the top of the body; returns how many. */
export function dropLeadingDatelines(container: Element): number {
  let removed = 0;
  let paragraphs = 0;
  for (const block of Array.from(container.querySelectorAll(BLOCKS))) {
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (DATE.test(text)) {
      block.remove();
      removed += 1;
      continue;
    }
    if (block.tagName === 'P' && (paragraphs += 1) >= 2) break;
  }
  return removed;
}
