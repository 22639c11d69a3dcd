// Cost of the limits stage (src/limits.ts) per 100 KB of HTML and of page text, against the parse
// the extractor does anyway on the same page (htmlparser2's parseDocument, src/extract/dom.ts), in
// the same run. Pages are the HTML samples, repeated inside one <body> to 100 KB.
// Run: node --import tsx bench/limits.ts [rounds]
import { readFileSync } from 'node:fs';
import { parseHtml } from '../src/extract/dom.js';
import { checkStructure, longestLine } from '../src/limits.js';
import { newDoc } from '../src/pipeline.js';
import type { Page } from '../src/record.js';
import { DEFAULT_PIPELINE_CONFIG } from '../src/run/setup.js';

const ROUNDS = Number(process.argv[2] ?? 200);
const PAGE_CHARS = 100 * 1024;

function grow(unit: string): string {
  let out = '';
  while (out.length < PAGE_CHARS) out += unit;
  return out.slice(0, PAGE_CHARS);
}

const samples = ['bayport-ferry-terminal.html', 'riverside-bakery-coop.html', 'valmont-marche-1252.html']
  .map((name) => readFileSync(new URL(`../samples/${name}`, import.meta.url), 'latin1'));
const body = (html: string): string => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
const html = `<!DOCTYPE html><html><head><title>t</title></head><body>${grow(samples.map(body).join('\n'))}</body></html>`;
const text = grow(readFileSync(new URL('../samples/coastline-storm.txt', import.meta.url), 'utf8'));

const page = (content: string, format: Page['format']): Page => ({
  input: 'bench', position: 0, url: null, fetched_at: null, http_status: null, headers: {}, format, content,
});
const limits = DEFAULT_PIPELINE_CONFIG.limits;

/** Mean ms per call over ROUNDS after a warm-up of ROUNDS / 10. */
function time(fn: () => unknown): number {
  for (let i = 0; i < Math.max(1, ROUNDS / 10); i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) fn();
  return (performance.now() - t0) / ROUNDS;
}

const htmlDoc = newDoc(page(html, 'html'), 'bench');
const textDoc = newDoc(page(text, 'text'), 'bench');
const scan = time(() => checkStructure(htmlDoc, limits));
const parse = time(() => parseHtml(html));
const lines = time(() => checkStructure(textDoc, limits));
const f = (ms: number): string => ms.toFixed(3);
console.log(`HTML page ${html.length} chars, ${ROUNDS} rounds`);
console.log(`  limits stage (scan)        ${f(scan)} ms`);
console.log(`  parseDocument (extractor)  ${f(parse)} ms   scan/parse = ${(scan / parse).toFixed(2)}`);
console.log(`text page ${text.length} chars, longest line ${longestLine(text)}`);
console.log(`  limits stage (lines)       ${f(lines)} ms`);
