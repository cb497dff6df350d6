// The HTML tokens of a source text with their exact offsets, read by parse5's tokenizer (the WHATWG
// tokenizer, https://html.spec.whatwg.org/#tokenization) with source locations. It never builds a tree:
// the caller decides which content model follows a start tag (RAWTEXT, RCDATA, script data, PLAINTEXT)
// and whether CDATA sections are recognized, as tree construction does in a browser. html-editor.ts
// changes the source by these offsets and copies every other byte as written.
//
// Where parse5 reports less than an editor needs, a subclass fills the gap:
//   - every attribute is kept, duplicates too (parse5 drops a repeated name; a cleaner must still see it),
//     with its raw value as written;
//   - a tag cut off by the end of the input (parse5 drops it) is reported, marked unterminated;
//   - comments, doctypes and CDATA sections that reach the end of the input are marked unterminated;
//   - a CDATA section (foreign content) is one token; parse5 reads its content as text.
// Text is never taken from parse5's character tokens: a text token is the source between two other
// tokens, so `</>` (which parse5 drops) and every character reference stay in it as written.
import { Tokenizer, TokenizerMode, Token as P5 } from 'parse5';

export interface Attr {
  /** lowercased (ASCII) attribute name as a browser would store it, NUL as U+FFFD */
  name: string;
  /** raw value as written between the quotes (entities not decoded); '' when there is no value */
  rawValue: string;
  /** offset of the first character of the name */
  start: number;
  /** offset just past the value (past the closing quote) or past the name when there is no value */
  end: number;
  /** the raw value's offsets, without quotes; both equal `end` when there is no value */
  valueStart: number;
  valueEnd: number;
  /** how the value is written: quoted, unquoted (''), or absent (null: `<img ismap>`) */
  quote: '"' | "'" | '' | null;
}

export interface TagToken {
  kind: 'startTag' | 'endTag';
  start: number;
  end: number;
  /** lowercased tag name, NUL replaced by U+FFFD as the tokenizer does */
  name: string;
  attrs: Attr[];
  selfClosing: boolean;
  /** false when the input ended inside the tag: a browser drops such a tag */
  terminated: boolean;
}

export interface OtherToken {
  kind: 'text' | 'comment' | 'bogusComment' | 'doctype' | 'cdata';
  start: number;
  end: number;
  /** offsets of the content inside the delimiters (comments, CDATA) */
  innerStart: number;
  innerEnd: number;
  terminated: boolean;
}

export type Token = TagToken | OtherToken;

/** What follows a start tag until its end tag: the caller chooses, as tree construction would. */
export type ContentModel = 'rawtext' | 'rcdata' | 'script' | 'plaintext';

const MODEL = {
  rawtext: TokenizerMode.RAWTEXT,
  rcdata: TokenizerMode.RCDATA,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
} as const;

// parse5's State numbers (a const enum, not exported at run time) for the attribute value states.
const ATTRIBUTE_VALUE_DOUBLE_QUOTED = 35;
const ATTRIBUTE_VALUE_SINGLE_QUOTED = 36;
const ATTRIBUTE_VALUE_UNQUOTED = 37;
const AFTER_ATTRIBUTE_VALUE_QUOTED = 38;

const LT = 0x3c;
const DQ = 0x22;
const SQ = 0x27;
const EOF = -1;

/** parse5's tokenizer, reporting every attribute, dropped tags and CDATA sections (see the top of the file). */
class SourceTokenizer extends Tokenizer {
  attrs: Attr[] = [];
  private attrStart = 0;
  constructor(
    private readonly html: string,
    private readonly emit: (token: Token) => void,
    handler: P5Handler,
  ) {
    super({ sourceCodeLocationInfo: true }, handler);
    // Keep the whole input: offsets stay plain indexes into `html`.
    this.preprocessor.bufferWaterline = Number.POSITIVE_INFINITY;
  }

