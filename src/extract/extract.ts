// Pulling the article out of a full page: per-source selectors first, Mozilla Readability for the rest.
import { loadJsdom, loadReadability } from './dom.ts';
import { repairInlineStyles, withoutInlineStyles } from './inline-styles.ts';
import { removeBoilerplate } from './boilerplate.ts';
import { dropHoverCards } from './hover-cards.ts';
import { fixLazyImages } from './lazy-images.ts';
import { judgePage } from './page-kind.ts';
import { linesToHtml, plainTextLines } from './plain-text.ts';
import { textUnits } from './fulltext.ts';
import { readStructuredArticle } from './structured-data.ts';
import { emptyStyleElements } from './stylesheets.ts';
import { elementText } from './text.ts';
import type { ExtractedArticle, ExtractOptions } from './types.ts';
import { absolutizeUrls } from './urls.ts';

/** Structured data is used when its text is at least this share of what the markup gave. */
const STRUCTURED_SHARE = 0.9;

/** Elements that are page machinery, never article content, when a keep selector hands us raw markup. */
const MACHINERY = 'script, style, noscript, template, link, meta, button, form, input, select, textarea, svg';

/** The selectors that parse, in order; each bad one becomes a warning instead of failing the page. */
function validSelectors(doc: Document, selectors: readonly string[], what: string, warnings: string[]): string[] {
  return selectors.filter((s) => {
    try {
      doc.querySelector(s);
      return true;
    } catch (cause) {
      warnings.push(`extract: ignoring invalid ${what} selector "${s}": ${(cause as Error).message}`);
      return false;
    }
  });
}

/** Matches of the keep selectors in document order, outermost only, copied out of the page. */
function collectKept(doc: Document, selectors: readonly string[]): Element[] {
  if (selectors.length === 0) return [];
  const matches = Array.from(doc.querySelectorAll(selectors.join(', ')));
  const set = new Set(matches);
  const outermost = matches.filter((el) => {
    for (let p = el.parentElement; p !== null; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
  return outermost.map((el) => el.cloneNode(true) as Element);
}

/** Readability strips classes, styles and machinery from its pick; do the same for kept markup. */
function tidyKept(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(MACHINERY))) el.remove();
  const walker = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) comments.push(n);
  for (const c of comments) c.parentNode?.removeChild(c);
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === 'class' || attr.name === 'style' || attr.name.startsWith('on')) el.removeAttribute(attr.name);
    }
  }
}

function metaContent(doc: Document, selector: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return v ? v : null;
}

/**
 * Extracts the article from a full HTML page. Page scripts never run and no resource is loaded (jsdom's
 * defaults: runScripts and resources stay off).
 *
 * Order matters: drop selectors and lazy-image repair run on the whole page first, so that both the keep
 * selectors and Readability see real images and no ads; URLs are made absolute last, on the result only.
 */
export function extractArticle(html: string, opts: ExtractOptions): ExtractedArticle {
  return extractWith(extractOnce, html, opts);
}

type ReadPage = (html: string, opts: ExtractOptions, warnings: string[]) => ExtractedArticle;

/**
 * Never throws: an error while reading the page becomes a warning and the page's text is still extracted.
 * The reader is a parameter so that a test can make every DOM reading fail.
 */
export function extractWith(read: ReadPage, html: string, opts: ExtractOptions): ExtractedArticle {
  const page = repairInlineStyles(html);
  try {
    return read(page, opts, []);
  } catch (error) {
    // jsdom throws on some inline style values while it builds the page, or when Readability reads them:
    // the text does not depend on styles, so the page is read again without them (inline-styles.ts).
    const why = `extract: reading ${opts.url} failed (${(error as Error).message}); read again without inline styles`;
    try {
      return read(withoutInlineStyles(page), opts, [why]);
    } catch (again) {
      return plainTextArticle(page, opts, [
        why,
        `extract: reading ${opts.url} without inline styles failed too (${(again as Error).message}); kept the page's visible text without its markup`,
      ]);
    }
  }
}

