// Reads one input unit into pages and rejections: opens the file (or stdin), sniffs what the
// extension does not say, and hands the bytes to the format's reader. Every item gets the unit's
// display name and its 0-based position in the unit.
import type { ReadItem } from '../record.js';
import { payloadChunks } from './bytes.js';
import type { Draft } from './draft.js';
import { reject } from './draft.js';
import { readJsonl } from './jsonl.js';
import { DEFAULT_READER_OPTIONS, type ReaderOptions } from './options.js';
import { REJECT } from './reasons.js';
import { readSingle } from './single.js';
import { isGzip, looksBinary } from './sniff.js';
import { prepend, rawChunks, readHead } from './source.js';
import { kindOfBytes, type InputUnit } from './units.js';
import { readWarc } from './warc.js';

export { DEFAULT_READER_OPTIONS, readerOptions, type ReaderOptions } from './options.js';
export { REJECT, type RejectReason } from './reasons.js';
export { UsageError } from './errors.js';
export { expandInputs, type InputUnit, type UnitKind } from './units.js';
export { decodeHtml, decodeText, type Decoded } from './decode.js';
export { splitWarc } from './split.js';

/** Bytes read before choosing a reader: enough to sniff any supported format. */
const HEAD_BYTES = 4096;

/** Node's I/O error codes: the input cannot be read (as opposed to a bug in a reader). */
function isIoError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string'
    && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code!);
}

/** The first `limit` bytes of a byte stream. */
async function* upTo(chunks: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  let left = limit;
  for await (const chunk of chunks) {
    if (left <= 0) return;
    yield chunk.length <= left ? chunk : chunk.subarray(0, left);
    left -= chunk.length;
  }
}

/** Drafts without `input_offset`, for a copy whose offsets are not the input's. */
async function* withoutOffsets(drafts: AsyncIterable<Draft>): AsyncGenerator<Draft> {
  for await (const draft of drafts) {
    if ('page' in draft) {
      const { input_offset: _, ...page } = draft.page;
      yield { page };
    } else {
      const { input_offset: _, ...rejection } = draft.rejection;
      yield { rejection };
    }
  }
}

async function* drafts(unit: InputUnit, opts: ReaderOptions): AsyncGenerator<Draft> {
  const start = unit.range?.start ?? 0;
  const it = rawChunks(unit.path, start)[Symbol.asyncIterator]();
  try {
    const head = await readHead(it, HEAD_BYTES);
    if (head.length === 0) {
      if (start === 0) yield reject(REJECT.empty_input, 'no bytes');
      return;
    }
    let kind = unit.kind === 'unknown' ? kindOfBytes(head) : unit.kind;
    const gzipped = isGzip(head);
    // Text piped in without a signature is taken as a page-text record: stdin has no name to judge.
    if (kind === 'unknown' && unit.path === '-' && !gzipped && !looksBinary(head)) kind = 'text';
    const bytes = prepend(head, it);
    switch (kind) {
      case 'warc':
      case 'wet':
        yield* readWarc(bytes, gzipped, opts, start, unit.range?.end);
        return;
      case 'html':
      case 'text':
        yield* readSingle(payloadChunks(bytes, gzipped, opts), kind, opts);
        return;
      case 'jsonl': {
        if (gzipped) {
          yield* readJsonl(payloadChunks(bytes, true, opts), opts);
          return;
        }
        // A plain file may be read in line-aligned byte ranges (see run/split.ts: splitLines).
        const lines = readJsonl(upTo(bytes, unit.range ? unit.range.end - start : Infinity), opts, start, unit.range?.first_line);
        yield* unit.inflated_copy === true ? withoutOffsets(lines) : lines;
        return;
      }
      default:
        yield reject(REJECT.unknown_format, 'not WARC, WET, HTML, page text or JSONL (by extension or first bytes)');
    }
  } catch (err) {
    if (!isIoError(err)) throw err;
    yield reject(REJECT.unreadable_input, `${err.code}: ${err.message}`);
  } finally {
    await it.return?.(undefined);
  }
}

/** Reads a unit: each page or rejection it holds, in order, stamped with `input` and `position`.
 *  Never throws for bad input: an unopenable file is one `unreadable_input` rejection. */
export async function* readUnit(unit: InputUnit, opts: ReaderOptions = DEFAULT_READER_OPTIONS): AsyncGenerator<ReadItem> {
  let position = 0;
  for await (const draft of drafts(unit, opts)) {
    if ('page' in draft) yield { page: { ...draft.page, input: unit.input, position: position++ } };
    else yield { rejection: { ...draft.rejection, input: unit.input, position: position++ } };
  }
}
