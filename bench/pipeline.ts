// Cost of language id and every filter stage against the cost of extraction, on the same pages in
// the same run (target: all filters together under 10% of extraction). Costs are CPU time of this
// process (process.cpuUsage), which a busy shared machine inflates far less than wall time; wall
// time is printed beside it. Pages: WCXB dev pages when
// ../shared is present, else samples/*.html. Extraction is loaded dynamically; when it is missing,
// the bench falls back to the page's tag-stripped text and says so.
//   npm run bench:pipeline -- [--limit N] [--preset news|fineweb]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFilterStages, resolveConfig } from '../src/config.js';
import { enrichStage } from '../src/enrich/index.js';
import { type Block, type Doc, type Extraction, type ExtractOptions, emptyMeta, isDrop } from '../src/record.js';
import { loadWcxb, wcxbAvailable } from '../eval/lib/wcxb.js';

type Extract = (html: string, opts: ExtractOptions) => Extraction;

const EXTRACTION = '(extraction)';
/** Pages run once unmeasured first, so the JIT has compiled the hot paths of both passes. */
const WARMUP_PAGES = 50;

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
  const filters = buildFilterStages(config);
  // The stages after extraction as the pipeline runs them: filters, then enrichment (entities,
  // times, events; target under 10 ms per 3 KB article), which is reported apart from the filters.
  const stages = [...filters, enrichStage];
  for (const s of stages) await s.init?.();
  // Enrichment runs in a pass of its own over the documents the filters kept, so its garbage is not
  // collected (and billed) inside a filter, nor theirs inside it.
  const passes = [filters, [enrichStage]];
  const ctx = { options: {} };

  // Two passes: all extractions, then all filter stages. Costs are CPU time, which other processes
  // on the machine barely affect; and garbage from extraction is mostly collected in its own pass
  // rather than billed to whichever filter happens to trigger the collection.
  const cpu = new Map<string, number>(stages.map((s) => [s.name, 0]));
  const wall = new Map<string, number>(stages.map((s) => [s.name, 0]));
  const seen = new Map<string, number>(stages.map((s) => [s.name, 0]));
  const drops = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(since);
    return (d.user + d.system) / 1000;
  };
  const warmup = pages.slice(0, WARMUP_PAGES);
  for (const p of warmup) extract(p.html, { url: p.url });
  const extracted: Array<{ input: Input; x: Extraction }> = [];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const input of pages) extracted.push({ input, x: extract(input.html, { url: input.url }) });
  add(cpu, EXTRACTION, cpuMs(c0));
  add(wall, EXTRACTION, performance.now() - t0);

  let enrichedChars = 0;
  /** Runs `pass` on a document; returns it, or null when a stage dropped it. */
  const runPass = async (pass: typeof stages, start: Doc, measured: boolean): Promise<Doc | null> => {
    let doc = start;
    for (const s of pass) {
      const c1 = process.cpuUsage();
      const t1 = performance.now();
      const out = await s.apply(doc, ctx);
      if (measured) {
        if (s === enrichStage) enrichedChars += doc.blocks.reduce((n, b) => n + b.text.length, 0);
        add(wall, s.name, performance.now() - t1);
        add(cpu, s.name, cpuMs(c1));
        add(seen, s.name, 1);
      }
      if (isDrop(out)) {
        if (measured) add(drops, out.drop, 1);
        return null;
      }
      doc = out;
    }
    return doc;
  };
  let docs = extracted.map(({ input, x }) => toDoc(input, x));
  for (const pass of passes) {
    for (const doc of docs.slice(0, WARMUP_PAGES)) await runPass(pass, structuredClone(doc), false);
    const kept: Doc[] = [];
    for (const doc of docs) {
      const out = await runPass(pass, doc, true);
      if (out !== null) kept.push(out);
    }
    docs = kept;
  }

  const n = pages.length;
  const extractCpu = cpu.get(EXTRACTION) ?? 0;
  const pct = (v: number) => `${((100 * v) / extractCpu).toFixed(2)}%`;
  const row = (name: string, docs: number, c: number, w: number, share: string) =>
    console.log(`${name.padEnd(20)}${String(docs).padStart(6)}${c.toFixed(0).padStart(10)}${(c / Math.max(1, docs)).toFixed(3).padStart(10)}${(w / Math.max(1, docs)).toFixed(3).padStart(11)}${share.padStart(15)}`);
  console.log(`pages: ${n} ${source}; preset ${config.preset}; extraction: ${name}`);
  console.log(`${'stage'.padEnd(20)}${'docs'.padStart(6)}${'cpu ms'.padStart(10)}${'cpu/doc'.padStart(10)}${'wall/doc'.padStart(11)}${'of extraction'.padStart(15)}`);
  row('extraction', n, extractCpu, wall.get(EXTRACTION) ?? 0, '100%');
  let filtersCpu = 0;
  for (const s of stages) {
    const c = cpu.get(s.name) ?? 0;
    if (s !== enrichStage) filtersCpu += c;
    row(s.name, seen.get(s.name) ?? 0, c, wall.get(s.name) ?? 0, pct(c));
  }
  console.log(`all filter stages: ${filtersCpu.toFixed(0)} cpu ms = ${pct(filtersCpu)} of extraction (target < 10%)`);
  const enriched = seen.get(enrichStage.name) ?? 0;
  const kb = enrichedChars / Math.max(1, enriched) / 1000;
  const perArticle = (cpu.get(enrichStage.name) ?? 0) / Math.max(1, enriched);
  console.log(`enrichment: ${perArticle.toFixed(2)} cpu ms per article of ${kb.toFixed(1)} K characters on average, ${(perArticle * 3 / Math.max(0.001, kb)).toFixed(2)} ms per 3 K characters (target < 10 ms per 3 KB article; bench:enrich times 3 KB articles alone)`);
  if (drops.size > 0) console.log(`drops: ${JSON.stringify(Object.fromEntries([...drops].sort((a, b) => b[1] - a[1])))}`);
}

await main();
