// A counter of 32-bit integer keys with open addressing in typed arrays: the n-gram rules count a
// few thousand hashed keys per document, where a JS Map or Set costs 3-5x more (boxing, rehashing).
// Tables are pooled by size and cleared for reuse, so a document allocates nothing here.

/** Load factor at most 1/2: probes stay short. */
const SLOTS_PER_KEY = 2;
const MIN_SLOTS = 16;

export class IntCounter {
  readonly #keys: Int32Array;
  readonly #counts: Int32Array;
  readonly #mask: number;

  private constructor(size: number) {
    this.#keys = new Int32Array(size);
    this.#counts = new Int32Array(size);
    this.#mask = size - 1;
  }

  static readonly #pool = new Map<number, IntCounter>();

  /** An empty counter with room for `capacity` distinct keys (a pooled one, cleared). Synchronous
   *  users only: the next call may hand out the same table. */
  static empty(capacity: number): IntCounter {
    let size = MIN_SLOTS;
    while (size < capacity * SLOTS_PER_KEY) size *= 2;
    let counter = IntCounter.#pool.get(size);
    if (counter === undefined) {
      counter = new IntCounter(size);
      IntCounter.#pool.set(size, counter);
    } else counter.#counts.fill(0);
    return counter;
  }

  /** How many times `key` was counted. */
  get(key: number): number {
    const keys = this.#keys;
    const counts = this.#counts;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.#mask;
    for (;;) {
      const c = counts[slot] as number;
      if (c === 0 || keys[slot] === key) return c;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Counts one more occurrence of `key` and returns its count so far. */
  add(key: number): number {
    const keys = this.#keys;
    const counts = this.#counts;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.#mask;
    for (;;) {
      const c = counts[slot] as number;
      if (c === 0) {
        keys[slot] = key;
        counts[slot] = 1;
        return 1;
      }
      if (keys[slot] === key) {
        counts[slot] = c + 1;
        return c + 1;
      }
      slot = (slot + 1) & this.#mask;
    }
  }
}
