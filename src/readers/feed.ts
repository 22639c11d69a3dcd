// A growing window over decompressed (or plain) bytes, fed by gzip events, that knows the raw file
// offset each byte came from. The WARC framing reads through it; memory is bounded by what the
// framing asks to hold (one record block up to the page limit), not by the archive.
import type { GzEvent } from './gzip.js';

export type Gap = Extract<GzEvent, { type: 'gap' }>;
export type MoreResult = 'data' | 'gap' | 'eof';

export class Feed {
  #store = new Uint8Array(64 * 1024);
  #head = 0;
  #tail = 0;
  /** Logical (decompressed) offset of the first unconsumed byte. */
  start = 0;
  /** Set when the last `more()` hit lost bytes; cleared by `takeGap()`. */
  gap: Gap | null = null;
  /** Raw offset of a member the input ended inside, if it did. */
  truncatedMember: number | null = null;
  eof = false;
  /** Member starts not yet consumed: [logical offset, raw offset]. */
  #members: [number, number][] = [];
  readonly #events: AsyncIterator<GzEvent>;
  /** Raw offset of logical 0 for plain (uncompressed) input; null for gzip input. */
  readonly #plainBase: number | null;

  constructor(events: AsyncIterator<GzEvent>, plainBase: number | null) {
    this.#events = events;
    this.#plainBase = plainBase;
  }

  get length(): number {
    return this.#tail - this.#head;
  }

  /** The unconsumed bytes (a view: valid until the next `more()` or `consume()`). */
  view(): Uint8Array {
    return this.#store.subarray(this.#head, this.#tail);
  }

  /** Raw file offset for a logical offset: itself plus the base for plain input, the start of the
   *  member holding it for gzip input. */
  offsetAt(logical: number): number {
    if (this.#plainBase !== null) return this.#plainBase + logical;
    let raw = this.#members[0]?.[1] ?? 0;
    for (const [at, member] of this.#members) {
      if (at > logical) break;
      raw = member;
    }
    return raw;
  }

  /** Pulls the next event; appends data. */
  async more(): Promise<MoreResult> {
    if (this.eof) return 'eof';
    if (this.gap !== null) return 'gap';
    const next = await this.#events.next();
    if (next.done === true) {
      this.eof = true;
      return 'eof';
    }
    const event = next.value;
    if (event.type === 'gap') {
      this.gap = event;
      return 'gap';
    }
    if (event.type === 'truncated') {
      this.truncatedMember = event.member;
      return this.more();
    }
    const end = this.start + this.length;
    const last = this.#members[this.#members.length - 1];
    if (last === undefined || last[1] !== event.member) this.#members.push([end, event.member]);
    this.#append(event.bytes);
    return 'data';
  }

  /** Pulls until at least `n` bytes are held; returns 'data' when they are. */
  async ensure(n: number): Promise<MoreResult> {
    while (this.length < n) {
      const r = await this.more();
      if (r !== 'data') return r;
    }
    return 'data';
  }

  consume(n: number): void {
    const k = Math.min(n, this.length);
    this.#head += k;
    this.start += k;
    while (this.#members.length > 1 && this.#members[1]![0] <= this.start) this.#members.shift();
  }

  /** Takes the pending gap and drops what is held: those bytes belong to a record that broke. */
  takeGap(): Gap | null {
    const gap = this.gap;
    this.consume(this.length);
    this.gap = null;
    this.#members = [];
    return gap;
  }

  #append(bytes: Uint8Array): void {
    if (this.#tail + bytes.length > this.#store.length) {
      const live = this.length;
      if (live + bytes.length <= this.#store.length / 2) {
        this.#store.copyWithin(0, this.#head, this.#tail);
      } else {
        const grown = new Uint8Array(Math.max(this.#store.length * 2, live + bytes.length));
        grown.set(this.view());
        this.#store = grown;
      }
      this.#head = 0;
      this.#tail = live;
    }
    this.#store.set(bytes, this.#tail);
    this.#tail += bytes.length;
  }
}
