// Scores newsift's HTML extraction against the WCXB gold (../shared/data/wcxb-dev), next to
// Readability.js + linkedom on the same pages in the same run. Prints one table per system, by
// page type and overall, plus the held-out (by site) summary.
//   npm run eval:extract -- [--limit N] [--type article] [--split all|dev|heldout] [--no-peer] [--raw] [--dump FILE.jsonl]
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { extractHtml } from '../src/extract/index.js';
import { cleanExtraction } from '../src/clean/index.js';
import { blocksToText } from '../src/record.js';
import type { Counts } from './lib/score.js';
import { authorsMatch, mean, sameDay, shingleCounts, shingleScore, snippetRates, titleMatches, wordPRF } from './lib/score.js';
import { loadWcxb, wcxbAvailable, WCXB_DIR } from './lib/wcxb.js';
import type { WcxbPage } from './lib/wcxb.js';
import { readabilityExtract } from './lib/readability.js';

interface Output {
  text: string;
  title: string | null;
  authors: string[];
  published_at: string | null;
}

interface PageScore {
  type: string;
  heldOut: boolean;
  hasText: boolean;
  word: { precision: number; recall: number; f1: number };
  shingle: Counts;
  withRate: number | null;
  withoutRate: number | null;
  title: boolean | null;
  author: boolean | null;
  date: boolean | null;
}

function scorePage(p: WcxbPage, out: Output): PageScore {
  const snippets = snippetRates(out.text, p.gold.with, p.gold.without);
  return {
    type: p.type,
    heldOut: p.heldOut,
    hasText: p.gold.text !== '',
    word: wordPRF(out.text, p.gold.text),
    shingle: shingleCounts(out.text, p.gold.text),
    withRate: snippets.with,
    withoutRate: snippets.without,
    title: p.gold.title === null ? null : titleMatches(out.title, p.gold.title),
    author: p.gold.author === null ? null : authorsMatch(out.authors, p.gold.author),
    date: p.gold.date === null ? null : sameDay(out.published_at, p.gold.date),
  };
}

const f3 = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));

function rate(xs: (boolean | null)[]): string {
  const known = xs.filter((x): x is boolean => x !== null);
  return known.length === 0 ? '     -     ' : `${f3(known.filter(Boolean).length / known.length)} (${String(known.length).padStart(3)})`;
}

function row(label: string, s: PageScore[]): string {
  const t = s.filter((x) => x.hasText);
  const sh = shingleScore(t.map((x) => x.shingle));
  const nums = (xs: (number | null)[]): number[] => xs.filter((x): x is number => x !== null);
  return [
    label.padEnd(14), String(s.length).padStart(4),
    f3(mean(t.map((x) => x.word.f1))), f3(mean(t.map((x) => x.word.precision))), f3(mean(t.map((x) => x.word.recall))),
    f3(sh.f1), f3(mean(nums(s.map((x) => x.withRate)))), f3(mean(nums(s.map((x) => x.withoutRate)))),
    rate(s.map((x) => x.title)), rate(s.map((x) => x.author)), rate(s.map((x) => x.date)),
  ].join('  ');
}

function table(name: string, scores: PageScore[]): string {
  const header = ['type'.padEnd(14), '   n', 'wordF1', ' wordP', ' wordR', 'shinF1', ' with ', 'w/out ', 'title (n)  ', 'author (n) ', 'date (n)   '].join('  ');
  const types = [...new Set(scores.map((s) => s.type))].sort();
  const lines = [`${name}`, header];
  for (const t of types) lines.push(row(t, scores.filter((s) => s.type === t)));
  lines.push(row('ALL', scores));
  const held = scores.filter((s) => s.heldOut);
  lines.push(row('held-out art.', held.filter((s) => s.type === 'article')));
  lines.push(row('held-out ALL', held));
  return lines.join('\n');
}

function newsift(p: WcxbPage, raw: boolean): Output {
  const opts = { url: p.url };
  const x = extractHtml(p.html, opts);
  const y = raw ? x : cleanExtraction(x, opts);
  return {
    text: blocksToText(y.blocks),
    title: y.meta.title ?? null,
    authors: y.meta.authors ?? [],
    published_at: y.meta.published_at ?? null,
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      limit: { type: 'string' }, type: { type: 'string' }, split: { type: 'string', default: 'all' },
      'no-peer': { type: 'boolean', default: false }, dump: { type: 'string' }, raw: { type: 'boolean', default: false },
    },
  });
  if (!wcxbAvailable()) {
    console.log(`eval:extract skipped: ${WCXB_DIR} is absent (it ships with the shared data, not the repo).`);
    return;
  }
  const split = values.split as 'all' | 'dev' | 'heldout';
  const pages = loadWcxb({
    ...(values.limit !== undefined && { limit: Number(values.limit) }),
    ...(values.type !== undefined && { type: values.type }),
    split,
  });
  const ours: PageScore[] = [];
  const peer: PageScore[] = [];
  let msOurs = 0;
  let msPeer = 0;
  const dump: string[] = [];
  for (const p of pages) {
    let t0 = performance.now();
    const got = newsift(p, values.raw === true);
    const s = scorePage(p, got);
    ours.push(s);
    msOurs += performance.now() - t0;
    if (values.dump !== undefined) {
      dump.push(JSON.stringify({ id: p.id, type: p.type, heldOut: p.heldOut, word: s.word, title: [got.title, p.gold.title], authors: [got.authors, p.gold.author], date: [got.published_at, p.gold.date] }));
    }
    if (values['no-peer'] !== true) {
      t0 = performance.now();
      let out: Output;
      try {
        out = readabilityExtract(p.html, p.url);
      } catch {
        out = { text: '', title: null, authors: [], published_at: null };
      }
      msPeer += performance.now() - t0;
      peer.push(scorePage(p, out));
    }
  }
  if (values.dump !== undefined) writeFileSync(values.dump, `${dump.join('\n')}\n`);
  console.log(table(`newsift (extractHtml${values.raw === true ? '' : ' + cleanExtraction'})  ${ours.length} pages, ${(msOurs / 1000).toFixed(1)} s`, ours));
  if (peer.length > 0) console.log(`\n${table(`Readability.js 0.6 + linkedom  ${peer.length} pages, ${(msPeer / 1000).toFixed(1)} s`, peer)}`);
  console.log('\nword F1/P/R: mean per page over pages with gold text; shingle F1: 4-word shingles, normalised per page;');
  console.log('title/author/date: share correct on pages with gold for it (n). Data: WCXB, Murrough Foley, 2026 (CC-BY-4.0).');
}

main();
