// Metadata diagnostics: for each WCXB page, what each title and date source said, what we chose
// and what the gold says, one JSON line a page, so misses can be grouped and counted offline.
//   npx tsx eval/meta-diag.ts [--type article] [--split dev|heldout|all] [--out FILE.jsonl]
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { extractHtml } from '../src/extract/index.js';
import { findFirst, parseHtml } from '../src/extract/dom.js';
import { segment } from '../src/extract/segment.js';
import { selectMain } from '../src/extract/select.js';
import { applyBlockModel, loadBlockModel } from '../src/extract/model.js';
import { readMetadata } from '../src/extract/metadata/index.js';
import { visibleMeta } from '../src/extract/metadata/visible.js';
import { titleMatches, sameDay } from './lib/score.js';
import { loadWcxb } from './lib/wcxb.js';

const { values } = parseArgs({
  options: { type: { type: 'string' }, split: { type: 'string', default: 'all' }, out: { type: 'string', default: '/tmp/meta-diag.jsonl' } },
});

const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
const lines: string[] = [];
let n = 0;
let titleOk = 0;
let dateOk = 0;
let dateN = 0;
const loadOpts = { ...(values.type === undefined ? {} : { type: values.type }), split: values.split as 'all' | 'dev' | 'heldout' };
for (const p of loadWcxb(loadOpts)) {
  const out = extractHtml(p.html, { url: p.url });
  const doc = parseHtml(p.html);
  const { meta, titleSources } = readMetadata(doc, { url: p.url });
  const body = findFirst(doc, (el) => el.name === 'body');
  const raw = body === null ? [] : segment(body);
  const sel = selectMain(raw, body ?? doc.children[0] as never, false);
  const model = loadBlockModel();
  if (model !== null) applyBlockModel(model, raw, sel, false);
  const firstKept = sel.keep.indexOf(true);
  const headings = raw.flatMap((b, i) => (b.kind === 'heading' ? [{ i, text: b.text.slice(0, 400), level: b.level ?? 2, furniture: b.reason, keep: sel.keep[i] === true }] : [])).slice(0, 40);
  const t = headings.find((h) => out.meta.title != null && fold(h.text) === fold(out.meta.title));
  const shown = visibleMeta(raw, t?.i ?? firstKept);
  const pageFold = p.html.replace(/\s+/gu, ' ');
  const titleRight = p.gold.title === null ? null : titleMatches(out.meta.title, p.gold.title);
  const dateRight = p.gold.date === null ? null : sameDay(out.meta.published_at, p.gold.date);
  n++;
  if (titleRight === true) titleOk++;
  if (dateRight !== null) dateN++;
  if (dateRight === true) dateOk++;
  lines.push(JSON.stringify({
    id: p.id, url: p.url, type: p.type, heldOut: p.heldOut,
    gold: p.gold.title === null && p.gold.date === null ? null : { title: p.gold.title, date: p.gold.date, author: p.gold.author },
    got: { title: out.meta.title, date: out.meta.published_at, authors: out.meta.authors, pageType: out.meta.page_type ?? null },
    titleRight, dateRight,
    sources: titleSources, firstKept, headings,
    dates: { markupPublished: meta.published_at, modified: meta.modified_at, shown: shown.date, shownIsUpdate: shown.dateIsUpdate },
    goldDayInPage: p.gold.date === null ? null : pageFold.includes(p.gold.date),
  }));
}
writeFileSync(values.out, `${lines.join('\n')}\n`);
console.log(`${n} pages; title ${titleOk}/${n}, date ${dateOk}/${dateN} -> ${values.out}`);
