// Trains the English NER tagger shipped as models/ner.json from the CC-BY-4.0 corpora in
// ../shared/data/ner (wikigold: Balasuriya et al. 2009; WNUT17: Derczynski et al. 2017; Broad
// Twitter Corpus: Derczynski et al. 2016). Deterministic: files in sorted order, a seeded shuffle.
// Usage: npm run train:ner [-- DATA_DIR [OUT_FILE]]
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Perceptron, TAGS, type Tag } from '../src/enrich/ner/perceptron.js';

const DATA_DIR = process.argv[2] ?? join(import.meta.dirname, '../../shared/data/ner');
const OUT_FILE = process.argv[3] ?? join(import.meta.dirname, '../models/ner.json');
const EPOCHS = 6;
const SEED = 20250710;
/** Every HOLDOUT_EVERY-th wikigold sentence is kept out of training to report a held-out F1. */
const HOLDOUT_EVERY = 10;
/** Features whose largest averaged weight is below this are pruned (keeps the file small). */
const MIN_WEIGHT = 1.0;
const SCALE = 100;

/** Corpus labels to ours; everything else (MISC, product, creative-work) is outside. */
const LABELS: Record<string, string> = {
  PER: 'PER', LOC: 'LOC', ORG: 'ORG', person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG',
};

interface Sentence { words: string[]; tags: Tag[]; source: string }

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(conll|txt|annotated)$/.test(name) && path.includes('/data/')) out.push(path);
  }
  return out;
}

/** Reads CoNLL token/tag lines (space or tab separated, IO or IOB2) into BIO sentences. Twitter
 *  handles, hashtags and links are left out: news text has none. */
function readConll(path: string, source: string): Sentence[] {
  const out: Sentence[] = [];
  let words: string[] = [];
  let tags: Tag[] = [];
  const flush = (): void => {
    if (words.length > 0) out.push({ words, tags, source });
    words = [];
    tags = [];
  };
  let skipNext = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || parts[0] === '-DOCSTART-') { flush(); continue; }
    const word = parts[0]!;
    const raw = parts[parts.length - 1]!;
    if (skipNext) { skipNext = false; continue; }
    if (word === '@') { skipNext = true; continue; }
    if (/^[@#]|^https?:/.test(word)) continue;
    const [prefix, label] = raw === 'O' ? ['O', ''] : [raw.slice(0, 1), raw.slice(2)];
    const type = LABELS[label ?? ''];
    if (!type) { words.push(word); tags.push('O'); continue; }
    const prev = tags[tags.length - 1];
    const continues = prefix === 'I' && (prev === `B-${type}` || prev === `I-${type}`);
    words.push(word);
    tags.push((continues ? `I-${type}` : `B-${type}`) as Tag);
  }
  flush();
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function spans(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  let start = -1;
  for (let i = 0; i <= tags.length; i++) {
    const t = tags[i] ?? 'O';
    if (start >= 0 && !t.startsWith('I-')) { out.add(`${start}-${i}-${tags[start]!.slice(2)}`); start = -1; }
    if (t.startsWith('B-')) start = i;
  }
  return out;
}

function main(): void {
  const all: Sentence[] = [];
  for (const path of files(DATA_DIR)) {
    const source = path.includes('wikigold') ? 'wikigold' : path.includes('WNUT17') ? 'wnut17' : 'btc';
    all.push(...readConll(path, source));
  }
  const heldOut = all.filter((s, i) => s.source === 'wikigold' && i % HOLDOUT_EVERY === 0);
  const train = all.filter((s) => !heldOut.includes(s));
  console.log(`sentences: ${all.length} (train ${train.length}, held-out wikigold ${heldOut.length})`);
  const rand = mulberry32(SEED);
  const model = new Perceptron();
  const order = train.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let right = 0;
    let total = 0;
    for (const idx of order) {
      const s = train[idx]!;
      right += model.train(s.words, s.tags);
      total += s.words.length;
    }
    console.log(`epoch ${epoch + 1}: token accuracy ${(right / total).toFixed(4)}`);
  }
  model.average();
  const file = model.toFile(MIN_WEIGHT, SCALE);
  const shipped = Perceptron.fromFile(file);
  let tp = 0, fp = 0, fn = 0;
  for (const s of heldOut) {
    const gold = spans(s.tags);
    const pred = spans(shipped.tag(s.words));
    for (const p of pred) if (gold.has(p)) tp++; else fp++;
    for (const g of gold) if (!pred.has(g)) fn++;
  }
  const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
  console.log(`held-out wikigold span F1 ${(2 * p * r / Math.max(1e-9, p + r)).toFixed(3)} (P ${p.toFixed(3)} R ${r.toFixed(3)})`);
  const json = JSON.stringify(file);
  writeFileSync(OUT_FILE, json);
  console.log(`wrote ${OUT_FILE}: ${file.features.split('\n').length} features, ${(json.length / 1e6).toFixed(2)} MB, tags ${TAGS.join(' ')}`);
}

main();
