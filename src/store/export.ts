// `newsift export DIR --format parquet|jsonl|csv [-o FILE]`: the corpus in DIR (articles.jsonl, or the
// store when there is no JSONL) written as one file, atomically (a temporary file renamed into place).
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { Article } from '../record.js';
import { writeCsv } from '../writers/csv.js';
import { writeParquet } from '../writers/parquet.js';
import { EXPORT_COLUMNS } from './columns.js';
import { STORE_FILE, openStore } from './sqlite.js';

export type ExportFormat = 'parquet' | 'jsonl' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['parquet', 'jsonl', 'csv'];

export interface ExportOptions {
  format: ExportFormat;
  /** File to write; `-` writes JSONL or CSV to stdout. Default: DIR/export/articles.FORMAT. */
  output?: string;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  records: number;
}

/** Fails early (before any output file exists) when DIR holds no corpus. */
function assertCorpus(dir: string): void {
  if (!existsSync(join(dir, 'articles.jsonl')) && !existsSync(join(dir, STORE_FILE))) {
    throw new Error(`${dir} holds neither articles.jsonl nor ${STORE_FILE}`);
  }
}

/** The corpus's records: articles.jsonl line by line, else every record in the store. */
export async function* corpusRecords(dir: string): AsyncGenerator<Article> {
  const jsonl = join(dir, 'articles.jsonl');
  if (existsSync(jsonl)) {
    const lines = createInterface({ input: createReadStream(jsonl, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      try {
        yield JSON.parse(line) as Article;
      } catch (err) {
        throw new Error(`${jsonl}:${n}: not a JSON record (${(err as Error).message})`);
      }
    }
    return;
  }
  assertCorpus(dir);
  const store = openStore(join(dir, STORE_FILE), { readonly: true });
  try {
    for (const { blocks: _blocks, ...record } of store.iterateArticles()) yield record as Article;
  } finally {
    store.close();
  }
}

export async function exportCorpus(dir: string, options: ExportOptions): Promise<ExportResult> {
  const { format } = options;
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`unknown export format ${String(format)} (parquet, jsonl or csv)`);
  assertCorpus(dir);
  const output = options.output ?? join(dir, 'export', `articles.${format}`);
  if (output === '-') {
    if (format === 'parquet') throw new Error('Parquet cannot go to stdout: give -o FILE');
    const records = await writeText(format, corpusRecords(dir), (s) => writeOut(process.stdout, s));
    return { path: '-', format, records };
  }
  mkdirSync(dirname(output), { recursive: true });
  const tmp = `${output}.tmp-${process.pid}`;
  try {
    let records: number;
    if (format === 'parquet') records = await writeParquet(corpusRecords(dir), EXPORT_COLUMNS, tmp);
    else {
      const stream = createWriteStream(tmp, 'utf8');
      try {
        records = await writeText(format, corpusRecords(dir), (s) => writeOut(stream, s));
      } finally {
        stream.end();
        await finished(stream);
      }
    }
    renameSync(tmp, output);
    return { path: output, format, records };
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

async function writeText(format: 'jsonl' | 'csv', records: AsyncIterable<Article>, write: (s: string) => Promise<void>): Promise<number> {
  if (format === 'csv') return writeCsv(records, EXPORT_COLUMNS, write);
  let n = 0;
  for await (const record of records) {
    await write(`${JSON.stringify(record)}\n`);
    n++;
  }
  return n;
}

/** Writes with back-pressure: waits for 'drain' when the stream's buffer is full, and rejects when
 *  the stream fails first (a full disk, a closed pipe), which would otherwise never drain. */
export function writeOut(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error): void => {
      stream.off('drain', onDrain);
      stream.off('error', done);
      stream.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = (): void => done();
    const onClose = (): void => done(new Error('the output stream closed before it drained'));
    stream.once('drain', onDrain);
    stream.once('error', done);
    stream.once('close', onClose);
  });
}
