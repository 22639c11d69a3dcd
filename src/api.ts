// The library's front door for single pages: extract(input, options) runs the same pipeline as
// `newsift run`, in this process, and returns the record (or why the page was dropped).
import type { Article, Block, Page } from './record.js';
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
const LOOKS_LIKE_HTML = /^\s*(?:\uFEFF)?\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<(?:div|p|meta|title|article|section)[\s>])/i;

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

/** Extracts one page given as a string (HTML or page text) or as an object with crawl metadata. */
export async function extract(input: string | ExtractInput, config: Partial<PipelineConfig> = {}): Promise<ExtractResult> {
  const given: ExtractInput = typeof input === 'string' ? { content: input } : input;
  const mode = given.mode ?? 'auto';
  const format = mode === 'auto' ? (looksLikeHtml(given.content) ? 'html' : 'text') : mode;
  const page: Page = {
    input: given.input ?? '-',
    position: 0,
    url: given.url ?? null,
    fetched_at: given.fetched_at ?? null,
    http_status: given.http_status ?? null,
    headers: given.headers ?? {},
    format,
    content: given.content,
  };
  return extractPage(page, page.input, { ...DEFAULT_PIPELINE_CONFIG, ...config });
}
