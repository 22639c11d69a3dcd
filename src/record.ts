// The ground everything stands on: the page a reader yields, the document that flows through the
// stages, the article record that is written, and the stage contract (record in, record or drop out).

/** Bumped whenever a field of the written record changes meaning or shape. */
export const SCHEMA_VERSION = 1;

/** Where a page came from: enough to find it again in the input. */
export interface Origin {
  /** The path of the input file as given or found while walking a directory; `-` for stdin. */
  input: string;
  /** 0-based index of the page within its input file (stable for the same file). */
  position: number;
  /** Byte offset of the WARC record in the (possibly compressed) file. */
  input_offset?: number;
  /** 1-based line number of the page in a JSONL file. */
  input_line?: number;
  /** WARC-Record-ID of the record, where it applies. */
  warc_record_id?: string;
}

/** How the bytes of a page were turned into text. */
export interface EncodingInfo {
  charset: string;
  source: 'bom' | 'header' | 'meta' | 'detected' | 'default' | 'declared';
  /** True when invalid byte sequences were replaced by U+FFFD. */
  replaced: boolean;
  /** True when double-encoded UTF-8 (mojibake) was repaired. */
  mojibake_fixed?: boolean;
}

/** A page as a reader yields it: decoded content plus what the crawl said about it. */
export interface Page extends Origin {
  url: string | null;
  /** Crawl time as the input states it (ISO 8601 date or date-time); null when unknown, never "now". */
  fetched_at: string | null;
  http_status: number | null;
  /** HTTP response headers, names lower-cased; empty when the input has none. */
  headers: Record<string, string>;
  /** `html` for markup, `text` for page-text records (one visible block a line). */
  format: 'html' | 'text';
  content: string;
  encoding?: EncodingInfo;
}

/** An input, or a part of one, that could not become a page. Written to rejected.jsonl. */
export interface Rejection {
  input: string;
  position?: number;
  input_offset?: number;
  input_line?: number;
  warc_record_id?: string;
  url?: string | null;
  /** Stable reason code, see docs/reasons.md (e.g. `corrupt_gzip`, `timeout`, `too_large`). */
  reason: string;
  /** Human-readable detail: the error message, the limit that was exceeded. */
  error: string;
}

/** What a reader yields for each thing it finds: a page or a rejection. */
export type ReadItem = { page: Page } | { rejection: Rejection };

export type BlockKind = 'heading' | 'paragraph' | 'list_item' | 'quote' | 'table' | 'caption' | 'code' | 'preformatted';

/** One unit of main content, in reading order. */
export interface Block {
  text: string;
  kind: BlockKind;
  /** Heading level 1-6 for headings. */
  level?: number;
  /** Order of the block among everything the extractor saw (kept and removed share one sequence),
   *  so removed lines can be put back in place. */
  position: number;
}

/** A line or block taken out of the page, with the reason. */
export interface Removed {
  text: string;
  /** Stable reason code, see docs/reasons.md (e.g. `error_banner`, `duplicate_block`). */
  reason: string;
  /** Same sequence as Block.position. */
  position: number;
  /** In the written record: index of the paragraph of `text` this line stood before (the paragraph
   *  count when it stood after all of them), so readers can put removed lines back in place. */
  before?: number;
}

export type PageType =
  | 'article' | 'listing' | 'forum' | 'product' | 'documentation' | 'service' | 'collection' | 'error';

/** Descriptive fields of an article. Every field is null when unknown. */
export interface ArticleMeta {
  title: string | null;
  authors: string[];
  /** ISO 8601, with the offset when the page gives one; a bare date (YYYY-MM-DD) when only the day is
   *  known; a bare month (YYYY-MM) when the page gives only that ("November 2015"). */
  published_at: string | null;
  modified_at: string | null;
  site_name: string | null;
  /** The news source named by the dateline or credit, e.g. `MENAFN`, `Reuters`. */
  source: string | null;
  /** The dateline as printed, e.g. `LONDON (Reuters) -`. */
  dateline: string | null;
  canonical_url: string | null;
  description: string | null;
  image: string | null;
  /** Language hint from the markup (`<html lang>`, content-language), BCP 47. */
  language_hint: string | null;
  language: string | null;
  language_score: number | null;
  page_type: PageType | null;
}

/** Annotations later stages attach (quality, duplicates, entities, events, ...); open by design. */
export type Annotations = Record<string, unknown>;

/** The document that flows through the stages. */
export interface Doc {
  readonly page: Page;
  id: string;
  blocks: Block[];
  removed: Removed[];
  meta: ArticleMeta;
  annotations: Annotations;
}