  // Text is the source between tokens (HtmlTokens.take), so the tokenizer need not read it character by
  // character: in the text states it moves straight to the next "<" (where the next token may begin).
  protected override _stateData(cp: number): void {
    if (cp === LT || cp === EOF) super._stateData(cp);
    else this.skipText();
  }

  protected override _stateRcdata(cp: number): void {
    if (cp === LT || cp === EOF) super._stateRcdata(cp);
    else this.skipText();
  }

  protected override _stateRawtext(cp: number): void {
    if (cp === LT || cp === EOF) super._stateRawtext(cp);
    else this.skipText();
  }

  protected override _stateScriptData(cp: number): void {
    if (cp === LT || cp === EOF) super._stateScriptData(cp);
    else this.skipText();
  }

  protected override _statePlaintext(cp: number): void {
    if (cp === EOF) super._statePlaintext(cp);
    else this.preprocessor.pos = this.html.length - 1;
  }

  // Attribute values are taken from the source too (rawValue), so the tokenizer skips to where they end.
  protected override _stateAttributeValueDoubleQuoted(cp: number): void {
    if (cp === DQ || cp === EOF) super._stateAttributeValueDoubleQuoted(cp);
    else this.skipTo(this.html.indexOf('"', this.preprocessor.pos + 1));
  }

  protected override _stateAttributeValueSingleQuoted(cp: number): void {
    if (cp === SQ || cp === EOF) super._stateAttributeValueSingleQuoted(cp);
    else this.skipTo(this.html.indexOf("'", this.preprocessor.pos + 1));
  }

  /** Leaves the preprocessor on the last code unit before `next` (-1: the end of the input). */
  private skipTo(next: number): void {
    const last = (next === -1 ? this.html.length : next) - 1;
    if (last > this.preprocessor.pos) this.preprocessor.pos = last;
  }

  /** Leaves the preprocessor on the last code unit before the next "<" (or the end). */
  private skipText(): void {
    const next = this.html.indexOf('<', this.preprocessor.pos + 1);
    const last = (next === -1 ? this.html.length : next) - 1;
    if (last > this.preprocessor.pos) this.preprocessor.pos = last;
  }

  protected override _createStartTagToken(): void {
    this.attrs = [];
    super._createStartTagToken();
  }

  protected override _createEndTagToken(): void {
    this.attrs = [];
    super._createEndTagToken();
  }

  protected override _createAttr(attrNameFirstCh: string): void {
    super._createAttr(attrNameFirstCh);
    this.attrStart = this.preprocessor.offset;
  }

  protected override _leaveAttrName(): void {
    const end = this.preprocessor.offset;
    this.attrs.push({ name: this.currentAttr.name, rawValue: '', start: this.attrStart, end, valueStart: end, valueEnd: end, quote: null });
    super._leaveAttrName();
  }

  protected override _leaveAttrValue(): void {
    super._leaveAttrValue();
    const attr = this.attrs.at(-1);
    if (attr === undefined) return;
    const at = this.preprocessor.offset;
    if (at === attr.end) return; // called from _leaveAttrName: no value yet
    // The value starts after "=" and any whitespace; `at` is just past it (past its closing quote).
    let v = this.html.indexOf('=', attr.end) + 1;
    while (isSpace(this.html[v])) v++;
    const q = this.html[v];
    if (q === '"' || q === "'") Object.assign(attr, { quote: q, valueStart: v + 1, valueEnd: at - 1, end: at });
    else Object.assign(attr, { quote: '', valueStart: v, valueEnd: at, end: at });
    attr.rawValue = this.html.slice(attr.valueStart, attr.valueEnd);
  }

  protected override _emitEOFToken(): void {
    const open = this.currentToken;
    if (open !== null && (open.type === P5.TokenType.START_TAG || open.type === P5.TokenType.END_TAG) && open.location) {
      this.emit({
        kind: open.type === P5.TokenType.START_TAG ? 'startTag' : 'endTag',
        start: open.location.startOffset,
        end: this.html.length,
        name: open.tagName,
        attrs: withMissingValues(this.html, this.attrsAtEof()),
        selfClosing: open.selfClosing,
        terminated: false,
      });
    }
    super._emitEOFToken();
  }

