// Parquet export with hyparquet-writer: one typed column per export column (strings as UTF8, numbers
// as INT32/INT64/DOUBLE, publication instant as TIMESTAMP_MILLIS, nested fields as JSON), written in
// row groups so memory stays bounded by the batch size, not the corpus.
import { ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { fileWriter } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import type { Article } from '../record.js';
import type { ExportColumn } from '../store/columns.js';
import { VERSION } from '../version.js';

/** Rows per row group: large enough for good compression of text columns, small enough for memory. */
export const ROW_GROUP_ROWS = 5000;

function columnData(columns: readonly ExportColumn[], batch: readonly Article[]): ColumnSource[] {
  return columns.map((c) => ({
    name: c.name,
    type: c.type,
    nullable: true,
    data: batch.map((r) => {
      const v = c.get(r);
      if (v === null || v === undefined) return null;
      return c.type === 'INT64' ? BigInt(v as number) : v;
    }),
  }));
}

/** Writes the records to `path` as Parquet; returns the row count. */
export async function writeParquet(
  records: AsyncIterable<Article> | Iterable<Article>, columns: readonly ExportColumn[], path: string,
): Promise<number> {
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: schemaFromColumnData({ columnData: columnData(columns, []) }),
    createdBy: `newsift ${VERSION}`,
  });
  let batch: Article[] = [];
  let rows = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await writer.write({ columnData: columnData(columns, batch), rowGroupSize: ROW_GROUP_ROWS });
    rows += batch.length;
    batch = [];
  };
  for await (const record of records) {
    batch.push(record);
    if (batch.length >= ROW_GROUP_ROWS) await flush();
  }
  await flush();
  await writer.finish();
  return rows;
}
