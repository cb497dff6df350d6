// Inline style="" values that jsdom cannot parse. jsdom 29 parses every style attribute while it builds the
// page and throws (a TypeError, not a warning) on a background shorthand whose url(…) touches the next
// token: style="background:url(a.png)no-repeat;color:red" (jsdom/jsdom#4285). Browsers read that value as
// url("a.png") no-repeat, so a space is put where they assume one. Whatever else jsdom may throw on in a
// style attribute is handled by reading the page once more without inline styles (extract.ts).

const TAG = /<[A-Za-z][^<>]*>/g;
const STYLE_ATTRIBUTE = /(\sstyle\s*=\s*)("[^"]*"|'[^']*'|[^\s>"']+)/gi;
// url( … ) with a quoted or unquoted argument, directly followed by a character that starts another token.
const URL_TOUCHING = /(url\(\s*(?:"[^"]*"|'[^']*'|[^)"']*)\s*\))(?=[^\s;,)"'])/gi;

/** The HTML with url(…) in inline styles separated from what follows, as browsers read it. */
export function repairInlineStyles(html: string): string {
  if (!/url\(/i.test(html)) return html;
  return html.replace(TAG, (tag) =>
    tag.includes('url(') || /url\(/i.test(tag)
      ? tag.replace(STYLE_ATTRIBUTE, (_m, head: string, value: string) => head + value.replace(URL_TOUCHING, '$1 '))
      : tag,
  );
}

/** The HTML without any style attribute: the last resort when a style value still makes jsdom throw. */
export function withoutInlineStyles(html: string): string {
  return html.replace(TAG, (tag) => (/\sstyle\s*=/i.test(tag) ? tag.replace(STYLE_ATTRIBUTE, '') : tag));
}
