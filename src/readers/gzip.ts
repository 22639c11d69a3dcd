// Inflates gzip input member by member, streaming, with a counting guard against bombs. Tells
// where each member starts in the raw file (WARC offsets point at members) and, when a member is
// corrupt or breaks a limit, where bytes were lost and where reading resumed.
// pako (the inflater warcio itself uses) is used instead of node:zlib because it reports exactly
// how much input a member consumed, so member boundaries are known.
import pako from 'pako';
import type { ReaderOptions } from './options.js';
import { RATIO_FLOOR_BYTES } from './options.js';
import { REJECT } from './reasons.js';

/** gzip ID1 ID2 CM=deflate (RFC 1952, 2.3.1); FLG's top three bits are reserved and zero. */
const MAGIC = [0x1f, 0x8b, 0x08] as const;
const FLG_RESERVED = 0xe0;
/** windowBits for gzip-only inflation (zlib: 15 + 16). */
const GZIP_WINDOW_BITS = 31;
/** zlib's Z_SYNC_FLUSH: pako hands over all output at the end of every push. */
const Z_SYNC_FLUSH = 2;

export type GzEvent =
  /** Inflated bytes of the member starting at raw offset `member`. */
  | { type: 'data'; bytes: Uint8Array; member: number }
  /** Bytes [from, to) of the raw file were lost; `to` is null when nothing was recovered before the end. */
  | { type: 'gap'; reason: typeof REJECT.corrupt_gzip | typeof REJECT.decompression_limit; from: number; to: number | null; error: string }
  /** The input ended inside a member (a cut-off download). */
  | { type: 'truncated'; member: number };

class LimitError extends Error {}

interface Inflater {
  inflate: pako.Inflate;
  member: number;
  out: number;
  status: number;
  chunks: Uint8Array[];
}

function looksLikeMember(buf: Uint8Array, i: number): boolean {
  return buf[i] === MAGIC[0] && buf[i + 1] === MAGIC[1] && buf[i + 2] === MAGIC[2]
    && ((buf[i + 3] ?? 0) & FLG_RESERVED) === 0;
}

/** Index of the next plausible member start at or after `from`, or -1. */
function findMember(buf: Uint8Array, from: number): number {
  for (let i = buf.indexOf(MAGIC[0], from); i >= 0 && i + 4 <= buf.length; i = buf.indexOf(MAGIC[0], i + 1)) {
    if (looksLikeMember(buf, i)) return i;
  }
  return -1;
}

/** Fields of pako's Inflate that its typings leave out (pako 1.0.11 lib/inflate.js). */
interface InflateInternals {
  ended: boolean;
  strm: { avail_in: number; total_in: number; msg?: string };
}

function internals(state: Inflater): InflateInternals {
  return state.inflate as unknown as InflateInternals;
}

function strm(state: Inflater): InflateInternals['strm'] {
  return internals(state).strm;
}

function newInflater(member: number, opts: ReaderOptions): Inflater {
  const state: Inflater = { inflate: new pako.Inflate({ windowBits: GZIP_WINDOW_BITS }), member, out: 0, status: 0, chunks: [] };
  state.inflate.onData = (chunk) => {
    const bytes = chunk as Uint8Array;
    state.out += bytes.length;
    const consumed = strm(state).total_in;
    if (state.out > opts.maxDecompressedBytes) {
      throw new LimitError(`gzip member inflates past maxDecompressedBytes (${opts.maxDecompressedBytes})`);
    }
    if (state.out > RATIO_FLOOR_BYTES && state.out / Math.max(consumed, 1) > opts.maxCompressionRatio) {
      throw new LimitError(`compression ratio over maxCompressionRatio ${opts.maxCompressionRatio} (${state.out} bytes from ${consumed})`);
    }
    state.chunks.push(bytes);
  };
  state.inflate.onEnd = (status: number) => {
    state.status = status;
  };
  return state;
}

/** Inflates a gzip stream of raw chunks; `base` is the raw offset of the first chunk in the file.
 *  A corrupt member, or one breaking a limit, becomes one `gap` from its start to the next member
 *  that inflates (found by scanning for the gzip magic). */
export async function* inflateMembers(raw: AsyncIterable<Uint8Array>, opts: ReaderOptions, base = 0): AsyncGenerator<GzEvent> {
  let pos = base; // raw offset of buf[0]
  let buf: Uint8Array = new Uint8Array(0);
  let state: Inflater | null = null;
  /** Set while skipping bad bytes: where the loss began, and why. */
  let lost: { from: number; reason: typeof REJECT.corrupt_gzip | typeof REJECT.decompression_limit; error: string } | null = null;
  const advance = (n: number): void => {
    pos += n;
    buf = buf.subarray(n);
  };

  for await (const chunk of raw) {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    while (buf.length > 0) {
      if (state === null) {
        const at = findMember(buf, 0);
        // Up to 3 trailing bytes may be a member header split across chunks: not lost yet.
        const partial = at < 0 && buf.length <= 3 && MAGIC.every((b, i) => i >= buf.length || buf[i] === b);
        if (at !== 0 && !partial && lost === null) lost = { from: pos, reason: REJECT.corrupt_gzip, error: 'bytes that are not a gzip member' };
        if (at < 0) {
          advance(Math.max(0, buf.length - 3));
          break;
        }
        advance(at);
        if (lost !== null) {
          yield { type: 'gap', reason: lost.reason, from: lost.from, to: pos, error: lost.error };
          lost = null;
        }
        state = newInflater(pos, opts);
      }
      let failure: string | null = null;
      let limit = false;
      try {
        state.inflate.push(buf, Z_SYNC_FLUSH);
        if (internals(state).ended && state.status !== 0) failure = strm(state).msg || `inflate error ${state.status}`;
      } catch (err) {
        if (!(err instanceof LimitError)) throw err;
        failure = err.message;
        limit = true;
      }
      for (const bytes of state.chunks) yield { type: 'data', bytes, member: state.member };
      state.chunks = [];
      if (failure !== null) {
        lost = { from: state.member, reason: limit ? REJECT.decompression_limit : REJECT.corrupt_gzip, error: failure };
        // Scan again from the byte after this member's start (or from here if it began earlier).
        advance(Math.min(buf.length, Math.max(1, state.member + 1 - pos)));
        state = null;
        continue;
      }
      advance(buf.length - strm(state).avail_in);
      if (internals(state).ended) state = null;
      else break; // the member goes on in the next chunk
    }
  }
  if (state !== null) yield { type: 'truncated', member: state.member };
  else if (buf.length > 0 && lost === null) lost = { from: pos, reason: REJECT.corrupt_gzip, error: 'bytes that are not a gzip member' };
  if (lost !== null) yield { type: 'gap', reason: lost.reason, from: lost.from, to: null, error: lost.error };
}
