// The text files of an EPUB 3 book: the OCF container, the package document, the navigation document and one
// XHTML document per article. Every value is escaped with markup/escape.ts (which also drops characters XML
// forbids); the article bodies come from xhtml.ts. EPUB 3.2: OCF §3.5 (container.xml), Packages §3 (package
// document), §5 (navigation document).
import { escapeText as x } from '../../markup/escape.ts';
import { formatUtc8, isoUtc } from '../../time/utc8.ts';
import type { EpubArticle, EpubBook, EpubOutlet, TocEntry } from './types.ts';

export const PACKAGE_PATH = 'EPUB/package.opf';

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="${PACKAGE_PATH}" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

/** Plain, so every reading system's own settings (font size, night mode) still apply. */
export const BOOK_CSS = `body { line-height: 1.7; overflow-wrap: break-word; }
h1 { font-size: 1.4em; line-height: 1.4; margin: 0.5em 0; }
.meta { color: #666; font-size: 0.85em; margin: 0 0 1.2em; }
.removed { color: #9a1b0f; }
.block { display: block; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; }
figcaption { font-size: 0.85em; color: #666; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #ccc; }
nav ol { padding-left: 1.2em; }
`;

/** A resource in the book besides the package document. */
export interface ManifestItem {
  id: string;
  /** Relative to the package document. */
  href: string;
  mediaType: string;
  properties?: string;
}

function xhtmlDocument(lang: string, title: string, stylesheet: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${x(lang)}" xml:lang="${x(lang)}">
<head>
<title>${x(title)}</title>
<link rel="stylesheet" type="text/css" href="${stylesheet}"/>
</head>
<body>
${body}
</body>
</html>
`;
}

export function articleDocument(article: EpubArticle, bookLanguage: string, body: string): string {
  const meta = [
    x(article.outlet.name),
    `${x(formatUtc8(article.publishedMs))}（北京时间）`,
    ...(article.author ? [x(article.author)] : []),
    ...(article.url ? [`<a href="${x(article.url)}">原文</a>`] : []),
    ...(article.removed ? ['<span class="removed">已被原网站删除</span>'] : []),
  ].join(' · ');
  const lang = article.outlet.language ?? bookLanguage;
  return xhtmlDocument(lang, article.title, '../style.css', `<article>
<h1>${x(article.title)}</h1>
<p class="meta">${meta}</p>
<section>
${body}
</section>
</article>`);
}

export const articlePath = (article: Pick<TocEntry, 'id'>): string => `text/${article.id}.xhtml`;

/** Outlets in the order they first appear, each with its articles in book order. */
export function byOutlet<T extends TocEntry>(articles: readonly T[]): { outlet: EpubOutlet; articles: T[] }[] {
  const groups = new Map<string, { outlet: EpubOutlet; articles: T[] }>();
  for (const article of articles) {
    let group = groups.get(article.outlet.id);
    if (!group) groups.set(article.outlet.id, (group = { outlet: article.outlet, articles: [] }));
    group.articles.push(article);
  }
  return [...groups.values()];
}

/** The table of contents by outlet; also the book's first page. */
export function navDocument(book: Omit<EpubBook, 'articles'>, articles: readonly TocEntry[]): string {
  const groups = byOutlet(articles);
  const toc = groups
    .map(
      ({ outlet, articles }) => `<li><a href="${x(articlePath(articles[0]!))}">${x(outlet.name)}（${articles.length} 篇）</a>
<ol>
${articles
  .map((article) => `<li><a href="${x(articlePath(article))}">${x(article.title)}</a></li>`)
  .join('\n')}
</ol></li>`,
    )
    .join('\n');
  return xhtmlDocument(book.language, book.title, 'style.css', `<h1>${x(book.title)}</h1>
<p class="meta">${x(book.description)}</p>
<nav epub:type="toc" id="toc">
<h2>目录</h2>
${groups.length === 0 ? '<ol><li><a href="nav.xhtml">（没有文章）</a></li></ol>' : `<ol>\n${toc}\n</ol>`}
</nav>`);
}

export function packageDocument(book: Omit<EpubBook, 'articles'>, items: readonly ManifestItem[], spine: readonly string[]): string {
  const item = (i: ManifestItem): string =>
    `<item id="${x(i.id)}" href="${x(i.href)}" media-type="${x(i.mediaType)}"${i.properties ? ` properties="${x(i.properties)}"` : ''}/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${x(book.language)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">${x(book.identifier)}</dc:identifier>
<dc:title>${x(book.title)}</dc:title>
<dc:language>${x(book.language)}</dc:language>
<dc:publisher>${x(book.publisher)}</dc:publisher>
<dc:description>${x(book.description)}</dc:description>
<meta property="dcterms:modified">${isoUtc(book.modifiedMs)}</meta>
</metadata>
<manifest>
${items.map(item).join('\n')}
</manifest>
<spine>
${spine.map((id) => `<itemref idref="${x(id)}"/>`).join('\n')}
</spine>
</package>
`;
}
