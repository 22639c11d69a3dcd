// `npm run eval:text`: text mode on the WCXB development pages rendered to page text, 5-fold by
// site (each page is scored by a model that never saw its site), next to two baselines computed
// in the same run (whole text, C4's line rules), plus seed-like variants of every page (an error
// banner on top, HTTP 403, the article's paragraphs printed a second time) and page-type accuracy.
// Data: WCXB, Murrough Foley, 2026 (CC-BY-4.0).
import { writeFileSync } from 'node:fs';
import { extractTextWith } from '../src/textmode/index.js';
import { cleanExtraction } from '../src/clean/index.js';
import { blocksToText } from '../src/record.js';
import { shingleCounts, shingleScore, wordPRF, type Counts } from './lib/score.js';
import { FOLDS, loadTextPages, trainLineModel, wcxbAvailable, type TextPage } from './text-data.js';
import { c4Lines, wholeText } from './text-baselines.js';

/** Banners put on top of the seed-like variants (written for this evaluation, several styles). */
const BANNERS = [
  ['Sorry!!', "Error! We're sorry, but the page you were looking for doesn't exist."],
  ['Oops!', 'Page not found', 'Back to homepage'],
  ['404', 'The page you requested could not be found.'],
  ['Seite nicht gefunden', 'Die gesuchte Seite existiert nicht.'],
];

type System = 'textmode' | 'whole' | 'c4' | 'seedlike' | 'no_fill' | 't0.4' | 'no_url';
/** EVAL_VARIANTS=1 adds text mode without hole filling, with a lower threshold (sensitivity), and
 *  without the page's URL (records that lack one: no page-type model, rules and one threshold). */
const VARIANTS = process.env['EVAL_VARIANTS'] === '1';
const SYSTEMS: System[] = ['textmode', 'seedlike', 'c4', 'whole', ...(VARIANTS ? (['no_fill', 't0.4', 'no_url'] as System[]) : [])];
/** EVAL_DUMP=file.jsonl writes one line per scored page (id, url, types, word F1s) for error analysis. */
const DUMP = process.env['EVAL_DUMP'];
/** EVAL_FOLDS=0,2 scores only those held-out folds (quick iteration; the full run scores all). */
const ONLY_FOLDS = process.env['EVAL_FOLDS']?.split(',').map(Number).filter((f) => Number.isInteger(f) && f >= 0 && f < FOLDS);

/** The seed's shape: a banner above, and the article's own lines printed a second time after it. */
function seedLike(p: TextPage, k: number): string {
  const lines = p.text.split('\n');
  const content = p.lines.filter((_, i) => p.labels[i] === 1).map((l) => l.raw);
  const lastContent = p.lines.reduce((last, l, i) => (p.labels[i] === 1 ? l.position : last), -1);
  const banner = BANNERS[k % BANNERS.length] ?? [];
  return [...banner, ...lines.slice(0, lastContent + 1), ...content, ...lines.slice(lastContent + 1)].join('\n');
}

interface Score { word: number; shingle: Counts }

