// CSV export (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma, a quote,
// CR or LF, with quotes doubled. Nested fields are JSON text; null is an empty field.
import type { Article } from '../record.js';
import type { ExportColumn } from '../store/columns.js';

/** RFC 4180 section 2, rules 5-7: which fields need quotes and how quotes inside are escaped. */
const NEEDS_QUOTES = /[",\r\n]/;
const CRLF = '\r\n';

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(column: ExportColumn, record: Article): string {
  const v = column.get(record);
  if (v === null || v === undefined) return '';
  if (column.type === 'JSON') return csvField(JSON.stringify(v));
  if (v instanceof Date) return v.toISOString();
  return csvField(String(v));
}

export function csvHeader(columns: readonly ExportColumn[]): string {
  return columns.map((c) => csvField(c.name)).join(',') + CRLF;
}

export function csvRow(columns: readonly ExportColumn[], record: Article): string {
  return columns.map((c) => cell(c, record)).join(',') + CRLF;
}

/** Writes the records as CSV through `write` (a stream's write, or a collector); returns the row count. */
export async function writeCsv(
  records: AsyncIterable<Article> | Iterable<Article>, columns: readonly ExportColumn[],
  write: (chunk: string) => void | Promise<void>,
): Promise<number> {
  await write(csvHeader(columns));
  let rows = 0;
  for await (const record of records) {
    await write(csvRow(columns, record));
    rows++;
  }
  return rows;
}
