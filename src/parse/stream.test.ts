// parseFeedChunks must read exactly what parseFeed reads, however the bytes are cut: through multi-byte
// characters, entity references, CDATA markers and tags.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseFeed, parseFeedChunks } from './index.ts';
import type { RawItem } from './types.ts';

const testdata = new URL('./testdata/', import.meta.url);
const files = readdirSync(testdata).filter((f) => /\.(xml|rss|rdf|json)$/.test(f)).sort();

function* pieces<T extends { length: number; subarray?: unknown; slice: (a: number, b: number) => T }>(whole: T, size: number): Generator<T> {
  for (let i = 0; i < whole.length; i += size) yield whole.slice(i, i + size);
}

async function* slowly(chunks: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

describe('parseFeedChunks equals parseFeed', () => {
  for (const file of files) {
    test(file, async () => {
      const bytes = readFileSync(new URL(file, testdata));
      const whole = parseFeed(bytes);
      // 1000-byte chunks cut through UTF-8/GB18030/Big5 sequences; 5000 is below the sniffing window.
      for (const size of [1000, 5000]) {
        const chunked = await parseFeedChunks(slowly(pieces(new Uint8Array(bytes), size)));
        assert.deepEqual(chunked, whole, `${size}-byte chunks`);
      }
    });
  }

  test('string chunks cut through references, CDATA markers and tags', async () => {
    // The first 40 kB of an entity-escaped feed: char-by-char parsing of all of it would be slow.
    const text = readFileSync(new URL('greatfire-2015-paopao-rfa.xml', testdata), 'utf8').slice(0, 40_000);
    const whole = parseFeed(text);
    assert.ok(whole.items.length >= 3);
    for (const size of [1, 3, 7, 64]) {
      assert.deepEqual(await parseFeedChunks(pieces(text, size)), whole, `${size}-char chunks`);
    }
  });

  test('with onItem, items arrive one by one and are not kept', async () => {
    const bytes = readFileSync(new URL('greatfire-2015-dw.xml', testdata));
    const seen: RawItem[] = [];
    const headers = new Set<string | null>();
    const result = await parseFeedChunks([new Uint8Array(bytes)], {}, (item, header) => {
      seen.push(item);
      headers.add(header.link);
    });
    assert.equal(result.items.length, 0);
    assert.deepEqual(seen, parseFeed(bytes).items);
    assert.equal(result.title, 'Deutsche Welle: DW-WORLD.DE');
    // The channel's fields come before its items: every item sees the same header.
    assert.deepEqual([...headers], [result.link]);
  });

  test('an async onItem is awaited before the next chunk is read', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('greatfire-2015-cdt.xml', testdata)));
    let read = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for (const piece of pieces(bytes, 4096)) {
        read += 1;
        yield piece;
      }
    }
    const readWhenItemArrived: number[] = [];
    await parseFeedChunks(counted(), {}, async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      readWhenItemArrived.push(read);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
    });
    assert.equal(readWhenItemArrived.length, parseFeed(bytes).items.length);
    assert.equal(maxInFlight, 1);
    // Items are handed on while the document is still being read, not all at the end.
    assert.ok((readWhenItemArrived[0] ?? Infinity) < read, `first item after ${readWhenItemArrived[0]} of ${read} chunks`);
  });

  test('the HTTP charset applies to streamed bytes too', async () => {
    const bytes = new Uint8Array(Buffer.from('<rss version="2.0"><channel><title>caf\xe9</title></channel></rss>', 'latin1'));
    const result = await parseFeedChunks([bytes], { contentType: 'application/rss+xml; charset=iso-8859-1' });
    assert.equal(result.title, 'café');
  });
});
