// Text mode: a page-text record (one visible block a line, lists as "- item") becomes the
// article's blocks. Recipe: split lines -> rules name the lines they recognise (banners, widgets)
// -> the line classifier scores every line in its neighbourhood -> the headline is found above the
// body -> kept lines become blocks, every other line goes to `removed` with its reason.
// The shared cleaner (src/clean) runs after this, as for HTML.
import type { Block, Extraction, ExtractOptions, Removed } from '../record.js';
import { removeErrorBanners } from '../clean/error-banner.js';
import { DATE_LINE, removeBoilerplate } from '../clean/boilerplate.js';
import { classifyPage } from '../clean/pagetype.js';
import { looksLikeProse } from '../clean/text.js';
import { lineFeatures } from './features.js';
import { splitLines, type Line } from './lines.js';
import { DEFAULT_THRESHOLD, loadLineModel, predictPageType, scoreLines, type LineModel } from './model.js';
import { findTitle } from './title.js';

/** A line the classifier judged not to be article text (menu, byline, link list, footer...). */
export const BOILERPLATE_LINE = 'boilerplate_line';
/** The headline line: moved to meta.title, not repeated in the text. */
export const TITLE_LINE = 'title';
/** Readers' comments under an article: the lines from the first of a run of post headers on. */
export const COMMENT_THREAD = 'comment_thread';

/** A post header is a short line (the poster's name) right above a date line with a clock time
 *  (a comment is stamped to the minute, a product or a chapter is not); this many, each within
 *  THREAD_MAX_GAP lines of the previous, after the article's body has begun make a thread. */
const THREAD_MIN_HEADERS = 3;
const THREAD_MAX_GAP = 12;
const POSTER_MAX_WORDS = 4;
const CLOCK_RE = /\b\d{1,2}:\d{2}\b/u;
/** The other common post header: the poster's name and a speech verb on a line of its own
 *  ("Jane Doe says:", WordPress's default comment template; "jdoe wrote:"), up to five words.
 *  Not "said:", which is how a report introduces a quotation ("The minister said:"). */
const SAYS_RE = /^(?:\S+\s){0,4}\S+\s(?:says|wrote|writes|schreibt|dit|dice|disse|zegt)\s?:$/iu;

export function extractText(text: string, opts: ExtractOptions = {}): Extraction {
  return extractTextWith(text, opts, loadLineModel());
}

/** Which lines rules recognise on their own, with the rule's reason (keyed by line position). */
export function ruleReasons(lines: readonly Line[], opts: ExtractOptions): Map<number, string> {
  const blocks: Block[] = lines.map((l) => ({ text: l.text, kind: l.kind, position: l.position }));
  let x: Extraction = { blocks, removed: [], meta: {}, format: 'text' };
  x = removeBoilerplate(removeErrorBanners(x), opts);
  return new Map(x.removed.map((r) => [r.position, r.reason]));
}

/** A line the classifier doubts (probability at least this) is kept between two kept lines:
 *  subheadings and one-line paragraphs inside the body. */
const FILL_MIN_PROB = 0.25;

/** Fills one-line holes in the kept body (see FILL_MIN_PROB). */
export function fillHoles(keep: boolean[], probs: readonly number[], ruleFlags: readonly boolean[]): boolean[] {
  return keep.map((k, i) => k || (!ruleFlags[i] && keep[i - 1] === true && keep[i + 1] === true && (probs[i] ?? 0) >= FILL_MIN_PROB));
}

/** Keep thresholds by the page-type model's call. A page it does not call an article holds lists
 *  of short items (products, listings, posts, documentation steps) the line classifier, trained
 *  mostly on article pages, doubts: a lower bar keeps them. On an article page a slightly higher
 *  bar drops a few more menu lines. Chosen by scanning 0.25-0.6 on the held-out pages of the first
 *  by-site fold (pages predicted non-article: word F1 0.637 at 0.5, 0.700 at 0.3; predicted
 *  articles: 0.921 at 0.5, 0.922 at 0.55) and checked on the second (0.676 -> 0.693; 0.923 ->
 *  0.924). Pages without a model type (no URL, no model) keep the model's own threshold. */
export const NON_ARTICLE_THRESHOLD = 0.3;
export const ARTICLE_THRESHOLD = 0.55;

export interface TextModeTuning {
  /** Overrides the model's threshold (on every page, whatever its type). */
  threshold?: number;
  /** Fill one-line holes in the body (default true). */
  fill?: boolean;
  /** Overrides ARTICLE_THRESHOLD (threshold scans on held-out folds). */
  articleThreshold?: number;
}

