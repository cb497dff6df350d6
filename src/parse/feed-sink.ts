// The dispatcher: takes decoded text in pieces, decides from the first characters whether it is JSON
// or markup, and hands the rest to the JSON Feed reader or the streaming XML reader (which picks
// rss/rdf/atom by root element).
import { parseJsonFeed } from './json-feed.ts';
import { sniff, type Sniffed } from './sniff.ts';
import { ParseError, type ParsedFeed } from './types.ts';
import type { Warnings } from './warnings.ts';
import { XmlFeedReader, type ItemCallback } from './xml-reader.ts';

export class FeedSink {
  private kind: Sniffed | null = null;
  private head = '';
  private json: string[] = [];
  private reader: XmlFeedReader | null = null;
  private readonly warnings: Warnings;
  private readonly encoding: string;
  private readonly onItem: ItemCallback | undefined;

  constructor(options: { warnings: Warnings; encoding: string; onItem?: ItemCallback | undefined }) {
    this.warnings = options.warnings;
    this.encoding = options.encoding;
    this.onItem = options.onItem;
  }

  write(text: string): void {
    if (text === '') return;
    if (this.kind === null) {
      this.head += text;
      this.kind = sniff(this.head, false);
      if (this.kind === null) return;
      text = this.head;
      this.head = '';
      this.start(this.kind);
    }
    this.feed(text);
  }

  end(): ParsedFeed {
    if (this.kind === null) {
      this.kind = sniff(this.head, true) ?? 'text';
      const text = this.head;
      this.head = '';
      this.start(this.kind);
      this.feed(text);
    }
    if (this.kind === 'json') {
      // JSON has no incremental reader here: the document is held whole, then its items are handed on.
      const feed = parseJsonFeed(this.json.join(''), this.encoding, this.warnings);
      if (this.onItem === undefined) return feed;
      const header = { title: feed.title, link: feed.link, language: feed.language, base: feed.base };
      for (const item of feed.items) this.onItem(item, header);
      return { ...feed, items: [] };
    }
    return (this.reader as XmlFeedReader).end();
  }

  private start(kind: Sniffed): void {
    if (kind === 'empty') throw new ParseError('empty', 'parse: the document is empty');
    if (kind === 'text') throw new ParseError('not-a-feed', 'parse: the document is neither XML nor JSON');
    if (kind === 'markup') {
      this.reader = new XmlFeedReader({ warnings: this.warnings, encoding: this.encoding, onItem: this.onItem });
    }
  }

  private feed(text: string): void {
    if (this.kind === 'json') this.json.push(text);
    else this.reader?.write(text);
  }
}