  /** Whether the tokenizer has read past the last code unit (a token emitted now was cut off by the end). */
  atEnd(): boolean {
    return this.preprocessor.pos >= this.html.length;
  }

  /** The attributes of a tag cut off by the end: a quoted value never closed is no attribute, an unquoted one runs to the end. */
  private attrsAtEof(): Attr[] {
    const last = this.attrs.at(-1);
    if (last === undefined) return this.attrs;
    if (this.state === ATTRIBUTE_VALUE_DOUBLE_QUOTED || this.state === ATTRIBUTE_VALUE_SINGLE_QUOTED) return this.attrs.slice(0, -1);
    if (this.state === ATTRIBUTE_VALUE_UNQUOTED || this.state === AFTER_ATTRIBUTE_VALUE_QUOTED) {
      let v = this.html.indexOf('=', last.end) + 1;
      while (isSpace(this.html[v])) v++;
      const end = this.html.length;
      const quoted = this.state === AFTER_ATTRIBUTE_VALUE_QUOTED;
      const valueStart = quoted ? v + 1 : v;
      const valueEnd = quoted ? end - 1 : end;
      Object.assign(last, { quote: quoted ? this.html[v] : '', valueStart, valueEnd, end, rawValue: this.html.slice(valueStart, valueEnd) });
    }
    return this.attrs;
  }

  protected override _stateMarkupDeclarationOpen(cp: number): void {
    if (!this.inForeignNode || !this.preprocessor.startsWith('[CDATA[', true)) {
      super._stateMarkupDeclarationOpen(cp);
      return;
    }
    // The current code point is the one after "<!".
    const start = this.preprocessor.offset - 2;
    const close = this.html.indexOf(']]>', start + 9);
    const end = close === -1 ? this.html.length : close + 3;
    this.emit({ kind: 'cdata', start, end, innerStart: start + 9, innerEnd: close === -1 ? end : close, terminated: close !== -1 });
    this._advanceBy(end - this.preprocessor.offset - 1);
    this.state = TokenizerMode.DATA;
    this.currentLocation = this.getCurrentLocation(-1);
    this.pause();
  }
}

/**
 * `<a href=>`: parse5 ends the tag at ">" without a value (missing-attribute-value); the attribute still
 * spans its "=" (and the whitespace after it), so removing it removes them too.
 */
function withMissingValues(html: string, attrs: Attr[]): Attr[] {
  for (const attr of attrs) {
    if (attr.quote !== null) continue;
    let k = attr.end;
    while (isSpace(html[k])) k++;
    if (html[k] !== '=') continue;
    k++;
    while (isSpace(html[k])) k++;
    Object.assign(attr, { quote: '', valueStart: k, valueEnd: k, end: k });
  }
  return attrs;
}

type P5Handler = ConstructorParameters<typeof Tokenizer>[1];

export const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/**
 * Reads the tokens of `html` one at a time. Between calls the caller may switch the content model after
 * a start tag (`content`), and says for each token whether CDATA sections are recognized.
 */
export class HtmlTokens {
  private readonly queue: Token[] = [];
  private readonly tokenizer: SourceTokenizer;
  /** where the next token starts */
  private pos = 0;
  /** where parse5 has read to: the end of the last token it reported */
  private read = 0;
  private eof = false;
  private started = false;

  constructor(private readonly html: string) {
    const take = (token: Token): void => this.take(token);
    const pauseAfter = (token: Token): void => {
      take(token);
      this.tokenizer.pause();
    };
    this.tokenizer = new SourceTokenizer(html, take, {
      onStartTag: (t) => pauseAfter(this.tag(t, 'startTag')),
      onEndTag: (t) => pauseAfter(this.tag(t, 'endTag')),
      onComment: (t) => pauseAfter(this.comment(t.location)),
      onDoctype: (t) => pauseAfter(this.delimited('doctype', t.location, 9)),
      onEof: () => {
        this.eof = true;
        this.tokenizer.pause();
      },
      onCharacter: () => undefined,
      onNullCharacter: () => undefined,
      onWhitespaceCharacter: () => undefined,
      // No parse errors are needed (null, not undefined, also spares parse5 checking for them).
      onParseError: null,
    });
  }

