// The posting lists of a full build, held as they will be written: each token's ascending ids as postings.ts's
// gap text, appended a posting at a time into shared byte pages.
//
// Why not a Map of number arrays: an array holds 8 bytes an id plus its growth slack, and the encoded text was
// then built by string concatenation (a rope of one string per posting until it is flattened). At the cycle
// benchmark's first cycle (15,000 articles) the full build alone took the process from 72 to 255 MiB that way;
// here a dense list costs one byte an id and the text is read back as one flat string (the README's
// Performance section has the figures).
//
// A token's bytes live in a chain of chunks, each chunk twice the size of the one before (up to MAX_CHUNK), so a
// token seen once costs a few bytes and a common one a few chunk headers. A chunk is [next chunk: page (uint32),
// offset (uint32)][payload]; all chunks but a token's last are full, and the last one's fill follows from the
// token's byte count.
import { CONTINUE, FINAL } from './postings.ts';

const PAGE_BYTES = 1 << 20;
const HEADER = 8;
const FIRST_CHUNK = 8;
const MAX_CHUNK = 4096;
const NONE = 0xffffffff;
const FINAL_CODES = Uint8Array.from(FINAL, (ch) => ch.charCodeAt(0));
const CONTINUE_CODES = Uint8Array.from(CONTINUE, (ch) => ch.charCodeAt(0));

/** A copy of a string that shares no memory with the text it was cut from. */
function detached(token: string): string {
  // V8 keeps a slice of 13 or more characters as a view of its parent: a long Latin word as a key would keep
  // its article's whole folded text alive for the whole build.
  return token.length < 13 ? token : Buffer.from(token, 'utf16le').toString('utf16le');
}

export class PostingPool {
  readonly #slots = new Map<string, number>();
  readonly #tokens: string[] = [];
  readonly #pages: Uint8Array[] = [];
  #pageUsed = PAGE_BYTES;
  // Per token (by slot): its first chunk, where its next byte goes and where its last chunk ends (absolute
  // addresses: page × PAGE_BYTES + offset), the size of its last chunk, its byte count and its last id.
  #head = new Float64Array(1024);
  #write = new Float64Array(1024);
  #limit = new Float64Array(1024);
  #chunk = new Float64Array(1024);
  #bytes = new Float64Array(1024);
  #last = new Float64Array(1024);
  readonly #digits = new Uint8Array(12);
  #scratch = Buffer.allocUnsafe(4096);

  get size(): number {
    return this.#tokens.length;
  }

  /** The tokens in the order they were first added (a token's slot is its place here). */
  get tokens(): readonly string[] {
    return this.#tokens;
  }

  /** Appends `id` to the token's list; ids of one token come in ascending order. */
  add(token: string, id: number): void {
    let slot = this.#slots.get(token);
    if (slot === undefined) slot = this.#newSlot(token);
    const previous = this.#last[slot]!;
    if (!Number.isSafeInteger(id) || id <= previous) throw new RangeError(`search: site index: ids must ascend, got ${id} after ${previous}`);
    this.#last[slot] = id;
    let gap = id - previous;
    // Base 32, most significant digit first: collected backwards, written forwards.
    const digits = this.#digits;
    let n = 0;
    digits[n++] = FINAL_CODES[gap % 32]!;
    gap = Math.floor(gap / 32);
    while (gap > 0) {
      digits[n++] = CONTINUE_CODES[gap % 32]!;
      gap = Math.floor(gap / 32);
    }
    while (n > 0) this.#put(slot, digits[--n]!);
  }

  /** The token's list in postings.ts's encoding, as one flat string. */
  encoded(slot: number): string {
    const total = this.#bytes[slot]!;
    if (this.#scratch.length < total) this.#scratch = Buffer.allocUnsafe(Math.max(total, this.#scratch.length * 2));
    let at = this.#head[slot]!;
    let cap = FIRST_CHUNK;
    let copied = 0;
    while (copied < total) {
      const page = this.#pages[Math.floor(at / PAGE_BYTES)]!;
      const offset = at % PAGE_BYTES;
      const n = Math.min(cap, total - copied);
      this.#scratch.set(page.subarray(offset + HEADER, offset + HEADER + n), copied);
      copied += n;
      if (copied < total) {
        at = this.#readLink(page, offset);
        cap = Math.min(cap * 2, MAX_CHUNK);
      }
    }
    return this.#scratch.toString('latin1', 0, total);
  }

  #newSlot(token: string): number {
    const slot = this.#tokens.length;
    this.#tokens.push(detached(token));
    this.#slots.set(this.#tokens[slot]!, slot);
    if (slot === this.#head.length) this.#grow();
    const at = this.#allocate(FIRST_CHUNK);
    this.#head[slot] = at;
    this.#write[slot] = at + HEADER;
    this.#limit[slot] = at + HEADER + FIRST_CHUNK;
    this.#chunk[slot] = FIRST_CHUNK;
    this.#bytes[slot] = 0;
    this.#last[slot] = -1;
    return slot;
  }

  #put(slot: number, byte: number): void {
    let at = this.#write[slot]!;
    if (at === this.#limit[slot]) {
      // The last chunk is full: link a new one, twice its size.
      const cap = Math.min(this.#chunk[slot]! * 2, MAX_CHUNK);
      const next = this.#allocate(cap);
      const end = this.#limit[slot]! - this.#chunk[slot]! - HEADER; // the full chunk's start
      this.#writeLink(this.#pages[Math.floor(end / PAGE_BYTES)]!, end % PAGE_BYTES, next);
      at = next + HEADER;
      this.#limit[slot] = at + cap;
      this.#chunk[slot] = cap;
    }
    this.#pages[Math.floor(at / PAGE_BYTES)]![at % PAGE_BYTES] = byte;
    this.#write[slot] = at + 1;
    this.#bytes[slot]!++;
  }

  #allocate(cap: number): number {
    if (this.#pageUsed + HEADER + cap > PAGE_BYTES) {
      this.#pages.push(new Uint8Array(PAGE_BYTES));
      this.#pageUsed = 0;
    }
    const page = this.#pages.length - 1;
    const at = page * PAGE_BYTES + this.#pageUsed;
    this.#writeLink(this.#pages[page]!, this.#pageUsed, null);
    this.#pageUsed += HEADER + cap;
    return at;
  }

  #writeLink(page: Uint8Array, offset: number, target: number | null): void {
    const view = new DataView(page.buffer, page.byteOffset + offset, HEADER);
    view.setUint32(0, target === null ? NONE : Math.floor(target / PAGE_BYTES));
    view.setUint32(4, target === null ? NONE : target % PAGE_BYTES);
  }

  #readLink(page: Uint8Array, offset: number): number {
    const view = new DataView(page.buffer, page.byteOffset + offset, HEADER);
    return view.getUint32(0) * PAGE_BYTES + view.getUint32(4);
  }

  #grow(): void {
    const grown = (old: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const next = new Float64Array(old.length * 2);
      next.set(old);
      return next;
    };
    this.#head = grown(this.#head);
    this.#write = grown(this.#write);
    this.#limit = grown(this.#limit);
    this.#chunk = grown(this.#chunk);
    this.#bytes = grown(this.#bytes);
    this.#last = grown(this.#last);
  }
}
