// Reading a response body with limits: a size cap on the DECOMPRESSED bytes (so a gzip bomb stops at the
// cap, not at the end of the bomb), a maximum gap between chunks and a maximum total time (a slow drip
// of one byte a second never trips an idle timer alone). Decompression is ours (node:zlib streams), so
// the cap sees every byte the decoder produces. Streams are pulled, never buffered ahead: in memory a body
// costs at most the cap, spooled to disk (spool.ts) one chunk.
import { once } from 'node:events';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { classifyError, fetchError, formatBytes } from './errors.ts';
import { FetchError } from './types.ts';

export interface ReadBodyOptions {
  url: string;
  contentEncoding: string | null;
  contentLength: number | null;
  maxBytes: number;
  bodyTimeoutMs: number;
  signal?: AbortSignal;
}

const SUPPORTED = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/** Content-Encoding lists codings in the order they were applied (RFC 9110 §8.4); we undo them in reverse. */
export function parseContentEncoding(header: string | null): string[] {
  if (header === null) return [];
  return header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

// "deflate" is meant to be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send raw deflate; a zlib
// stream starts with CMF/FLG bytes whose 16-bit value is a multiple of 31 and whose method is 8.
function isZlibWrapped(first: Buffer): boolean {
  const cmf = first[0];
  const flg = first[1];
  if (cmf === undefined || flg === undefined) return true;
  return (cmf & 0x0f) === 8 && (cmf * 256 + flg) % 31 === 0;
}

function decoderFor(coding: string, first: Buffer | null): Transform {
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip();
  if (coding === 'br') return zlib.createBrotliDecompress();
  return first === null || isZlibWrapped(first) ? zlib.createInflate() : zlib.createInflateRaw();
}

/** Wait for the first chunk without consuming it (it is put back), so we can look at the first bytes. */
async function peek(stream: Readable): Promise<Buffer | null> {
  for (;;) {
    const chunk: unknown = stream.read();
    if (chunk !== null) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      stream.unshift(buffer);
      return buffer;
    }
    if (stream.readableEnded || stream.destroyed) return null;
    await Promise.race([once(stream, 'readable'), once(stream, 'end')]);
  }
}

/** Where the decompressed bytes go: memory (readBody) or a spool file (spool.ts). */
export interface BodySink<T> {
  write(chunk: Buffer): void | Promise<void>;
  /** Called once every byte was written. */
  finish(): T | Promise<T>;
  /** Called when reading failed; releases whatever the sink holds. */
  abort(): void | Promise<void>;
}

function memorySink(): BodySink<Uint8Array> {
  const chunks: Buffer[] = [];
  return {
    write: (chunk) => void chunks.push(chunk),
    finish: () => {
      const joined = Buffer.concat(chunks);
      return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
    },
    abort: () => void (chunks.length = 0),
  };
}

export function readBody(body: Readable, options: ReadBodyOptions): Promise<Uint8Array> {
  return readBodyInto(body, options, memorySink());
}

/** Reads the body through the limits into a sink; on any failure the sink is aborted and the error thrown. */
export async function readBodyInto<T>(body: Readable, options: ReadBodyOptions, sink: BodySink<T>): Promise<T> {
  try {
    await pump(body, options, sink);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return sink.finish();
}

async function pump(body: Readable, options: ReadBodyOptions, sink: BodySink<unknown>): Promise<void> {
  const { url, maxBytes } = options;
  // Which stream failed decides the kind: the body (network, timeout) or a decoder (corrupt data).
  // The listener also keeps a body we destroy below from raising an unhandled 'error'.
  const bodyErrors = new Set<unknown>();
  const decoderErrors = new Set<unknown>();
  body.on('error', (error: unknown) => bodyErrors.add(error));

  const codings = parseContentEncoding(options.contentEncoding);
  const unsupported = codings.find((coding) => !SUPPORTED.has(coding));
  if (unsupported !== undefined) {
    body.destroy();
    throw fetchError('decompression', url, `unsupported Content-Encoding "${unsupported}" from ${url}`);
  }
  if (options.contentLength !== null && options.contentLength > maxBytes) {
    body.destroy();
    throw fetchError('too-large', url, `body over ${formatBytes(maxBytes)} from ${url} (Content-Length ${options.contentLength})`);
  }

  const timeout = (what: string): FetchError => fetchError('timeout', url, `${what} after ${options.bodyTimeoutMs} ms reading the body of ${url}`);
  let idleTimer: NodeJS.Timeout | undefined;
  const armIdle = (): void => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => body.destroy(timeout('no data')), options.bodyTimeoutMs);
  };
  const totalTimer = setTimeout(() => body.destroy(timeout('body still incomplete')), options.bodyTimeoutMs);
  armIdle();

  let total = 0;
  try {
    const first = codings.length > 0 && codings.at(-1) === 'deflate' ? await peek(body) : null;
    const decoders = codings.reverse().map((coding) => decoderFor(coding, first));
    for (const decoder of decoders) decoder.on('error', (error: unknown) => decoderErrors.add(error));

    async function* meter(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        armIdle();
        yield chunk;
      }
    }
    async function collect(source: AsyncIterable<Buffer>): Promise<void> {
      for await (const chunk of source) {
        total += chunk.byteLength;
        // Stop as soon as the cap is passed: throwing here destroys every stream in the pipeline.
        if (total > maxBytes) {
          throw fetchError('too-large', url, `body over ${formatBytes(maxBytes)} from ${url}${codings.length > 0 ? ' after decompression' : ''}`);
        }
        await sink.write(chunk);
      }
    }
    const signal = options.signal === undefined ? {} : { signal: options.signal };
    // The typings cannot express a variable number of transforms between generator stages.
    const run = pipeline as unknown as (...stages: unknown[]) => Promise<void>;
    await run(body, meter, ...decoders, collect, signal);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (decoderErrors.has(error) && !bodyErrors.has(error)) {
      throw fetchError('decompression', url, `corrupt ${codings.join('+')} body from ${url}: ${(error as Error).message}`, { cause: error });
    }
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof FetchError) throw cause;
    throw classifyError(error, url);
  } finally {
    clearTimeout(idleTimer);
    clearTimeout(totalTimer);
  }
}
