// HTML built by construction: every interpolated value is escaped unless it is already SafeHtml. The only
// ways to make SafeHtml from a string are the `h` template (whose literal parts are our own markup) and
// `trusted`, which is reserved for output of the display cleaner and the search module's escaped snippets.
import { escapeHtml } from '../markup/escape.ts';

export class SafeHtml {
  readonly #html: string;
  constructor(html: string) {
    this.#html = html;
  }
  toString(): string {
    return this.#html;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

export { escapeHtml };

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

/** Tagged template: `h\`<p>${text}</p>\`` escapes `text`; nested h results and arrays of them pass through. */
export function h(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks already-safe HTML (display-cleaned article HTML, the search module's escaped snippets). */
export function trusted(html: string): SafeHtml {
  return new SafeHtml(html);
}
