// Finding attribute values in HTML by offset, so they can be replaced without re-serializing anything else.
// The archive keeps the source's bytes (DESIGN.md, clean stage): a rewrite touches the value it changes, no more.
import { Parser } from 'htmlparser2';

export interface AttributeSpan {
  name: string;
  /** Decoded value (entities resolved). */
  value: string;
  /** The whole attribute in the source, `name="value"`, [start, end). */
  start: number;
  end: number;
  /** The value's raw text in the source, without its quotes, [valueStart, valueEnd). */
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'" | null;
}

export interface TagSpan {
  name: string;
  attributes: AttributeSpan[];
  /** Names of the open elements around this tag, outermost first (`picture` for a `<source>` in one). */
  ancestors: string[];
  /** Numbers every start tag in document order (all tags, not only the ones asked for). */
  id: number;
  /** The id of the enclosing element, or null at the top. */
  parentId: number | null;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Every start tag named in `names`, with its attributes' source offsets. */
export function findTags(html: string, names: ReadonlySet<string>): TagSpan[] {
  const out: TagSpan[] = [];
  const stack: { name: string; id: number }[] = [];
  let nextId = 0;
  let attributes: AttributeSpan[] = [];
  const parser: Parser = new Parser(
    {
      onattribute(name, value, quote) {
        if (quote === undefined) return; // a bare attribute (`<img ismap>`): nothing to rewrite
        const start = parser.startIndex;
        const end = parser.endIndex;
        // parser.endIndex is just past the closing quote for a quoted value, and just past the value otherwise.
        let valueStart: number;
        const valueEnd = quote === null ? end : end - 1;
        if (quote === null) {
          valueStart = html.indexOf('=', start + name.length) + 1;
          while (/\s/.test(html[valueStart] ?? '')) valueStart++;
        } else {
          // The value cannot contain its own quote character: the nearest one before the closing quote opens it.
          valueStart = html.lastIndexOf(quote, valueEnd - 1) + 1;
        }
        attributes.push({ name, value, start, end, valueStart, valueEnd, quote: quote === null ? null : (quote as '"' | "'") });
      },
      onopentag(name) {
        const id = nextId++;
        if (names.has(name)) {
          out.push({ name, attributes, ancestors: stack.map((e) => e.name), id, parentId: stack.at(-1)?.id ?? null });
        }
        attributes = [];
        if (!VOID.has(name)) stack.push({ name, id });
      },
      onclosetag(name) {
        const i = stack.map((e) => e.name).lastIndexOf(name);
        if (i !== -1) stack.length = i;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

/** Escapes a value for a double-quoted attribute (HTML §13.1.2.3: `&` and `"` are all that matter there). */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A new value for an attribute: quoted as the source had it (an unquoted value gets double quotes). */
export function replaceValue(attr: AttributeSpan, value: string): Edit {
  if (attr.quote === "'") {
    return { start: attr.valueStart, end: attr.valueEnd, text: value.replace(/&/g, '&amp;').replace(/'/g, '&#39;') };
  }
  if (attr.quote === '"') return { start: attr.valueStart, end: attr.valueEnd, text: escapeAttribute(value) };
  return { start: attr.valueStart, end: attr.valueEnd, text: `"${escapeAttribute(value)}"` };
}

/** Removes an attribute and the whitespace before it. */
export function removeAttribute(html: string, attr: AttributeSpan): Edit {
  let start = attr.start;
  while (start > 0 && /[\t\n\f\r ]/.test(html[start - 1]!)) start--;
  return { start, end: attr.end, text: '' };
}

/** Applies non-overlapping edits; everything between them is copied byte for byte. */
export function applyEdits(html: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    out += html.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + html.slice(last);
}