/** Text mode with a given line model (null: the rule stand-in); the evaluation passes fold models. */
export function extractTextWith(text: string, opts: ExtractOptions, model: LineModel | null, tuning: TextModeTuning = {}): Extraction {
  const lines = splitLines(text);
  const byRule = ruleReasons(lines, opts);
  const ruleFlags = lines.map((l) => byRule.has(l.position));
  const probs = scoreLines(lineFeatures(lines, { ruleFlags, url: opts.url }), model);
  const keepAt = (threshold: number): boolean[] => lines.map((_, i) => !ruleFlags[i] && (probs[i] ?? 0) >= threshold);
  const firstRaw = keepAt(tuning.threshold ?? model?.threshold ?? DEFAULT_THRESHOLD);
  // The page-type model leans on the URL (its words and shape); without one, page rules decide
  // (after cleaning, in classifyPage). Its type sets the bar for the lines (ARTICLE_THRESHOLD).
  const modelType = opts.url ? predictPageType(model, lines, firstRaw, opts.url) : null;
  const byType = tuning.threshold === undefined && modelType !== null;
  const raw = byType ? keepAt(modelType === 'article' ? tuning.articleThreshold ?? ARTICLE_THRESHOLD : NON_ARTICLE_THRESHOLD) : firstRaw;
  const keep = tuning.fill === false ? raw : fillHoles(raw, probs, ruleFlags);

  const firstProse = lines.findIndex((l, i) => keep[i] && looksLikeProse(l.text));
  const bodyStart = firstProse >= 0 ? firstProse : keep.indexOf(true);
  const threadStart = modelType === 'article' && opts.include_comments !== true ? commentThreadStart(lines, byRule, keep, bodyStart) : -1;
  const excluded = new Set(lines.flatMap((_, i) => (ruleFlags[i] ? [i] : [])));
  const titleIdx = findTitle(lines, bodyStart, opts.url, excluded);

  const blocks: Block[] = [];
  const removed: Removed[] = [];
  lines.forEach((line, i) => {
    if (i === titleIdx) removed.push({ text: line.raw, reason: TITLE_LINE, position: line.position });
    else if (threadStart >= 0 && i >= threadStart) removed.push({ text: line.raw, reason: byRule.get(line.position) ?? COMMENT_THREAD, position: line.position });
    else if (keep[i]) blocks.push({ text: line.text, kind: line.kind, position: line.position });
    else removed.push({ text: line.raw, reason: byRule.get(line.position) ?? BOILERPLATE_LINE, position: line.position });
  });
  const title = titleIdx >= 0 ? (lines[titleIdx] as Line).text : null;
  const x: Extraction = { blocks, removed, meta: { title }, format: 'text' };
  if (modelType !== null) x.meta.page_type = modelType;
  x.meta.page_type = classifyPage(x, { url: opts.url, http_status: opts.http_status });
  return x;
}

/** The post header that line i completes, or -1: line i itself when it is a "Name says:" line,
 *  the line above when i is a date stamped to the minute under a short name the classifier dropped. */
function postHeaderAt(lines: readonly Line[], byRule: ReadonlyMap<number, string>, keep: readonly boolean[], i: number): number {
  const line = lines[i] as Line;
  if (SAYS_RE.test(line.text)) return i;
  const name = lines[i - 1];
  if (name === undefined || byRule.get(line.position) !== DATE_LINE || !CLOCK_RE.test(line.text) || keep[i - 1] === true) return -1;
  return name.text.split(/\s+/u).length > POSTER_MAX_WORDS || looksLikeProse(name.text) ? -1 : i - 1;
}

/** Where readers' comments begin on an article page, or -1: the first of THREAD_MIN_HEADERS post
 *  headers (a short line not kept, then a date line) after some of the body has been kept. Each
 *  comment's text is prose the line classifier keeps; its header is what tells it from the article. */
export function commentThreadStart(lines: readonly Line[], byRule: ReadonlyMap<number, string>, keep: readonly boolean[], bodyStart: number): number {
  if (bodyStart < 0) return -1;
  // The current run of headers: where it starts, how many, and where the last one is.
  let first = -1;
  let count = 0;
  let last = -1;
  for (let i = bodyStart + 1; i < lines.length; i++) {
    const header = postHeaderAt(lines, byRule, keep, i);
    if (header < 0 || header === last) continue; // "Name says:" above its own date: one header
    if (count > 0 && header - last <= THREAD_MAX_GAP) count++;
    else [first, count] = [header, 1];
    last = header;
    if (count >= THREAD_MIN_HEADERS && keep.slice(bodyStart, first).some(Boolean)) return first;
  }
  return -1;
}
