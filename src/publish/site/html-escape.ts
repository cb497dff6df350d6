// The one escaping helper for everything newsvault writes as HTML or XML by hand (site pages, Atom, OPML).
// Templates are TS functions built with the `html` tag: every interpolated string is escaped unless it is
// already `SafeHtml` (markup we built, or display HTML that clean/ produced), so forgetting to escape is
// not possible by accident.

import { escapeHtml } from '../../clean/escape-html.ts';

/** Markup that is already safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/**
 * Escapes text for element content and quoted attribute values, in HTML and in XML alike. Characters
 * XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF) are dropped,
 * so a stray control character in a feed title cannot make an Atom or OPML file ill-formed.
 */
export function escapeText(text: string): string {
  return escapeHtml(
    text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''),
  );
}

export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeText(String(value));
}

/** Tagged template: `html\`<a href="${href}">${title}</a>\`` escapes href and title. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}
