// Turns command-line inputs into units of work: files found by walking directories (sorted, so runs
// are reproducible), stdin as `-`, each with its kind and a stable name for ids.
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { gunzipSync, constants as zconst } from 'node:zlib';
import { UsageError } from './errors.js';
import { sniffKind } from './sniff.js';

export type UnitKind = 'warc' | 'wet' | 'html' | 'text' | 'jsonl' | 'unknown';

export interface InputUnit {
  /** File system path to open, or `-` for stdin. */
  path: string;
  /** Display path, as given or as found while walking a directory (`samples/a.html`). */
  input: string;
  /** Stable name for ids: the path relative to the given argument's parent, `/`-separated; never
   *  absolute (`samples/a.html` for the argument `samples` or `/abs/samples`). */
  id_base: string;
  kind: UnitKind;
  /** WARC only: read the records that start within [start, end) (byte offsets in the file). */
  range?: { start: number; end: number; first_line?: number };
  /** `path` is a plain copy of a gzip file (run/spool.ts): read as plain, but byte offsets in it
   *  are not offsets in the input, so pages and rejections carry none (as when read gzip). */
  inflated_copy?: true;
}

/** Extension rules, first match wins (so `.warc.wet.gz` is WET, `.warc.gz` is WARC). */
const EXTENSIONS: readonly [RegExp, UnitKind][] = [
  [/\.wet(\.gz)?$/i, 'wet'],
  [/\.(warc|arc\.warc)(\.gz)?$/i, 'warc'],
  [/\.x?html?(\.gz)?$/i, 'html'],
  [/\.txt(\.gz)?$/i, 'text'],
  [/\.(jsonl|ndjson)(\.gz)?$/i, 'jsonl'],
];
/** Bytes read to sniff a file whose extension does not say what it is. */
const SNIFF_BYTES = 4096;

export function kindFromName(name: string): UnitKind {
  for (const [pattern, kind] of EXTENSIONS) if (pattern.test(name)) return kind;
  return 'unknown';
}

/** Sniffs a file's first bytes (inflating a little of a gzip file) for its kind. */
export async function sniffFile(path: string): Promise<UnitKind> {
  let head: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      const buf = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return 'unknown'; // the reader reports it as unreadable
  }
  return kindOfBytes(head);
}

/** Kind of a byte prefix; a gzip prefix is partly inflated and sniffed again. */
export function kindOfBytes(head: Uint8Array): UnitKind {
  const kind = sniffKind(head);
  if (kind !== 'gzip') return kind;
  try {
    // A partial member: Z_SYNC_FLUSH gives what can be inflated without the end of the stream.
    const inner = gunzipSync(head, { finishFlush: zconst.Z_SYNC_FLUSH, maxOutputLength: SNIFF_BYTES * 64 });
    const innerKind = sniffKind(inner);
    return innerKind === 'gzip' ? 'unknown' : innerKind;
  } catch {
    return 'unknown';
  }
}

function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** Walks a directory in sorted order. Symbolic links are followed (a link to a folder already on
 *  the path is not walked again); sockets, FIFOs and devices inside folders are not inputs. */
async function walk(dir: string, out: string[], seen = new Set<string>()): Promise<void> {
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null); // a dangling link is not an input
      isDir = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDir) await walk(path, out, seen);
    else if (isFile) out.push(path);
  }
}

function idBase(arg: string, file: string): string {
  const parent = dirname(resolve(arg));
  const rel = relative(parent, resolve(file));
  return rel.split(sep).join('/');
}

async function unitFor(arg: string, file: string, regular = true): Promise<InputUnit> {
  let kind = kindFromName(basename(file));
  // A pipe (e.g. `<(zcat x)`) cannot be read twice: readUnit sniffs it while reading instead.
  if (kind === 'unknown' && regular) kind = await sniffFile(file);
  return { path: file, input: file, id_base: idBase(arg, file), kind };
}

/** Expands inputs into units. Every path is checked first: a missing one throws UsageError naming
 *  it before any work. Directories are walked recursively in sorted order; hidden files and
 *  folders (a leading dot) are skipped. Files of unknown kind become units of kind `unknown`, which
 *  readUnit sniffs again and, failing that, rejects as `unknown_format`. `-` is stdin (kind
 *  `unknown`: the reader sniffs the stream). */
export async function expandInputs(args: string[]): Promise<InputUnit[]> {
  const missing: string[] = [];
  const stats = new Map<string, { dir: boolean; regular: boolean }>();
  for (const arg of args) {
    if (arg === '-') continue;
    try {
      const st = await stat(arg);
      stats.set(arg, { dir: st.isDirectory(), regular: st.isFile() });
    } catch {
      missing.push(arg);
    }
  }
  if (missing.length > 0) {
    throw new UsageError(`input not found: ${missing.join(', ')}`);
  }
  const units: InputUnit[] = [];
  for (const arg of args) {
    if (arg === '-') {
      units.push({ path: '-', input: '-', id_base: '-', kind: 'unknown' });
    } else if (stats.get(arg)?.dir === true) {
      const files: string[] = [];
      await walk(arg, files);
      for (const file of files) units.push(await unitFor(arg, file));
    } else {
      units.push(await unitFor(arg, arg, stats.get(arg)?.regular ?? true));
    }
  }
  return units;
}
