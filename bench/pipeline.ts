// Cost of language id and every filter stage against the cost of extraction, on the same pages in
// the same run (target: all filters together under 10% of extraction). Pages: WCXB dev pages when
// ../shared is present, else samples/*.html. Extraction is loaded dynamically; when it is missing,
// the bench falls back to the page's tag-stripped text and says so.
//   npm run bench:pipeline -- [--limit N] [--preset news|fineweb]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFilterStages, resolveConfig } from '../src/config.js';
import { type Block, type Doc, type Extraction, type ExtractOptions, emptyMeta, isDrop } from '../src/record.js';
import { loadWcxb, wcxbAvailable } from '../eval/lib/wcxb.js';

type Extract = (html: string, opts: ExtractOptions) => Extraction;

interface Input {
  html: string;
  url: string;
}

/** Full extraction as the pipeline runs it (extract + shared cleaner), or a crude fallback. */
async function loadExtractor(): Promise<{ extract: Extract; name: string }> {
  try {
    const { extractHtml } = await import('../src/extract/index.js');
    try {
      const { cleanExtraction } = await import('../src/clean/index.js');
      return { extract: (h, o) => cleanExtraction(extractHtml(h, o), o), name: 'extractHtml + cleanExtraction' };
    } catch {
      return { extract: extractHtml, name: 'extractHtml' };
    }
  } catch {
    const strip = (html: string): Extraction => {
      const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, '\n');
      const blocks: Block[] = text.split(/\n+/).map((t) => t.trim()).filter((t) => t.length > 0)
        .map((t, position) => ({ text: t, kind: 'paragraph', position }));
      return { blocks, removed: [], meta: {} };
    };
    return { extract: strip, name: 'tag stripping (src/extract is not available)' };
  }
}

function loadInputs(limit: number): { pages: Input[]; source: string } {
  if (wcxbAvailable()) return { pages: [...loadWcxb({ limit })].map((p) => ({ html: p.html, url: p.url })), source: 'WCXB dev pages' };
  const dir = new URL('../samples/', import.meta.url).pathname;
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.html?$/u.test(f)) : [];
  return { pages: files.map((f) => ({ html: readFileSync(join(dir, f), 'utf8'), url: `file:///${f}` })), source: 'samples/*.html' };
}

function toDoc(input: Input, x: Extraction): Doc {
  const meta = { ...emptyMeta(), ...Object.fromEntries(Object.entries(x.meta).filter(([, v]) => v !== undefined)) };
  return {
    page: { input: 'bench', position: 0, url: input.url, fetched_at: null, http_status: 200, headers: {}, format: 'html', content: input.html },
    id: input.url, blocks: x.blocks, removed: x.removed, meta, annotations: {},
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { limit: { type: 'string', default: '300' }, preset: { type: 'string', default: 'news' } } });
  const { pages, source } = loadInputs(Number(values.limit));
  const { extract, name } = await loadExtractor();
  // Every filter runs (news marks, fineweb drops); PII redaction is measured too.
  const config = resolveConfig({ env: {}, flags: { preset: values.preset, redact_pii: true } });
  const stages = buildFilterStages(config);
  for (const s of stages) await s.init?.();
  const ctx = { options: {} };

  for (const p of pages.slice(0, 20)) extract(p.html, { url: p.url }); // warm the JIT
  let extractMs = 0;
  const extracted: Array<{ input: Input; x: Extraction }> = [];
  for (const input of pages) {
    const t0 = performance.now();
    const x = extract(input.html, { url: input.url });
    extractMs += performance.now() - t0;
    extracted.push({ input, x });
  }

  for (const { input, x } of extracted.slice(0, 20)) {
    let doc = toDoc(input, structuredClone(x));
    for (const s of stages) {
      const out = await s.apply(doc, ctx);
      if (isDrop(out)) break;
      doc = out;
    }
  }
  const ms = new Map<string, number>(stages.map((s) => [s.name, 0]));
  const seen = new Map<string, number>(stages.map((s) => [s.name, 0]));
  const drops = new Map<string, number>();
  for (const { input, x } of extracted) {
    let doc = toDoc(input, x);
    for (const s of stages) {
      const t0 = performance.now();
      const out = await s.apply(doc, ctx);
      ms.set(s.name, (ms.get(s.name) ?? 0) + performance.now() - t0);
      seen.set(s.name, (seen.get(s.name) ?? 0) + 1);
      if (isDrop(out)) {
        drops.set(out.drop, (drops.get(out.drop) ?? 0) + 1);
        break;
      }
      doc = out;
    }
  }

  const n = pages.length;
  const pct = (v: number) => `${((100 * v) / extractMs).toFixed(2)}%`;
  console.log(`pages: ${n} ${source}; preset ${config.preset}; extraction: ${name}`);
  console.log(`${'stage'.padEnd(20)}${'docs'.padStart(6)}${'total ms'.padStart(11)}${'ms/doc'.padStart(9)}${'of extraction'.padStart(15)}`);
  console.log(`${'extraction'.padEnd(20)}${String(n).padStart(6)}${extractMs.toFixed(0).padStart(11)}${(extractMs / n).toFixed(3).padStart(9)}${'100%'.padStart(15)}`);
  let filtersMs = 0;
  for (const s of stages) {
    const t = ms.get(s.name) ?? 0;
    filtersMs += t;
    const docs = seen.get(s.name) ?? 0;
    console.log(`${s.name.padEnd(20)}${String(docs).padStart(6)}${t.toFixed(0).padStart(11)}${(t / Math.max(1, docs)).toFixed(3).padStart(9)}${pct(t).padStart(15)}`);
  }
  console.log(`all filter stages: ${filtersMs.toFixed(0)} ms = ${pct(filtersMs)} of extraction (target < 10%)`);
  if (drops.size > 0) console.log(`drops: ${JSON.stringify(Object.fromEntries([...drops].sort((a, b) => b[1] - a[1])))}`);
}

await main();
