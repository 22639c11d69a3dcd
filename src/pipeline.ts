// The ordered stages a page goes through, and the one function that runs them and keeps count.
// Stages never count for themselves: runStages records, for every stage, whether the document was
// kept or dropped (with the reason) and how long the stage took.
import { createHash } from 'node:crypto';
import { extractHtml } from './extract/index.js';
import { extractText } from './textmode/index.js';
import { cleanExtraction } from './clean/index.js';
import { classifyPage } from './clean/pagetype.js';
import { type StructureLimits, limitsStage } from './limits.js';
import {
  type Doc, type Drop, type Extraction, type ExtractOptions, type Page, type PageType, type Stage,
  type StageContext, emptyMeta, isDrop,
} from './record.js';

/** Length of the hex id (64 bits): collisions stay negligible up to billions of pages. */
const ID_HEX_CHARS = 16;

/** Where a page is in its file, the same however the file is cut for threads: its byte offset, else
 *  its line (a gzip JSONL file, which may be read whole or as an inflated copy in pieces), else its
 *  position (a file holding one page, or read whole). */
function placeInFile(page: Page): string {
  if (page.input_offset !== undefined) return String(page.input_offset);
  return page.input_line !== undefined ? `line ${page.input_line}` : String(page.position);
}

/** Stable id: from URL and fetch time when the input has both, else from the file's id base and the
 *  page's place in it. Never from an absolute path, never from the current time. */
export function pageId(page: Page, idBase: string): string {
  const key = page.url !== null && page.fetched_at !== null
    ? `url\n${page.url}\n${page.fetched_at}`
    : `file\n${idBase}\n${placeInFile(page)}`;
  return createHash('sha256').update(key).digest('hex').slice(0, ID_HEX_CHARS);
}

export function newDoc(page: Page, idBase: string): Doc {
  return { page, id: pageId(page, idBase), blocks: [], removed: [], meta: emptyMeta(), annotations: {} };
}

export interface PipelineSettings {
  /** Keep user comments as content. */
  include_comments: boolean;
  /** Page types to keep; null keeps all. */
  keep_types: readonly PageType[] | null;
  /** Structural limits checked before any parsing (DOM depth, node count, line length). */
  limits: StructureLimits | null;
  /** Stages after extraction and cleaning (language, quality filters, enrichment), in order. */
  later_stages: readonly Stage[];
}

export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  include_comments: false,
  keep_types: null,
  limits: null,
  later_stages: [],
};

function extractOptions(page: Page, settings: PipelineSettings): ExtractOptions {
  return {
    url: page.url,
    headers: page.headers,
    http_status: page.http_status,
    fetched_at: page.fetched_at,
    include_comments: settings.include_comments,
  };
}

/** Applies an extraction's findings to the document. */
function absorb(doc: Doc, x: Extraction): void {
  doc.blocks = x.blocks;
  doc.removed = x.removed;
  for (const [key, value] of Object.entries(x.meta)) {
    if (value !== undefined) (doc.meta as unknown as Record<string, unknown>)[key] = value;
  }
}

const WARM_UP_TEXT = 'A headline\nA first paragraph of a short article, which says what happened.\n- Home\n- News';
const WARM_UP_HTML = `<html><head><title>A headline</title></head><body><article><h1>A headline</h1><p>${'A paragraph. '.repeat(20)}</p></article></body></html>`;

/** HTML goes through the DOM extractor, page text through text mode; both then share one cleaner
 *  (error banners, repeated blocks, boilerplate lines, dateline), so the two modes clean alike. */
export function contentStage(settings: PipelineSettings): Stage {
  return {
    name: 'extract',
    // Models and tables load on first use; a warm-up keeps that out of the first page's time limit.
    async init() {
      const opts: ExtractOptions = { url: null, include_comments: settings.include_comments };
      cleanExtraction(extractHtml(WARM_UP_HTML, opts), opts);
      cleanExtraction(extractText(WARM_UP_TEXT, opts), opts);
    },
    apply(doc) {
      const opts = extractOptions(doc.page, settings);
      const raw = doc.page.format === 'html' ? extractHtml(doc.page.content, opts) : extractText(doc.page.content, opts);
      absorb(doc, cleanExtraction(raw, opts));
      return doc;
    },
  };
}

/** Error, soft-404, login-wall and bot-check pages leave here, whatever their HTTP status; a page
 *  with nothing left after cleaning too. Page-type selection (`keep_types`) is applied here as well. */
export function pageTypeStage(settings: PipelineSettings): Stage {
  return {
    name: 'page_type',
    apply(doc) {
      const type = classifyPage(
        { blocks: doc.blocks, removed: doc.removed, meta: doc.meta },
        { url: doc.page.url, http_status: doc.page.http_status },
      );
      doc.meta.page_type = type;
      if (type === 'error') return { drop: 'error_page' };
      if (doc.blocks.length === 0) return { drop: 'empty_after_cleaning' };
      if (settings.keep_types !== null && !settings.keep_types.includes(type)) {
        return { drop: 'page_type_not_kept', detail: type };
      }
      return doc;
    },
  };
}

/** The ordered stages. Order matters: structural limits before any parsing (a page nested 100,000
 *  deep must never reach the DOM builder), cleaning before page typing (a banner must not make an
 *  article look like an error page), and quality filters after cleaning (repetition the cleaner
 *  removes would otherwise drop the whole page). */
export function buildStages(settings: PipelineSettings): Stage[] {
  const limits = settings.limits !== null ? [limitsStage(settings.limits)] : [];
  return [...limits, contentStage(settings), pageTypeStage(settings), ...settings.later_stages];
}

/** What one stage did to one document. */
export interface StageStep {
  stage: string;
  ms: number;
  /** Null when the document was kept; the reason code when it was dropped. */
  dropped: string | null;
}

export type PipelineResult =
  | { kept: true; doc: Doc; steps: StageStep[] }
  | { kept: false; doc: Doc; drop: Drop; stage: string; steps: StageStep[] };

export async function runStages(doc: Doc, stages: readonly Stage[], ctx: StageContext): Promise<PipelineResult> {
  const steps: StageStep[] = [];
  let current = doc;
  for (const stage of stages) {
    const started = performance.now();
    const result: Doc | Drop = await stage.apply(current, ctx);
    const ms = performance.now() - started;
    if (isDrop(result)) {
      steps.push({ stage: stage.name, ms, dropped: result.drop });
      return { kept: false, doc: current, drop: result, stage: stage.name, steps };
    }
    steps.push({ stage: stage.name, ms, dropped: null });
    current = result;
  }
  return { kept: true, doc: current, steps };
}

export async function initStages(stages: readonly Stage[]): Promise<void> {
  for (const stage of stages) await stage.init?.();
}
