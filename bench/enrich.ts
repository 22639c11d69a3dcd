// Cost of enrichment: model and gazetteer load time in this process, then milliseconds per ~3 KB
// English article on one core, next to compromise@14 (people/places/organizations only, no times
// or events) measured on the same articles in the same run.
// Usage: npx tsx bench/enrich.ts [ROUNDS]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Rounds of the 4 articles: the first ~20 are still JIT-compiling chrono, luxon and the tagger (a
 *  thread in a run enriches thousands of articles), so the median of 150 is the steady-state cost. */
const ROUNDS = Number(process.argv[2] ?? 150);
const ARTICLE_BYTES = 3000;

const t0 = performance.now();
const { enrichText } = await import('../src/enrich/index.js');
const { nerModel } = await import('../src/enrich/ner/model.js');
const { lookupPlace } = await import('../src/enrich/gazetteer.js');
const tImport = performance.now();
nerModel();
const tModel = performance.now();
lookupPlace('London');
const tGaz = performance.now();

// ~3 KB articles: consecutive annotated paragraphs, joined as paragraphs of one text.
const items = (JSON.parse(readFileSync(join(import.meta.dirname, '../eval/data/events/paragraphs.json'), 'utf8')) as {
  items: { text: string; reference: string }[];
}).items;
const articles: { text: string; reference: string }[] = [];
let current: string[] = [];
for (const item of items) {
  current.push(item.text);
  if (current.join('\n\n').length >= ARTICLE_BYTES) {
    articles.push({ text: current.join('\n\n'), reference: item.reference });
    current = [];
  }
}

/** CPU milliseconds (user + system) per article, as the mean and median over all rounds and the best round:
 *  on a shared machine, wall time measures the neighbours as much as the code, and even CPU time
 *  swells when cores are oversubscribed; the best round is the closest to an idle core. */
function time(run: (a: { text: string; reference: string }) => void): { mean: number; median: number; best: number } {
  for (const a of articles) run(a);
  let total = 0;
  let best = Infinity;
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.cpuUsage();
    for (const a of articles) run(a);
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000 / articles.length;
    total += ms;
    best = Math.min(best, ms);
    rounds.push(ms);
  }
  rounds.sort((a, b) => a - b);
  return { mean: total / ROUNDS, median: rounds[Math.floor(ROUNDS / 2)] ?? NaN, best };
}

const ours = time((a) => enrichText({ title: null, text: a.text, published_at: a.reference, fetched_at: null }));
const nlp = (await import('compromise')).default;
const peer = time((a) => {
  const doc = nlp(a.text);
  doc.people().out('array');
  doc.places().out('array');
  doc.organizations().out('array');
});
const bytes = articles.reduce((s, a) => s + a.text.length, 0) / articles.length;
console.log(`load: modules ${(tImport - t0).toFixed(0)} ms, NER model ${(tModel - tImport).toFixed(0)} ms, gazetteers ${(tGaz - tModel).toFixed(0)} ms`);
console.log(`${articles.length} articles of ${bytes.toFixed(0)} chars, ${ROUNDS} rounds`);
const fmt = (t: { mean: number; median: number; best: number }): string =>
  `${t.mean.toFixed(2)} mean / ${t.median.toFixed(2)} median / ${t.best.toFixed(2)} best CPU ms/article`;
console.log(`newsift enrich (entities, times, events): ${fmt(ours)}`);
console.log(`compromise@14 (people, places, organizations only): ${fmt(peer)}`);
console.log(`ratio newsift / compromise: ${(ours.mean / peer.mean).toFixed(2)}x mean, ${(ours.best / peer.best).toFixed(2)}x best`);