/** The written record (snake_case JSON). Documented field by field in docs/record.md. */
export interface Article {
  id: string;
  input: string;
  input_offset?: number;
  input_line?: number;
  warc_record_id?: string;
  url: string | null;
  canonical_url: string | null;
  fetched_at: string | null;
  http_status: number | null;
  title: string | null;
  authors: string[];
  published_at: string | null;
  modified_at: string | null;
  site_name: string | null;
  source: string | null;
  dateline: string | null;
  description: string | null;
  image: string | null;
  language: string | null;
  language_score: number | null;
  page_type: PageType | null;
  /** Paragraphs separated by a blank line. */
  text: string;
  removed: Removed[];
  encoding?: EncodingInfo;
  [annotation: string]: unknown;
}

/** A stage's verdict that a document leaves the pipeline, with a stable reason code. */
export interface Drop {
  drop: string;
  detail?: string;
}

export interface StageContext {
  /** Resolved, frozen options (see config.ts). */
  readonly options: Readonly<Record<string, unknown>>;
}

/** A stage: a document in, the (possibly changed) document or a drop out. */
export interface Stage {
  /** Stable name, used in stats.json. */
  readonly name: string;
  /** Loads models or tables once, before the first document. */
  init?(): Promise<void>;
  apply(doc: Doc, ctx: StageContext): Doc | Drop | Promise<Doc | Drop>;
}

export function isDrop(result: Doc | Drop): result is Drop {
  return (result as Drop).drop !== undefined;
}

export function emptyMeta(): ArticleMeta {
  return {
    title: null, authors: [], published_at: null, modified_at: null, site_name: null, source: null,
    dateline: null, canonical_url: null, description: null, image: null, language_hint: null,
    language: null, language_score: null, page_type: null,
  };
}

/** Text of the kept blocks: paragraphs separated by a blank line. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

/** Removed lines with `before`: the paragraph each stood before, found from the shared positions. */
function placeRemoved(blocks: readonly Block[], removed: readonly Removed[]): Removed[] {
  const positions = blocks.map((b) => b.position).sort((a, b) => a - b);
  return removed.map((r) => {
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((positions[mid] as number) < r.position) lo = mid + 1;
      else hi = mid;
    }
    return { text: r.text, reason: r.reason, position: r.position, before: lo };
  });
}

/** The record that is written for a document that made it through the pipeline. */
export function toArticle(doc: Doc): Article {
  const { page, meta } = doc;
  const article: Article = {
    id: doc.id,
    input: page.input,
    ...(page.input_offset !== undefined && { input_offset: page.input_offset }),
    ...(page.input_line !== undefined && { input_line: page.input_line }),
    ...(page.warc_record_id !== undefined && { warc_record_id: page.warc_record_id }),
    url: page.url,
    canonical_url: meta.canonical_url,
    fetched_at: page.fetched_at,
    http_status: page.http_status,
    title: meta.title,
    authors: meta.authors,
    published_at: meta.published_at,
    modified_at: meta.modified_at,
    site_name: meta.site_name,
    source: meta.source,
    dateline: meta.dateline,
    description: meta.description,
    image: meta.image,
    language: meta.language,
    language_score: meta.language_score,
    page_type: meta.page_type,
    text: blocksToText(doc.blocks),
    removed: placeRemoved(doc.blocks, doc.removed),
    ...(page.encoding !== undefined && { encoding: page.encoding }),
    ...doc.annotations,
  };
  return article;
}

/** What an extractor (HTML or text mode) and the shared cleaner produce for one page. */
export interface Extraction {
  /** Kept main content, in reading order. */
  blocks: Block[];
  /** Everything taken out, with reasons, in the same position sequence as the blocks. */
  removed: Removed[];
  /** What the page said about itself; fields left out are unknown. */
  meta: Partial<ArticleMeta>;
  /** What the blocks were read from: `html` (the DOM extractor) or `text` (text mode). The cleaner
   *  judges near copies by it (see src/clean/repeats.ts); absent is read as `text`. */
  format?: 'html' | 'text';
}

export interface ExtractOptions {
  url?: string | null;
  /** HTTP response headers, names lower-cased. */
  headers?: Record<string, string>;
  http_status?: number | null;
  fetched_at?: string | null;
  /** Keep user comments as content (default false). */
  include_comments?: boolean;
}

/** Thrown by a stage when a page breaches a configured limit (DOM depth, node count, line length...).
 *  Not a drop: the page is rejected with `reason` and written to rejected.jsonl, like a page that
 *  times out. */
export class LimitExceeded extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
    this.name = 'LimitExceeded';
  }
}

/** A page that could not be processed within the limits (reason: `timeout`, `dom_too_deep`, ... see
 *  docs/reasons.md), as single-page extraction reports it. */
export class ExtractError extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
    this.name = 'ExtractError';
  }
}
