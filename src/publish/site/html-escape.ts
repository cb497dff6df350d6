// The one escaping helper for everything newsvault writes as HTML or XML by hand (site pages, Atom, OPML).
// Templates are TS functions built with the `html` tag: every interpolated string is escaped unless it is
// already `SafeHtml` (markup we built, or display HTML that clean/ produced), so forgetting to escape is
// not possible by accident.

import { escapeText } from '../../markup/escape.ts';

export { escapeText };

/** Markup that is already safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
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