  /** The next token, or null at the end. `cdata`: CDATA sections are recognized (foreign content). */
  next(cdata = false): Token | null {
    if (this.queue.length === 0 && !this.eof) {
      this.tokenizer.inForeignNode = cdata;
      this.run();
    }
    const token = this.queue.shift();
    if (token !== undefined) {
      this.pos = token.end;
      return token;
    }
    if (this.pos < this.html.length) {
      // Text up to the end of the input.
      const start = this.pos;
      this.pos = this.html.length;
      return { kind: 'text', start, end: this.html.length, innerStart: start, innerEnd: this.html.length, terminated: true };
    }
    return null;
  }

  /**
   * Reads the content of the element whose start tag was just returned in `model`, and returns where it
   * ends: at the "<" of its end tag (the next token), or at the end of the input.
   */
  content(model: ContentModel, name: string): number {
    this.tokenizer.state = MODEL[model];
    this.tokenizer.lastStartTagName = name;
    this.run();
    const end = this.queue.find((t) => t.kind !== 'text')?.start ?? this.html.length;
    // The content is not a token of its own: drop the text parse5's run made of it.
    this.queue.splice(0, this.queue.length, ...this.queue.filter((t) => t.kind !== 'text'));
    this.pos = end;
    return end;
  }

  private run(): void {
    if (this.eof) return;
    if (!this.started) {
      this.started = true;
      this.tokenizer.write(this.html, true);
    } else {
      this.tokenizer.resume();
    }
  }

  /** Queues the token, with the text before it (the source between the last token and this one). */
  private take(token: Token): void {
    if (token.start > this.read) {
      this.queue.push({ kind: 'text', start: this.read, end: token.start, innerStart: this.read, innerEnd: token.start, terminated: true });
    }
    this.queue.push(token);
    this.read = token.end;
  }

  private tag(t: P5.TagToken, kind: TagToken['kind']): TagToken {
    const loc = t.location as P5.Location;
    return { kind, start: loc.startOffset, end: loc.endOffset, name: t.tagName, attrs: withMissingValues(this.html, this.tokenizer.attrs), selfClosing: t.selfClosing, terminated: true };
  }

  private comment(loc: P5.Location | null): OtherToken {
    const start = (loc as P5.Location).startOffset;
    const end = Math.min((loc as P5.Location).endOffset, this.html.length);
    if (!this.html.startsWith('<!--', start)) {
      // Bogus comment (`<?…>`, `<!…>`, `</ …>`): it ends at the first ">".
      const innerStart = start + (this.html[start + 1] === '?' ? 1 : 2);
      const terminated = !this.tokenizer.atEnd();
      return { kind: 'bogusComment', start, end, innerStart, innerEnd: terminated ? end - 1 : end, terminated };
    }
    return this.delimited('comment', loc, 4);
  }

  private delimited(kind: 'comment' | 'doctype', loc: P5.Location | null, open: number): OtherToken {
    const start = (loc as P5.Location).startOffset;
    // At the end of the input parse5 puts the end one past it.
    const end = Math.min((loc as P5.Location).endOffset, this.html.length);
    // Emitted at the end of the input (eof-in-comment, eof-in-doctype) rather than at its ">".
    const terminated = !this.tokenizer.atEnd();
    const innerStart = start + open;
    let innerEnd = end;
    if (terminated) {
      const close = kind === 'doctype' ? 1 : this.html.endsWith('--!>', end) ? 4 : this.html.endsWith('-->', end) ? 3 : 1;
      innerEnd = Math.max(innerStart, end - close);
    }
    return { kind, start, end, innerStart, innerEnd, terminated };
  }
}
