// Finding the image tags of an article, with their attributes' source offsets, so that markup/html-editor.ts
// can rewrite a value without re-serializing anything else. The archive keeps the source's bytes (DESIGN.md,
// clean stage): a rewrite touches the value it changes, no more.
import { decodeHTMLAttribute } from 'entities';
import { eachTag } from '../markup/html-editor.ts';
import type { Attr } from '../markup/html-editor.ts';

export interface AttributeSpan extends Attr {
  /** Decoded value (entities resolved). */
  value: string;
}

export interface TagSpan {
  name: string;
  /** The attributes that have a value (`<img ismap>` has nothing to rewrite), in source order. */
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
  eachTag(html, (tag) => {
    if (tag.kind === 'endTag') {
      const i = stack.map((e) => e.name).lastIndexOf(tag.name);
      if (i !== -1) stack.length = i;
      return;
    }
    const id = nextId++;
    if (names.has(tag.name)) {
      const attributes = tag.attrs
        .filter((a) => a.quote !== null)
        .map((a) => ({ ...a, value: decodeHTMLAttribute(a.rawValue) }));
      out.push({ name: tag.name, attributes, ancestors: stack.map((e) => e.name), id, parentId: stack.at(-1)?.id ?? null });
    }
    if (!VOID.has(tag.name)) stack.push({ name: tag.name, id });
  });
  return out;
}
