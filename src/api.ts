// The library's front door for single pages: extract(input, options) runs the same pipeline as
// `newsift run`, in this process, and returns the record (or why the page was dropped).
import { type Article, type Block, ExtractError, type Page } from './record.js';

export { ExtractError } from './record.js';
import { WorkerPool } from './run/pool.js';
import { type Outcome, type Pipeline, createPipeline, processPage } from './run/process.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig, pipelineSettings } from './run/setup.js';

export interface ExtractInput {
  /** The page's HTML, or its visible text (one block a line) with `mode: 'text'`. */
  content: string;
  /** `auto` (default) looks at the content: markup means HTML, anything else page text. */
  mode?: 'auto' | 'html' | 'text';
  url?: string | null;
  fetched_at?: string | null;
  http_status?: number | null;
  headers?: Record<string, string>;
  /** Reported as the record's `input`; default `-`. */
  input?: string;
}

export interface ExtractResult {
  record: Article;
  /** Kept blocks with their kinds (headings, list items, ...), for Markdown or other renderings. */
  blocks: Block[];
  /** Null when the page was kept; otherwise the stage and reason that dropped it. */
  dropped: { stage: string; reason: string; detail: string | null } | null;
}

/** Markup sniff for `auto` mode: a tag near the start (after an optional BOM, doctype or comment). */
// \s covers U+FEFF (a BOM), so one run of it is enough (two in a row backtrack quadratically).
const LOOKS_LIKE_HTML = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<(?:div|p|meta|title|article|section)[\s>])/i;

export function looksLikeHtml(content: string): boolean {
  return LOOKS_LIKE_HTML.test(content.slice(0, 2048));
}

const pipelines = new Map<string, Promise<Pipeline>>();

function pipelineFor(config: PipelineConfig): Promise<Pipeline> {
  const key = JSON.stringify(config);
  let pipeline = pipelines.get(key);
  if (pipeline === undefined) {
    pipeline = pipelineSettings(config).then((settings) => createPipeline(settings, { ...config }));
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

export function toResult(outcome: Outcome): ExtractResult {
  if (outcome.kind === 'reject') throw new ExtractError(outcome.reason, outcome.error);
  return {
    record: outcome.record,
    blocks: outcome.blocks,
    dropped: outcome.kind === 'drop' ? { stage: outcome.stage, reason: outcome.reason, detail: outcome.detail } : null,
  };
}

/** Runs a page (as given, or as a reader produced it) through the pipeline in this process. */
export async function extractPage(page: Page, idBase: string, config: PipelineConfig = DEFAULT_PIPELINE_CONFIG): Promise<ExtractResult> {
  return toResult(await processPage({ page, id_base: idBase }, await pipelineFor(config)));
}

function toPage(input: string | ExtractInput): Page {
  const given: ExtractInput = typeof input === 'string' ? { content: input } : input;
  const mode = given.mode ?? 'auto';
  const format = mode === 'auto' ? (looksLikeHtml(given.content) ? 'html' : 'text') : mode;
  return {
    input: given.input ?? '-',
    position: 0,
    url: given.url ?? null,
    fetched_at: given.fetched_at ?? null,
    http_status: given.http_status ?? null,
    headers: given.headers ?? {},
    format,
    content: given.content,
  };
}

/** Extracts one page given as a string (HTML or page text) or as an object with crawl metadata.
 *  Runs in this process, without a time limit: for untrusted pages use createExtractor(). */
export async function extract(input: string | ExtractInput, config: Partial<PipelineConfig> = {}): Promise<ExtractResult> {
  const page = toPage(input);
  return extractPage(page, page.input, { ...DEFAULT_PIPELINE_CONFIG, ...config });
}

export interface Extractor {
  /** Rejects with ExtractError when the page exceeds the time limit or crashes its thread. */
  extract(input: string | ExtractInput | { page: Page; id_base: string }): Promise<ExtractResult>;
  close(): Promise<void>;
}

/** Extraction for untrusted pages: each runs in a worker thread that is terminated when it exceeds
 *  the time limit (a stuck regular expression cannot block the caller). Used by `newsift extract`
 *  and the HTTP API. */
export async function createExtractor(opts: { config?: PipelineConfig; workers?: number } = {}): Promise<Extractor> {
  const config = opts.config ?? DEFAULT_PIPELINE_CONFIG;
  const pool = new WorkerPool(opts.workers ?? 1, config, config.limits.timeout_ms);
  await pool.ready();
  return {
    async extract(input) {
      const task = typeof input === 'object' && 'page' in input ? input : (() => {
        const page = toPage(input);
        return { page, id_base: page.input };
      })();
      const result = await pool.run(task);
      if (!result.ok) throw new ExtractError(result.reason, result.error);
      return toResult(result.outcome);
    },
    close: () => pool.close(),
  };
}
