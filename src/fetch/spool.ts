// A body kept on disk instead of in memory, so that a feed of any size is read back chunk by chunk by the
// streaming parser. Why a spool file and not the socket itself: the cycle does slow work per item (article
// pages, images, the store), and holding the feed's connection open meanwhile would trip the body time
// limit, keep a per-host slot that the same host's article pages need, and turn a retry into a half-stored
// feed. Downloading stays as fast and as bounded as before; only the parsing is streamed. Small bodies
// (most feeds) never touch the disk.
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { BodySink } from './body.ts';

/** The decompressed body of a streamed fetch. */
export interface FetchedBody {
  readonly byteLength: number;
  /** The bytes from the start, in chunks (1 MiB from disk); can be read more than once until disposed. */
  chunks(): AsyncIterable<Uint8Array>;
  /** Deletes the spool file, if there is one. Safe to call more than once. */
  dispose(): Promise<void>;
}

export interface SpoolOptions {
  /** Folder for spool files (a fresh sub-folder per body). */
  dir: string;
  /** Bodies up to this many bytes stay in memory. */
  memoryBytes: number;
}

const READ_CHUNK = 1024 * 1024;

export function memoryBody(bytes: Uint8Array): FetchedBody {
  return {
    byteLength: bytes.byteLength,
    async *chunks() {
      for (let i = 0; i < bytes.byteLength; i += READ_CHUNK) yield bytes.subarray(i, i + READ_CHUNK);
    },
    dispose: async () => {},
  };
}

export function spoolSink(options: SpoolOptions): BodySink<FetchedBody> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let folder: string | null = null;
  let file: FileHandle | null = null;

  const remove = async (): Promise<void> => {
    const held = folder;
    folder = null;
    if (held !== null) await rm(held, { recursive: true, force: true });
  };
  const spill = async (): Promise<void> => {
    if (file === null) {
      folder = await mkdtemp(join(options.dir, 'newsvault-body-'));
      file = await open(join(folder, 'body'), 'w');
    }
    for (const chunk of pending) await file.write(chunk);
    pending = [];
    pendingBytes = 0;
  };

  return {
    async write(chunk) {
      total += chunk.byteLength;
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (file !== null || pendingBytes > options.memoryBytes) await spill();
    },
    async finish() {
      if (file === null) return memoryBody(Buffer.concat(pending));
      await spill();
      await (file as FileHandle).close();
      const path = join(folder as string, 'body');
      return {
        byteLength: total,
        chunks: () => createReadStream(path, { highWaterMark: READ_CHUNK }),
        dispose: remove,
      };
    },
    async abort() {
      pending = [];
      await (file as FileHandle | null)?.close();
      await remove();
    },
  };
}
