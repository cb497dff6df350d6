// What the archival cleaner removes, as sorted tables. Everything not named here keeps its bytes.
// The archive is rendered by GitHub and by whatever a reader opens it with, so these tables are about
// what any browser would execute or navigate to, not about what looks good.

/** Removed together with their content (content is script or a nested document). */
export const ELEMENTS_WITH_CONTENT: ReadonlySet<string> = new Set([
  'iframe',
  'script',
]);

/**
 * Tags removed on their own (start and end tags); the content between them is fallback markup that the
 * cleaner keeps and cleans like any other markup. <plaintext> is here because it swallows everything
 * after it, including the page around the article.
 */
export const ELEMENTS_TAG_ONLY: ReadonlySet<string> = new Set([
  'applet',
  'base',
  'embed',
  'frame',
  'frameset',
  'object',
  'plaintext',
  'portal',
]);

/** Elements whose content a browser tokenizes as RAWTEXT in HTML content (13.2.6.4.7 "in body"). */
export const RAWTEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'iframe',
  'noembed',
  'noframes',
  'style',
  'xmp',
]);

/** Elements whose content is RCDATA: text with character references, no tags. */
export const RCDATA_ELEMENTS: ReadonlySet<string> = new Set([
  'textarea',
  'title',
]);

/** Attributes removed whatever their value. */
export const ALWAYS_DANGEROUS_ATTRIBUTES: ReadonlySet<string> = new Set([
  'base', // xml:base (XML Base) moves where the links inside an SVG point, as <base> does for a page
  'formaction',
  'srcdoc',
]);

/**
 * Attributes whose value is a URL (or a list of URLs) a browser may load or navigate to. Matched on the
 * local name, so `xlink:href` counts as `href`.
 */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'action',
  'archive',
  'background',
  'by',
  'classid',
  'codebase',
  'data',
  'dynsrc',
  'from',
  'href',
  'icon',
  'imagesrcset',
  'lowsrc',
  'manifest',
  'ping',
  'poster',
  'src',
  'srcset',
  'to',
  'values',
]);

/** URL attributes that hold a list of URLs rather than one (each entry is checked). */
export const URL_LIST_ATTRIBUTES: ReadonlySet<string> = new Set([
  'archive',
  'imagesrcset',
  'ping',
  'srcset',
  'values',
]);

/** Schemes that run script when followed. */
export const SCRIPT_SCHEMES: readonly string[] = [
  'javascript',
  'livescript',
  'mocha',
  'vbscript',
];

/**
 * data: URL media types that are plain images, audio or video: they never run script. Any other data:
 * URL (text/html, image/svg+xml, application/xhtml+xml, text/xml, …) can be a document with script.
 */
export const INERT_DATA_TYPES: readonly RegExp[] = [
  /^audio\/[a-z0-9.+-]+$/,
  /^image\/(?:apng|avif|bmp|gif|jpeg|jpg|png|webp|x-icon|vnd\.microsoft\.icon)$/,
  /^video\/[a-z0-9.+-]+$/,
];

/**
 * data:image/svg+xml is inert where it can only be an image: SVG loaded as an image runs in "secure
 * animated mode" (no script, no external loads; SVG Integration, W3C). CDT's lazy-load placeholders
 * use exactly this (`<img src="data:image/svg+xml,%3Csvg…">`).
 */
export const IMAGE_ONLY_URL_ATTRIBUTES: readonly (readonly [tag: string, attr: string])[] = [
  ['img', 'src'],
  ['img', 'srcset'],
];

/**
 * CSS that runs script in some browser (IE expressions and behaviors, Gecko XBL bindings, script URLs),
 * matched on the compact form: comments and escapes resolved, whitespace and controls removed, lowercased.
 */
export const DANGEROUS_CSS: readonly RegExp[] = [
  /-moz-binding/,
  /behavior:/,
  /expression\(/,
  /javascript:/,
  /livescript:/,
  /mocha:/,
  /vbscript:/,
];

/**
 * Start tags that end SVG/MathML content (13.2.6.5 "rules for parsing tokens in foreign content"):
 * a browser pops back to HTML and handles the tag there.
 */
export const FOREIGN_BREAKOUT_TAGS: ReadonlySet<string> = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr',
  'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tt', 'u',
  'ul', 'var',
]);

/** SVG elements whose content is HTML again (HTML integration points). */
export const SVG_HTML_INTEGRATION_POINTS: ReadonlySet<string> = new Set(['desc', 'foreignobject', 'title']);

/** MathML text integration points: start tags inside them (except mglyph/malignmark) are HTML. */
export const MATHML_TEXT_INTEGRATION_POINTS: ReadonlySet<string> = new Set(['mi', 'mn', 'mo', 'ms', 'mtext']);