function main(): void {
  if (!wcxbAvailable()) {
    console.log('eval:text skipped: ../shared/data/wcxb-dev is absent');
    return;
  }
  const t0 = Date.now();
  const limit = process.env['EVAL_LIMIT'] ? Number(process.env['EVAL_LIMIT']) : undefined;
  const pages = loadTextPages(limit);
  process.stderr.write(`${pages.length} pages loaded at ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  const tLoad = Date.now();
  const scores = new Map<System, Map<string, Score[]>>(SYSTEMS.map((s) => [s, new Map()]));
  const typeHits: Array<[string, string]> = [];
  const dump: string[] = [];
  const add = (sys: System, type: string, out: string, gold: string): void => {
    const byType = scores.get(sys) as Map<string, Score[]>;
    const s = { word: wordPRF(out, gold).f1, shingle: shingleCounts(out, gold) };
    for (const key of [type, 'all']) byType.set(key, [...(byType.get(key) ?? []), s]);
  };

  for (let fold = 0; fold < FOLDS; fold++) {
    if (ONLY_FOLDS !== undefined && ONLY_FOLDS.length > 0 && !ONLY_FOLDS.includes(fold)) continue;
    const model = trainLineModel(pages.filter((p) => p.fold !== fold));
    process.stderr.write(`fold ${fold + 1}/${FOLDS} trained at ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    const foldScores: Array<[string, number, number]> = [];
    let foldTypeHits = 0;
    pages.filter((p) => p.fold === fold).forEach((p, k) => {
      if (p.gold.trim() === '') return; // 21 pages have no gold text: nothing to score
      const opts = { url: p.url };
      const x = cleanExtraction(extractTextWith(p.text, opts, model), opts);
      const out = blocksToText(x.blocks);
      add('textmode', p.type, out, p.gold);
      const f1 = wordPRF(out, p.gold);
      const c4 = wordPRF(c4Lines(p.text), p.gold).f1;
      if (DUMP) dump.push(JSON.stringify({ id: p.id, url: p.url, type: p.type, predicted: x.meta.page_type, f1, c4 }));
      typeHits.push([p.type, x.meta.page_type ?? 'none']);
      foldScores.push([p.type, f1.f1, c4]);
      if (p.type === x.meta.page_type) foldTypeHits++;
      const variantOpts = { url: p.url, http_status: 403 };
      const v = cleanExtraction(extractTextWith(seedLike(p, k), variantOpts, model), variantOpts);
      add('seedlike', p.type, v.meta.page_type === 'error' ? '' : blocksToText(v.blocks), p.gold);
      if (VARIANTS) {
        add('no_fill', p.type, blocksToText(cleanExtraction(extractTextWith(p.text, opts, model, { fill: false }), opts).blocks), p.gold);
        add('t0.4', p.type, blocksToText(cleanExtraction(extractTextWith(p.text, opts, model, { threshold: 0.4 }), opts).blocks), p.gold);
        add('no_url', p.type, blocksToText(cleanExtraction(extractTextWith(p.text, {}, model), {}).blocks), p.gold);
      }
      add('whole', p.type, wholeText(p.text), p.gold);
      add('c4', p.type, c4Lines(p.text), p.gold);
    });
    // Progress: this fold's figures, so a slow run can be judged before it ends.
    const avg = (rows: Array<[string, number, number]>, k: 1 | 2): string => (rows.reduce((a, r) => a + r[k], 0) / Math.max(rows.length, 1)).toFixed(3);
    const art = foldScores.filter(([t]) => t === 'article');
    process.stderr.write(`fold ${fold + 1}: all ${avg(foldScores, 1)} (C4 ${avg(foldScores, 2)}), article ${avg(art, 1)} (C4 ${avg(art, 2)}), type ${(foldTypeHits / Math.max(foldScores.length, 1)).toFixed(3)}, n ${foldScores.length}, at ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  }

  if (DUMP) writeFileSync(DUMP, `${dump.join('\n')}\n`);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const types = [...(scores.get('textmode') as Map<string, Score[]>).keys()].sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)));
  console.log(`text mode on WCXB dev rendered to page text, ${FOLDS}-fold by site (WCXB, Murrough Foley, 2026)`);
  if (ONLY_FOLDS !== undefined && ONLY_FOLDS.length > 0) console.log(`only folds ${ONLY_FOLDS.join(',')} (EVAL_FOLDS): not the full figures`);
  console.log(`${pages.length} pages loaded in ${((tLoad - t0) / 1000).toFixed(1)} s\n`);
  console.log('word F1 (mean per page) | shingle F1');
  console.log(['type'.padEnd(14), 'n'.padStart(5), ...SYSTEMS.map((s) => s.padStart(10)), ...SYSTEMS.map((s) => `sh:${s}`.padStart(12))].join(' '));
  for (const type of types) {
    const cells = SYSTEMS.map((s) => mean(((scores.get(s) as Map<string, Score[]>).get(type) ?? []).map((x) => x.word)).toFixed(3).padStart(10));
    const sh = SYSTEMS.map((s) => shingleScore(((scores.get(s) as Map<string, Score[]>).get(type) ?? []).map((x) => x.shingle)).f1.toFixed(3).padStart(12));
    const n = String(((scores.get('textmode') as Map<string, Score[]>).get(type) ?? []).length).padStart(5);
    console.log([type.padEnd(14), n, ...cells, ...sh].join(' '));
  }
  const correct = typeHits.filter(([g, p]) => g === p).length;
  console.log(`\npage type accuracy: ${(correct / Math.max(typeHits.length, 1)).toFixed(3)} (${correct}/${typeHits.length})`);
  const confusion = new Map<string, number>();
  for (const [g, p] of typeHits) if (g !== p) confusion.set(`${g} -> ${p}`, (confusion.get(`${g} -> ${p}`) ?? 0) + 1);
  console.log('most common confusions:', [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', '));
  console.log(`\ntotal ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
