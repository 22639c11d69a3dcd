// Turns the part files of one or more output folders into the corpus outputs: articles.jsonl
// (deduplicated across everything), rejected.jsonl, dropped.jsonl (on request), stats.json and the
// report. Each output is written to a temporary name and renamed, so it is whole or absent.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type DedupParams, dedupe } from '../dedup/index.js';
import type { Article } from '../record.js';
import { corpusRecords } from '../store/export.js';
import { syncStore } from '../store/sync.js';
import { AtomicJsonlWriter } from '../writers/jsonl.js';
import { writeReport } from '../writers/report.js';
import { type RunStats, StatsBuilder } from '../writers/stats.js';
import { compareUnits, listParts, readPart } from './parts.js';

export interface FinalizeOptions {
  /** Folders whose parts make up the corpus (the output folder itself, or shard folders to merge). */
  sources: string[];
  out_dir: string;
  duplicates: 'mark' | 'drop' | 'off';
  keep_dropped: boolean;
  dedup_params?: Partial<DedupParams> | undefined;
  /** Threads for the dedup signature pass (default 1). */
  workers?: number | undefined;
  /** Also bring DIR/newsift.db (SQLite, full-text search) in line with the articles (default true). */
  store?: boolean | undefined;
  version: string;
}

async function readJsonl(path: string, each: (value: Article) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) each(JSON.parse(line) as Article);
}

export async function finalize(opts: FinalizeOptions): Promise<RunStats> {
  const started = performance.now();
  const work = join(opts.out_dir, '.newsift');
  await mkdir(work, { recursive: true });
  const stats = new StatsBuilder();
  const undeduped = new AtomicJsonlWriter(join(work, 'articles.undeduped.jsonl'));
  const rejected = new AtomicJsonlWriter(join(opts.out_dir, 'rejected.jsonl'));
  const dropped = opts.keep_dropped ? new AtomicJsonlWriter(join(opts.out_dir, 'dropped.jsonl')) : null;

  // One order across every source (shard folders): dedup keeps the first of equal copies, so merged
  // shards must reach it in the order a single run would.
  const parts = (await Promise.all(opts.sources.map((source) => listParts(source)))).flat();
  parts.sort((a, b) => compareUnits(a.unit, b.unit));
  for (const part of parts) {
    for await (const line of readPart(part.path)) {
      if ('a' in line) await undeduped.write(line.a);
      else if ('r' in line) await rejected.write(line.r);
      else if ('d' in line) await dropped?.write({ ...line.d.record, drop: { stage: line.d.stage, reason: line.d.reason, detail: line.d.detail } });
      else if ('stats' in line) stats.addUnit(line.stats, part.partial);
    }
  }
  await undeduped.commit();
  const gathered = performance.now();

  const articlesPath = join(opts.out_dir, 'articles.jsonl');
  let dedupStats: Record<string, unknown> | null = null;
  if (opts.duplicates === 'off') {
    // Same folder tree, so a rename publishes it atomically without copying.
    await rename(undeduped.path, articlesPath);
  } else {
    const droppedByReason: Record<string, number> = {};
    // onDrop is synchronous; writes are chained so dropped.jsonl keeps order and honours back-pressure.
    let writes: Promise<void> = Promise.resolve();
    const result = await dedupe([undeduped.path], `${articlesPath}.tmp`, {
      ...opts.dedup_params,
      workDir: join(work, 'dedup'),
      mode: opts.duplicates,
      workers: opts.workers ?? 1,
      onDrop: (record: Article, reason: string) => {
        droppedByReason[reason] = (droppedByReason[reason] ?? 0) + 1;
        if (dropped !== null) writes = writes.then(() => dropped.write({ ...record, drop: { stage: 'dedup', reason, detail: null } }));
      },
    });
    await writes;
    await rename(`${articlesPath}.tmp`, articlesPath);
    dedupStats = result as unknown as Record<string, unknown>;
    stats.addCorpusStage('dedup', undeduped.count, droppedByReason, performance.now() - gathered);
  }
  await rejected.commit();
  await dropped?.commit();
  await rm(undeduped.path, { force: true });

  // One read of articles.jsonl feeds both the stats and the store (it can be gigabytes).
  const deduped = performance.now();
  const timings = () => ({ gather: Math.round(gathered - started), dedup: Math.round(deduped - gathered) });
  let result: RunStats;
  if (opts.store ?? true) {
    // The store mirrors articles.jsonl: upserted by id, so rerunning or adding inputs never duplicates.
    const counted = async function* (): AsyncGenerator<Article> {
      for await (const article of corpusRecords(opts.out_dir)) {
        stats.addArticle(article);
        yield article;
      }
    };
    let built: RunStats | null = null;
    const synced = await syncStore(opts.out_dir, {
      records: counted(),
      run: () => ({ ...(built = stats.build(opts.version, dedupStats, timings())) }),
    });
    result = built ?? stats.build(opts.version, dedupStats, timings());
    result.store = synced;
    result.timings_ms.store = Math.round(performance.now() - deduped);
  } else {
    await readJsonl(articlesPath, (a) => stats.addArticle(a));
    result = stats.build(opts.version, dedupStats, timings());
  }
  const statsTmp = join(opts.out_dir, 'stats.json.tmp');
  await writeFile(statsTmp, `${JSON.stringify(result, null, 2)}\n`);
  await rename(statsTmp, join(opts.out_dir, 'stats.json'));
  await writeReport(opts.out_dir, result);
  return result;
}
