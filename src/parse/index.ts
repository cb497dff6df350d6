// The parse stage: feed documents (RSS 0.9x/2.0, RSS 1.0, Atom 0.3/1.0, JSON Feed) into ParsedFeed.
import { FeedSink } from './feed-sink.ts';
import { SNIFF_BYTES, decodeWhole, streamDecoder, type StreamDecoder } from './input.ts';
import type { FeedHeader } from './adapter.ts';
import type { ParsedFeed, RawItem } from './types.ts';
import { Warnings } from './warnings.ts';

import { ParseError } from './types.ts';

export { ParseError };
export type { FeedFormat, ParseErrorKind, ParsedFeed, RawEnclosure, RawItem } from './types.ts';
export type { FeedHeader } from './adapter.ts';

export interface ParseOptions {
  /** The HTTP Content-Type, whose charset outranks the document's own declaration. */
  contentType?: string | null;
}

/** What a string input reports as its encoding: it was decoded before it reached the parser. */
const STRING_ENCODING = 'utf-8';

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses one feed document. Recovered problems become `warnings`; throws ParseError (kinds not-a-feed,
 * malformed, empty, decode) only when nothing usable can be read.
 */
export function parseFeed(input: Uint8Array | string, options: ParseOptions = {}): ParsedFeed {
  return parseInto(input, options, new Warnings());
}

/** parseFeed for diagnostics: on failure, also the warnings collected before it (decoding notes…). */
export function parseFeedDiagnostics(
  input: Uint8Array | string,
  options: ParseOptions = {},
): { feed: ParsedFeed } | { error: ParseError; warnings: string[] } {
  const warnings = new Warnings();
  try {
    return { feed: parseInto(input, options, warnings) };
  } catch (error) {
    if (error instanceof ParseError) return { error, warnings: warnings.list() };
    throw error;
  }
}

function parseInto(input: Uint8Array | string, options: ParseOptions, warnings: Warnings): ParsedFeed {
  const { text, encoding } =
    typeof input === 'string' ? { text: withoutBom(input), encoding: STRING_ENCODING } : decodeWhole(input, options.contentType, warnings);
  const sink = new FeedSink({ warnings, encoding });
  sink.write(text);
  return sink.end();
}

/**
 * Parses a feed that arrives in pieces, holding one item at a time. With `onItem`, items go to the
 * callback as they complete and the result's `items` stays empty, so a feed of any size fits in memory;
 * when the callback returns a promise, the next chunk is read only after it settles (backpressure).
 * The encoding of byte chunks is decided on the first 64 KiB.
 */
export async function parseFeedChunks(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ParseOptions = {},
  onItem?: (item: RawItem, header: FeedHeader) => void | Promise<void>,
): Promise<ParsedFeed> {
  const warnings = new Warnings();
  // Items complete inside the synchronous tokenizer; they wait here until the chunk is written.
  const ready: Array<[RawItem, FeedHeader]> = [];
  const collect = onItem === undefined ? undefined : (item: RawItem, header: FeedHeader): void => void ready.push([item, header]);
  const drain = async (): Promise<void> => {
    if (onItem === undefined) return;
    for (const [item, header] of ready.splice(0)) await onItem(item, header);
  };
  let sink: FeedSink | null = null;
  let decoder: StreamDecoder | null = null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;

  const startBytes = (): void => {
    const head = Buffer.concat(pending);
    pending = [];
    decoder = streamDecoder(head, options.contentType, warnings);
    sink = new FeedSink({ warnings, encoding: decoder.encoding, onItem: collect });
    sink.write(decoder.decode(head));
  };

  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      if (sink === null) {
        sink = new FeedSink({ warnings, encoding: STRING_ENCODING, onItem: collect });
        sink.write(withoutBom(chunk));
      } else sink.write(chunk);
    } else if (decoder !== null) {
      (sink as FeedSink | null)?.write((decoder as StreamDecoder).decode(chunk));
    } else {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= SNIFF_BYTES) startBytes();
    }
    await drain();
  }
  if (decoder === null && pending.length > 0) startBytes();
  sink ??= new FeedSink({ warnings, encoding: STRING_ENCODING, onItem: collect });
  if (decoder !== null) sink.write((decoder as StreamDecoder).flush());
  const feed = sink.end();
  await drain();
  return feed;
}
