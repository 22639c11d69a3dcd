// HTML main-content extraction, as a recipe: parse -> markup metadata -> cut into blocks (furniture
// marked by tag, role and class) -> find the main content by text mass -> title, date and byline as
// shown around the headline -> drop the title heading -> kept blocks plus everything removed, with
// reasons, in one position sequence.
import type { Block, ExtractOptions, Extraction, Removed } from '../record.js';
import { Element } from 'domhandler';
import { findFirst, parseHtml } from './dom.js';
import type { Document } from './dom.js';
import { segment } from './segment.js';
import type { RawBlock } from './segment.js';
import { selectMain } from './select.js';
import { REASON } from './boilerplate.js';
import { applyBlockModel, loadBlockModel } from './model.js';
import { readMetadata } from './metadata/index.js';
import { pickTitle } from './metadata/title.js';
import { visibleMeta } from './metadata/visible.js';
import type { VisibleMeta } from './metadata/visible.js';
import { cleanAuthors } from './metadata/byline.js';
import { threadStarter } from './metadata/forum.js';
import { urlPageType } from '../clean/pagetype.js';

export { toMarkdown } from './markdown.js';
export { readMetadata } from './metadata/index.js';

const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');

function contentRoot(doc: Document): Element {
  return findFirst(doc, (el) => el.name === 'body') ?? findFirst(doc, (el) => el.name === 'html') ?? new Element('body', {}, doc.children);
}

/** The heading that repeats the title belongs in `title`, not in the text. */
function titleHeadingIndex(blocks: readonly RawBlock[], keep: readonly boolean[], title: string | null | undefined): number {
  if (title == null) return -1;
  const t = fold(title);
  if (t === '') return -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b === undefined) continue;
    if (b.kind === 'heading' && fold(b.text) === t) return i;
    if (keep[i] === true && b.kind !== 'heading' && b.text.length > 200) return -1;
  }
  return -1;
}

/** How far after the headline, and how long, a line holding the shown byline may be. */
const BYLINE_SEARCH_BLOCKS = 6;
const BYLINE_MAX_CHARS = 140;

/** The block model does not bring back the byline shown under the headline ("By Jane Doe |
 *  March 4, 2025"): it belongs in `authors`, and the cleaner's line rules name a byline only when
 *  it is names alone. This is the kept short line near the headline holding the names visibleMeta
 *  read; it is dropped only when the rules had left it out (they may keep a line with more in it). */
function bylineIndex(blocks: readonly RawBlock[], keep: readonly boolean[], start: number, byline: string | null): number {
  if (byline === null || start < 0) return -1;
  for (let i = start; i < Math.min(blocks.length, start + BYLINE_SEARCH_BLOCKS); i++) {
    const b = blocks[i];
    if (b !== undefined && keep[i] === true && b.kind !== 'heading' && b.text.length <= BYLINE_MAX_CHARS && b.text.includes(byline)) return i;
  }
  return -1;
}

/** How many days a shown day and the markup's instant may differ by and still be one moment seen
 *  from two time zones (UTC-12 to UTC+14 spans at most one day either way). */
const ZONE_SLACK_DAYS = 1;

/** Whole days between the calendar days two ISO values start with (NaN-safe: unparsable is far). */
function daysApart(a: string, b: string): number {
  const d = Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
  return Number.isNaN(d) ? Infinity : d;
}

/** The day the page shows wins over a different day in the markup (pages show the date they
 *  stand by); the markup's full timestamp is kept when it is that day, or the day before or after:
 *  a page prints its day in its readers' zone, the markup the instant (late evening in New York
 *  is the next day in UTC), and the instant says more. A shown date that says it is an update
 *  yields to the markup's publication date. */
function chooseDate(visible: VisibleMeta, published: string | null | undefined, modified: string | null | undefined): string | null {
  const shown = visible.date;
  if (shown === null || (visible.dateIsUpdate && published != null)) return published ?? null;
  if (published != null && daysApart(published, shown) <= ZONE_SLACK_DAYS) return published;
  if (modified != null && modified.slice(0, 10) === shown) return modified;
  return shown;
}

export function extractHtml(html: string, opts: ExtractOptions = {}): Extraction {
  const doc = parseHtml(html);
  const { meta, titleSources, siteNames } = readMetadata(doc, opts);
  const root = contentRoot(doc);
  const raw = segment(root);
  const sel = selectMain(raw, root, opts.include_comments === true);
  const ruled = [...sel.keep];
  const ruledReasons = [...sel.reasons];
  const model = loadBlockModel();
  if (model !== null) applyBlockModel(model, raw, sel, opts.include_comments === true);
  const { keep, reasons } = sel;
  const headings = raw.filter((b) => b.kind === 'heading').map((b) => ({ text: b.text, level: b.level ?? 2, furniture: b.reason !== null }));
  meta.title = pickTitle(headings, titleSources, meta.page_type === 'article');
  const th = titleHeadingIndex(raw, keep, meta.title);
  const shown = visibleMeta(raw, th >= 0 ? th : keep.indexOf(true));
  meta.published_at = chooseDate(shown, meta.published_at, meta.modified_at);
  // "Updated March 3, 2025" under the headline, and no dateModified in the markup: the page says
  // when it last changed.
  if (shown.dateIsUpdate && shown.date !== null && meta.modified_at == null && shown.date !== meta.published_at?.slice(0, 10)) meta.modified_at = shown.date;
  if ((meta.authors ?? []).length === 0 && shown.byline !== null) meta.authors = cleanAuthors([shown.byline], siteNames);
  // A forum thread names no writer: its author is whoever started it.
  if ((meta.authors ?? []).length === 0 && (meta.page_type === 'forum' || urlPageType(opts.url) === 'forum')) {
    const starter = threadStarter(doc);
    if (starter !== null) meta.authors = [starter];
  }
  if (th >= 0) {
    keep[th] = false;
    reasons[th] = REASON.title_heading;
  }
  const by = bylineIndex(raw, keep, th >= 0 ? th : keep.indexOf(true), shown.byline);
  if (by >= 0 && ruled[by] !== true) {
    keep[by] = false;
    reasons[by] = ruledReasons[by] ?? REASON.low_block_score;
  }
  const blocks: Block[] = [];
  const removed: Removed[] = [];
  raw.forEach((b, i) => {
    if (keep[i] === true) {
      const block: Block = { text: b.text, kind: b.kind, position: b.position };
      if (b.level !== undefined) block.level = b.level;
      blocks.push(block);
    } else removed.push({ text: b.text, reason: reasons[i] ?? REASON.low_content_block, position: b.position });
  });
  return { blocks, removed, meta, format: 'html' };
}
