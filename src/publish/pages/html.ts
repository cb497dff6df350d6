// The one escaping template for every page the site writes and the reader serves: Hono's `html` tag
// (hono/html). Every interpolated string is escaped (& < > " '), nested templates and arrays of them pass
// through, null/undefined/booleans render as nothing; `raw` marks markup that is already safe (display HTML
// that clean/ produced, the search module's escaped snippets). Pages render synchronously: Hono's tag only
// returns a Promise when a value is one, which these types rule out.
import { html as honoHtml, raw as honoRaw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup that is safe to insert as is. */
export type SafeHtml = HtmlEscapedString;

export type HtmlValue = string | number | boolean | null | undefined | SafeHtml | readonly HtmlValue[];

/** Tagged template: `html\`<a href="${href}">${title}</a>\`` escapes href and title. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new TypeError('pages: a template value was a Promise; pages render synchronously');
  return out;
}

/** Marks markup we trust (display-cleaned article HTML, escaped search snippets) as safe. */
export function raw(markup: string): SafeHtml {
  return honoRaw(markup);
}
