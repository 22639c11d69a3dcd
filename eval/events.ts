// Scores entities and events on the hand-annotated paragraphs in eval/data/events/ (issue 7):
// entity F1 per type (same type and same normalised name), event F1 (type, participant set,
// place and day all match), and time accuracy (exact UTC minute where the gold gives a time).
// Dev and test splits are reported apart, in all and per annotation set (the id's letter: `e` the
// first set, `n` the second one on clock times and zones); `--show` prints dev mistakes (never test
// ones). Usage: npm run eval:events [-- --show] [-- --dev-only]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrichText } from '../src/enrich/index.js';
import type { Enrichment, NewsEvent } from '../src/enrich/types.js';

interface GoldEvent { type: string; participants: string[]; place: string | null; day: string | null; utc?: string; status: string }
interface Item {
  id: string; split: 'dev' | 'test'; reference: string; text: string;
  people: string[]; organizations: string[]; places: string[]; events: GoldEvent[];
}

const DATA = join(import.meta.dirname, 'data/events/paragraphs.json');
const TYPES = ['people', 'organizations', 'places'] as const;
const SHOW = process.argv.includes('--show');
/** Test mistakes, for the final report only: reading them while tuning defeats the split. */
const SHOW_TEST = process.argv.includes('--show-test');

export function norm(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/^the /, '').replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

function alternatives(gold: string): Set<string> {
  return new Set(gold.split('|').map(norm));
}

interface Counts { tp: number; fp: number; fn: number }
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const f1 = (c: Counts): number => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

/** Greedy one-to-one matching; returns matched pairs' count. */
function matchCount<G, P>(gold: G[], pred: P[], same: (g: G, p: P) => boolean): { tp: number; missed: G[]; extra: P[] } {
  const used = new Set<number>();
  const missed: G[] = [];
  for (const g of gold) {
    const k = pred.findIndex((p, i) => !used.has(i) && same(g, p));
    if (k >= 0) used.add(k); else missed.push(g);
  }
  return { tp: used.size, missed, extra: pred.filter((_, i) => !used.has(i)) };
}

function participantsMatch(gold: string[], pred: NewsEvent['participants']): boolean {
  if (gold.length !== pred.length) return false;
  return matchCount(gold, pred, (g, p) => alternatives(g).has(norm(p.name))).tp === gold.length;
}

function eventMatch(g: GoldEvent, p: NewsEvent): boolean {
  const day = p.when ? p.when.local.slice(0, 10) : null;
  const place = p.place ? norm(p.place.name) : null;
  const placeOk = g.place === null ? place === null : place !== null && alternatives(g.place).has(place);
  return g.type === p.type && participantsMatch(g.participants, p.participants) && placeOk && g.day === day;
}

interface SplitScore { entities: Record<string, Counts>; events: Counts; times: { right: number; total: number }; items: number; ms: number }

function score(items: Item[], split: string, show = true): SplitScore {
  const s: SplitScore = { entities: { people: zero(), organizations: zero(), places: zero() }, events: zero(), times: { right: 0, total: 0 }, items: 0, ms: 0 };
  for (const item of items.filter((i) => i.split === split)) {
    s.items++;
    const t0 = performance.now();
    const out: Enrichment = enrichText({ title: null, text: item.text, published_at: item.reference, fetched_at: null, language: 'en' });
    s.ms += performance.now() - t0;
    const notes: string[] = [];
    for (const type of TYPES) {
      const pred = out.entities[type].map((e) => [e.name, ...('aliases' in e && e.aliases ? e.aliases : [])].map(norm));
      const m = matchCount(item[type], pred, (g, p) => p.some((n) => alternatives(g).has(n)));
      const c = s.entities[type]!;
      c.tp += m.tp; c.fn += m.missed.length; c.fp += m.extra.length;
      if (m.missed.length + m.extra.length > 0) notes.push(`  ${type}: missed ${JSON.stringify(m.missed)} extra ${JSON.stringify(m.extra.map((x) => x[0]))}`);
    }
    const m = matchCount(item.events, out.events, eventMatch);
    s.events.tp += m.tp; s.events.fn += m.missed.length; s.events.fp += m.extra.length;
    if (m.missed.length + m.extra.length > 0) {
      notes.push(`  events missed ${JSON.stringify(m.missed)}`);
      for (const e of m.extra) notes.push(`  events extra ${JSON.stringify({ type: e.type, participants: e.participants.map((p) => p.name), place: e.place?.name ?? null, day: e.when?.local ?? null, status: e.status })}`);
    }
    for (const g of item.events.filter((e) => e.utc)) {
      s.times.total++;
      const p = out.events.find((e) => e.type === g.type && participantsMatch(g.participants, e.participants));
      const utc = p?.when?.utc ? p.when.utc.slice(0, 16) : null;
      if (utc === g.utc!.replace(/Z$/, '').slice(0, 16)) s.times.right++;
      else notes.push(`  time: gold ${g.utc} got ${p?.when?.utc ?? 'none'}`);
    }
    if (show && (SHOW && split === 'dev' || SHOW_TEST && split === 'test') && notes.length > 0) console.log(`${item.id}: ${item.text}\n${notes.join('\n')}`);
  }
  return s;
}

function report(name: string, s: SplitScore): void {
  const all = Object.values(s.entities).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), zero());
  const ent = TYPES.map((t) => `${t} ${f1(s.entities[t]!).toFixed(3)}`).join(', ');
  console.log(`${name} (${s.items} paragraphs): entity F1 ${f1(all).toFixed(3)} (${ent}); event F1 ${f1(s.events).toFixed(3)} `
    + `(tp ${s.events.tp} fp ${s.events.fp} fn ${s.events.fn}); time accuracy ${(s.times.right / Math.max(1, s.times.total)).toFixed(3)} `
    + `(${s.times.right}/${s.times.total}); ${(s.ms / Math.max(1, s.items)).toFixed(2)} ms/paragraph`);
}

const items = (JSON.parse(readFileSync(DATA, 'utf8')) as { items: Item[] }).items;
enrichText({ title: null, text: 'Warm-up in Paris.', published_at: '2025-01-01', fetched_at: null });
const splits = process.argv.includes('--dev-only') ? ['dev'] : ['dev', 'test'];
/** Annotation sets, by the letter their ids start with. */
const sets = [...new Set(items.map((i) => i.id.charAt(0)))];
for (const split of splits) {
  report(split, score(items, split));
  for (const set of sets) report(`  ${split} set ${set}`, score(items.filter((i) => i.id.startsWith(set)), split, false));
}