/** The page's visible text as the article (plain-text.ts): chrome included, nothing of the page lost. */
function plainTextArticle(html: string, opts: ExtractOptions, warnings: string[]): ExtractedArticle {
  const lines = plainTextLines(html);
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() || null;
  if (lines.length === 0) warnings.push(`extract: no text extracted from ${opts.url}`);
  return {
    title,
    byline: null,
    content: linesToHtml(lines),
    text: lines.join('\n'),
    lang: /<html[^>]*\slang=["']?([\w-]+)/i.exec(html)?.[1] ?? null,
    warnings,
    keepSelectors: null,
    from: 'plain-text',
    kind: 'article',
  };
}

/** A clean-up step that must not cost the page: if it throws, the text stays as it was, with a warning. */
function tidyStep(name: string, url: string, warnings: string[], step: () => unknown): void {
  try {
    step();
  } catch (error) {
    warnings.push(`extract: ${name} failed on ${url} (${(error as Error).message}); the text keeps what it would have removed`);
  }
}

function extractOnce(html: string, opts: ExtractOptions, warnings: string[]): ExtractedArticle {
  // A silent console: pages are full of CSS jsdom cannot parse, which is no concern of ours.
  const { JSDOM, VirtualConsole } = loadJsdom();
  const dom = new JSDOM(emptyStyleElements(html), { url: opts.url, virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    // Read before anything below changes the document (Readability takes it apart).
    const structured = readStructuredArticle(doc);
    const lang = doc.documentElement.getAttribute('lang')?.trim() || null;
    for (const selector of validSelectors(doc, opts.selectors?.drop ?? [], 'drop', warnings)) {
      for (const el of Array.from(doc.querySelectorAll(selector))) el.remove();
    }
    fixLazyImages(doc);
    tidyStep('removing hover cards', opts.url, warnings, () => dropHoverCards(doc));
    const kept = collectKept(doc, validSelectors(doc, opts.selectors?.keep ?? [], 'keep', warnings));
    const hasKeep = (opts.selectors?.keep?.length ?? 0) > 0;
    if (hasKeep && kept.length === 0) {
      warnings.push(`extract: no keep selector matched on ${opts.url}; using Readability`);
    }
    const base = doc.baseURI;
    const fallbackTitle =
      metaContent(doc, 'meta[property="og:title"]') ??
      (doc.querySelector('h1')?.textContent?.trim() || doc.title.trim() || null);
    // Readability takes the document apart as it works; everything we need from the page is read above.
    const { Readability } = loadReadability();
    const article = new Readability(doc).parse();

    const container = doc.createElement('div');
    if (kept.length > 0) {
      container.append(...kept);
      tidyKept(container);
    } else if (article?.content) {
      container.innerHTML = article.content;
      // Readability wraps its pick in <div id="readability-page-1" class="page">: not the source's markup.
      const page = container.querySelector('#readability-page-1');
      if (page !== null && page.parentElement === container) page.replaceWith(...Array.from(page.childNodes));
    } else {
      warnings.push(`extract: Readability found no article on ${opts.url}`);
    }
    // Structured data first, when it holds the full text: about as much as the markup gave (a paywalled
    // page's articleBody may be only the lead; a video page's data may hold less than its HTML).
    let from: ExtractedArticle['from'] = kept.length > 0 ? 'selectors' : 'readability';
    if (structured !== null) {
      const data = doc.createElement('div');
      data.innerHTML = structured.html;
      if (textUnits(elementText(data)) >= STRUCTURED_SHARE * textUnits(elementText(container))) {
        container.replaceChildren(...Array.from(data.childNodes));
        from = structured.from;
      }
    }
    tidyStep('removing boilerplate', opts.url, warnings, () => removeBoilerplate(container));
    warnings.push(...absolutizeUrls(container, base));
    const text = elementText(container);
    if (text === '') warnings.push(`extract: no text extracted from ${opts.url}`);
    // Structured article data says outright that the page is an article.
    const page = from === 'readability' || from === 'selectors' ? judgePage(container, text) : { kind: 'article' as const, why: null };
    if (page.why !== null) warnings.push(`extract: ${opts.url} is a listing page, not an article (${page.why})`);
    return {
      title: article?.title?.trim() || fallbackTitle,
      byline: article?.byline?.trim() || null,
      content: container.innerHTML.trim(),
      text,
      lang: lang ?? (article?.lang?.trim() || null),
      warnings,
      keepSelectors: hasKeep ? (kept.length > 0 ? 'matched' : 'missed') : null,
      from,
      kind: page.kind,
    };
  } finally {
    dom.window.close();
  }
}
