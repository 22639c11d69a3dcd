// Finds entity mentions in sentences by combining, in order of trust: titles before names (in-article
// cues), organisation name patterns, acronyms, gazetteer places, and the statistical NER tagger.
// Overlaps are settled by that order, then by length.
import type { Sentence } from './tokenize.js';
import { nerModel } from './ner/model.js';
import { isZoneAbbreviation } from './times.js';
import { demonymCountry, lookupPlace, placeFirstWords } from './gazetteer.js';
import { COUNTRY_ALIASES, DEMONYMS, NOT_NAME_STARTERS, ORG_HEADS, PERSON_TITLES, TITLE_WORDS } from './lexicon.js';

export type EntityType = 'PER' | 'ORG' | 'LOC';

export interface Mention {
  type: EntityType;
  text: string;
  sentence: number;
  /** Token range [start, end) within the sentence. */
  start: number;
  end: number;
  charStart: number;
  charEnd: number;
  /** Words before a person that say who they are ("Russian Foreign Minister"). */
  role?: string;
  /** Country code the role names (from "Russian", "US", "Ontario"). */
  roleCountry?: string;
  /** The name when it is not the text itself ("ASEAN Regional Forum" for "Regional Forum"). */
  name?: string;
  /** Acronym written in brackets right after an organisation's name. */
  acronym?: string;
  /** A bare head word ("Commission"): kept only if it names an organisation found in full. */
  weak?: boolean;
  /** How it was found, which also ranks it: title 4, org 3, acronym 2.5, place 2, ner 1. */
  priority: number;
}

/** Lower-case particles inside names ("bin", "da", "von der"). */
const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'da', 'de', 'del', 'della', 'di',
  'do', 'dos', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'abu']);
const NAME_SUFFIX_RE = /^(Jr|Sr|[IVX]{1,4})$/;
const ARABIC_PREFIX_RE = /^(al|el|bin|ibn|abu)-\p{Lu}/u;
/** Single head words that name one organisation on their own. */
const STANDALONE_ORGS = new Set(['kremlin', 'pentagon']);
/** All-capital words that are not organisations (time zones, titles, units). */
const NOT_ACRONYMS = new Set(['CEO', 'CFO', 'AI', 'TV', 'GMT', 'UTC', 'BST', 'IST', 'CST', 'EST', 'EDT',
  'CDT', 'PST', 'PDT', 'CET', 'CEST', 'EET', 'EEST', 'MSK', 'JST', 'KST', 'AEST', 'AM', 'PM', 'GDP',
  'COVID', 'OK', 'I', 'A', 'MP', 'MPS', 'PR', 'ID', 'USD', 'EUR', 'VIP', 'CNN']);
const ORG_CONNECTORS = new Set(['of', 'for', '&']);
/** Words after which "of X" / "for X" names a company or body ("chief executive of Nvidia"). */
const ORG_CUES = new Set(['shares', 'stock', 'executive', 'ceo', 'chairman', 'chairwoman', 'founder',
  'spokesperson', 'spokesman', 'spokeswoman', 'owner', 'boss', 'unit', 'subsidiary', 'employees', 'staff']);

interface Words {
  words: string[];
  lower: string[];
}

function isCap(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

function isNameWord(ws: Words, i: number): boolean {
  const w = ws.words[i];
  if (w === undefined) return false;
  const l = ws.lower[i]!;
  if (ARABIC_PREFIX_RE.test(w)) return true;
  return isCap(w) && !NOT_NAME_STARTERS.has(l) && !ORG_HEADS.has(l) && !TITLE_WORDS.has(l)
    && DEMONYMS[l] === undefined && !/^\p{Lu}+$/u.test(w.length > 4 ? w : 'x');
}

/** The end (exclusive) of a person's name starting at `i`, or `i` when there is none. */
function nameEnd(ws: Words, i: number): number {
  let j = i;
  while (j < ws.words.length) {
    if (isNameWord(ws, j)) { j++; continue; }
    let k = j;
    while (NAME_PARTICLES.has(ws.words[k] ?? '')) k++;
    if (k > j && isNameWord(ws, k)) { j = k + 1; continue; }
    if (j > i && NAME_SUFFIX_RE.test(ws.words[j]!)) { j++; if (ws.words[j] === '.') j++; continue; }
    break;
  }
  return j;
}

/** Start of the role words ending at `end` (inclusive), or -1 when they hold no personal title. */
function roleStart(ws: Words, end: number): number {
  let k = end;
  let titled = false;
  while (k >= 0) {
    const l = ws.lower[k]!;
    const w = ws.words[k]!;
    if (TITLE_WORDS.has(l) || DEMONYMS[l] !== undefined) { titled ||= PERSON_TITLES.has(l); k--; continue; }
    if (l === 'of' && k > 0 && k < end) { k--; continue; }
    if (isCap(w) && !NOT_NAME_STARTERS.has(l) && k < end) { k--; continue; }
    break;
  }
  if (!titled) return -1;
  let s = k + 1;
  while (s <= end && (ws.lower[s] === 'of' || NOT_NAME_STARTERS.has(ws.lower[s]!))) s++;
  return s <= end ? s : -1;
}

function roleCountry(ws: Words, from: number, to: number): string | undefined {
  for (let k = from; k < to; k++) {
    const code = demonymCountry(ws.lower[k]!) ?? (isCap(ws.words[k]!) ? lookupPlace(ws.words[k]!)?.country_code : undefined);
    if (code) return code;
  }
  // "Jordan's King Abdullah II", "Saudi Arabia's Crown Prince"
  if (!ws.words[from - 1]?.match(/^['’]s$/)) return undefined;
  for (let n = 1; n <= 3 && from - 1 - n >= 0; n++) {
    const code = lookupPlace(ws.words.slice(from - 1 - n, from - 1).join(' '))?.country_code;
    if (code) return code;
  }
  return undefined;
}

export function findMentions(sentences: Sentence[], text: string): Mention[] {
  const out: Mention[] = [];
  const model = nerModel();
  sentences.forEach((sentence, si) => {
    const toks = sentence.tokens;
    const ws: Words = { words: toks.map((t) => t.text), lower: toks.map((t) => t.text.toLowerCase()) };
    const cands: Mention[] = [];
    const add = (type: EntityType, start: number, end: number, priority: number, extra: Partial<Mention> = {}): void => {
      if (end <= start) return;
      const charStart = toks[start]!.start;
      const charEnd = toks[end - 1]!.end;
      cands.push({ type, text: text.slice(charStart, charEnd), sentence: si, start, end, charStart, charEnd, priority, ...extra });
    };
    const tags = model.tag(ws.words);
    titledPeople(ws, add, text, toks);
    organisations(ws, add);
    acronyms(ws, add);
    places(ws, add, tags);
    organisationCues(ws, add);
    taggedSpans(ws, tags, add);
    const kept = coordinate(ws, settle(cands), add, cands);
    // "(NATO)" right after "North Atlantic Treaty Organization" is the same mention, not another.
    out.push(...kept.filter((m) => !(ws.words[m.start - 1] === '(' && kept.some((o) => o.acronym === m.text && o.end === m.start - 1))));
  });
  return out;
}

/** Names the article has already given in full are found again wherever their last word stands
 *  alone ("Modi is due to ..."), where the tagger may miss them (sentence starts, headlines). */
export function propagateNames(sentences: Sentence[], mentions: Mention[], text: string, known: Mention[] = mentions): Mention[] {
  const surnames = new Set<string>();
  for (const m of known) {
    const words = m.text.split(/\s+/);
    if (m.type !== 'PER' || words.length < 2) continue;
    surnames.add(words[words.length - 1]!);
    // Family names come first in Chinese, Korean, Hungarian and other names ("Xi" of "Xi Jinping").
    const first = words[0]!;
    if (first.length >= 2 && !NOT_NAME_STARTERS.has(first.toLowerCase()) && !TITLE_WORDS.has(first.toLowerCase())) surnames.add(first);
  }
  const added: Mention[] = [];
  const covered = new Set<string>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) covered.add(`${m.sentence}:${i}`);
  sentences.forEach((sentence, si) => {
    sentence.tokens.forEach((t, i) => {
      if (!surnames.has(t.text) || covered.has(`${si}:${i}`)) return;
      added.push({ type: 'PER', text: text.slice(t.start, t.end), sentence: si, start: i, end: i + 1, charStart: t.start, charEnd: t.end, priority: 1 });
    });
  });
  return [...mentions, ...added].sort((a, b) => a.sentence - b.sentence || a.start - b.start);
}

type Add = (type: EntityType, start: number, end: number, priority: number, extra?: Partial<Mention>) => void;

function titledPeople(ws: Words, add: Add, text: string, toks: Sentence['tokens']): void {
  for (let i = 0; i < ws.words.length - 1; i++) {
    if (!TITLE_WORDS.has(ws.lower[i]!)) continue;
    let end = nameEnd(ws, i + 1);
    // "Vice Premier He Lifeng": a capitalised common word right after a title starts a name
    // when a name word follows it.
    if (end === i + 1 && isCap(ws.words[i + 1]!) && NOT_NAME_STARTERS.has(ws.lower[i + 1]!) && isNameWord(ws, i + 2)) {
      end = nameEnd(ws, i + 2);
    }
    if (end === i + 1) continue;
    const rs = roleStart(ws, i);
    if (rs < 0) continue;
    const role = text.slice(toks[rs]!.start, toks[i]!.end);
    const country = roleCountry(ws, rs, i + 1);
    add('PER', i + 1, end, 4, { role, ...(country !== undefined && { roleCountry: country }) });
    // "Chevron chief executive Mike Wirth": capitalised words in a role that are no title, nationality
    // or place name the employer.
    for (let k = rs; k <= i; k++) {
      if (DEMONYMS[`${ws.lower[k]} ${ws.lower[k + 1] ?? ''}`] !== undefined) { k++; continue; } // "South African"
      let e = k;
      while (e <= i && isCap(ws.words[e]!) && !TITLE_WORDS.has(ws.lower[e]!) && DEMONYMS[ws.lower[e]!] === undefined) e++;
      if (e > k && !lookupPlace(ws.words.slice(k, e).join(' '))) add('ORG', k, e, 1.5);
      k = e;
    }
  }
}

function organisations(ws: Words, add: Add): void {
  for (let j = 0; j < ws.words.length; j++) {
    if (!ORG_HEADS.has(ws.lower[j]!) || !isCap(ws.words[j]!)) continue;
    let s = j;
    while (s > 0) {
      const prev = ws.words[s - 1]!;
      const l = ws.lower[s - 1]!;
      if (isCap(prev) && !NOT_NAME_STARTERS.has(l) && !PERSON_TITLES.has(l)) { s--; continue; }
      if (ORG_CONNECTORS.has(l) && s >= 2 && isCap(ws.words[s - 2]!) && !NOT_NAME_STARTERS.has(ws.lower[s - 2]!)) { s -= 2; continue; }
      break;
    }
    // After the head word a name goes on only through "of"/"for"/"and" ("Ministry of Foreign
    // Affairs"), so a role after it ("White House Press Secretary") is not taken in.
    let e = j + 1;
    let connected = false;
    while (e < ws.words.length) {
      // "Department of State Marco Rubio": a title word and then a name start a person.
      if (TITLE_WORDS.has(ws.lower[e - 1]!) && isNameWord(ws, e) && isNameWord(ws, e + 1)) break;
      // Portfolio words continue a name ("Foreign Affairs"); a personal title ends it.
      if (connected && isCap(ws.words[e]!) && !NOT_NAME_STARTERS.has(ws.lower[e]!) && !PERSON_TITLES.has(ws.lower[e]!)) { e++; continue; }
      if ((ORG_CONNECTORS.has(ws.lower[e]!) || ws.lower[e] === 'and') && isCap(ws.words[e + 1] ?? '')
        && !NOT_NAME_STARTERS.has(ws.lower[e + 1]!) && !(ws.lower[e] === 'and' && TITLE_WORDS.has(ws.lower[e + 1]!))) {
        e += 2;
        connected = true;
        continue;
      }
      break;
    }
    // "Association of Southeast Asian Nations (ASEAN)": the bracketed acronym names it too.
    const acronym = ws.words[e] === '(' && ws.words[e + 2] === ')' && /^\p{Lu}{2,}$/u.test(ws.words[e + 1] ?? '')
      ? ws.words[e + 1] : undefined;
    // "(ASEAN) Regional Forum": the bracketed acronym starts this organisation's name.
    const prefix = s > 2 && ws.words[s - 1] === ')' && ws.words[s - 3] === '(' ? ws.words[s - 2] : undefined;
    const name = prefix !== undefined ? `${prefix} ${ws.words.slice(s, e).join(' ')}` : undefined;
    const weak = e - s === 1 && prefix === undefined && !STANDALONE_ORGS.has(ws.lower[j]!);
    add('ORG', s, e, 3, { ...(acronym !== undefined && { acronym }), ...(weak && { weak }), ...(name !== undefined && { name }) });
    j = e - 1;
  }
}

/** "chief executive of Nvidia", "shares of Siemens": a company follows (places are left to the
 *  gazetteer, which ranks higher). */
function organisationCues(ws: Words, add: Add): void {
  for (let i = 0; i + 2 < ws.words.length; i++) {
    if (!ORG_CUES.has(ws.lower[i]!) || (ws.lower[i + 1] !== 'of' && ws.lower[i + 1] !== 'for')) continue;
    let e = i + 2;
    while (e < ws.words.length && isCap(ws.words[e]!) && !NOT_NAME_STARTERS.has(ws.lower[e]!)) e++;
    if (e > i + 2) add('ORG', i + 2, e, 1.5);
  }
}

/** "Microsoft and OpenAI", "Kassym-Jomart Tokayev and Shavkat Mirziyoyev": a capitalised name
 *  joined by "and" to an entity is of its type. It overrides only what the tagger alone said. */
function coordinate(ws: Words, kept: Mention[], add: Add, sink: Mention[]): Mention[] {
  const before = sink.length;
  const trusted = (s: number, e: number): boolean => kept.some((k) => k.priority > 1 && k.start < e && s < k.end);
  const nameWord = (i: number): boolean => isCap(ws.words[i] ?? '') && !NOT_NAME_STARTERS.has(ws.lower[i]!) && !TITLE_WORDS.has(ws.lower[i]!);
  // "Putin and US President Trump": a word before a title, a nationality or a place is no name.
  const personLike = (s: number, e: number): boolean => !TITLE_WORDS.has(ws.lower[e] ?? '')
    && !ws.lower.slice(s, e).some((w) => DEMONYMS[w] !== undefined) && !lookupPlace(ws.words.slice(s, e).join(' '));
  for (const m of kept) {
    if (ws.lower[m.end] === 'and') {
      const s = m.end + 1;
      let e = s;
      while (e < ws.words.length && nameWord(e)) e++;
      const free = m.type === 'PER' ? !trusted(s, e) && personLike(s, e) : !kept.some((k) => k.start < e && s < k.end);
      if (e > s && free && !kept.some((k) => k.start === s && k.end === e && k.type === m.type)) add(m.type, s, e, m.type === 'PER' ? 1.2 : 1);
    }
    if (m.type === 'PER' && ws.lower[m.start - 1] === 'and') {
      const e = m.start - 1;
      let s = e;
      while (s > 0 && nameWord(s - 1)) s--;
      if (e > s && !trusted(s, e) && personLike(s, e) && !kept.some((k) => k.start === s && k.end === e && k.type === 'PER')) add('PER', s, e, 1.2);
    }
  }
  return sink.length > before ? settle([...kept, ...sink.slice(before)]) : kept;
}

/** A clock time's last word ("6", "18:00" ends in "00", "p.m", "noon"): a zone abbreviation follows. */
const CLOCK_END = /^(?:\d{1,4}|[ap]\.?m|noon|midday|midnight)$/;

/** True when word i follows a clock time ("noon ET", "6 p.m. PT"), where a zone is written. */
function afterClock(ws: Words, i: number): boolean {
  const k = ws.words[i - 1] === '.' ? i - 2 : i - 1;
  return CLOCK_END.test(ws.lower[k] ?? '');
}

function acronyms(ws: Words, add: Add): void {
  ws.words.forEach((w, i) => {
    if (!/^(\p{Lu}[\p{Lu}&]{1,7}|G\d{1,2})$/u.test(w) || NOT_ACRONYMS.has(w)) return;
    if (isZoneAbbreviation(w) && afterClock(ws, i)) return;
    if (COUNTRY_ALIASES[w.toLowerCase()] !== undefined || DEMONYMS[w.toLowerCase()] !== undefined) return;
    if (isNameWord(ws, i + 1) && w.length <= 2) return; // "JD Vance"
    add('ORG', i, i + 1, 2.5);
  });
}

/** A one-word city under this population must be backed by the tagger or a preposition ("in
 *  Reading"), since many are also common words ("Nice", "Split", "Reading"). */
const COMMON_WORD_CITY_POPULATION = 1_000_000;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'outside', 'inside', 'via']);

function places(ws: Words, add: Add, tags: readonly string[]): void {
  const starts = placeFirstWords();
  for (let i = 0; i < ws.words.length; i++) {
    if (!isCap(ws.words[i]!) || NOT_NAME_STARTERS.has(ws.lower[i]!) || !starts.has(ws.lower[i]!)) continue;
    for (let n = Math.min(4, ws.words.length - i); n >= 1; n--) {
      if (!isCap(ws.words[i + n - 1]!)) continue;
      const info = lookupPlace(ws.words.slice(i, i + n).join(' '));
      if (!info) continue;
      const weak = n === 1 && info.kind === 'city' && info.population < COMMON_WORD_CITY_POPULATION
        && tags[i] === 'O' && !PLACE_PREPOSITIONS.has(ws.lower[i - 1] ?? '');
      if (!weak && !isModifier(ws, i, i + n)) add('LOC', i, i + n, 2);
      i += n - 1;
      break;
    }
  }
}

/** "US" in "US President" or "the US State Department" works as an adjective, not a place. */
function isModifier(ws: Words, start: number, end: number): boolean {
  const name = ws.lower.slice(start, end).join(' ');
  const next = ws.words[end] ?? '';
  return DEMONYMS[name] !== undefined && (isCap(next) || TITLE_WORDS.has(next.toLowerCase()));
}

/** Verbs of saying: a tagged place the gazetteer does not know that says something ("Downing Street
 *  said", "Foggy Bottom announced") names the institution there. */
const SPEECH_VERBS = new Set(['said', 'says', 'announced', 'confirmed', 'added', 'stated', 'denied', 'told']);

function taggedSpans(ws: Words, tags: readonly string[], add: Add): void {
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i]!.startsWith('B-')) continue;
    const type = tags[i]!.slice(2) as EntityType;
    let e = i + 1;
    while (tags[e] === `I-${type}`) e++;
    let s = i;
    while (s < e && (NOT_NAME_STARTERS.has(ws.lower[s]!) || (type === 'PER' && (TITLE_WORDS.has(ws.lower[s]!) || DEMONYMS[ws.lower[s]!] !== undefined)))) s++;
    while (e > s && /^(['’]s|[.,;:)(-])$/.test(ws.words[e - 1]!)) e--;
    const span = ws.words.slice(s, e);
    const lowers = ws.lower.slice(s, e);
    // "North" of "North Korean" is half a nationality.
    const demonymPart = DEMONYMS[`${lowers.join(' ')} ${ws.lower[e] ?? ''}`] !== undefined;
    const useless = span.length === 0 || !span.some(isCap) || demonymPart
      || lowers.every((l) => TITLE_WORDS.has(l) || DEMONYMS[l] !== undefined || NOT_NAME_STARTERS.has(l))
      || (type === 'LOC' && isModifier(ws, s, e));
    // "Downing Street said": a place the gazetteer does not know, speaking, is the office it houses.
    const speaks = type === 'LOC' && SPEECH_VERBS.has(ws.lower[e] ?? '') && !lookupPlace(span.join(' '));
    if (!useless) add(speaks ? 'ORG' : type, s, e, 1);
    i = e > i ? e - 1 : i;
  }
}

/** Keeps the most trusted, then longest, candidates that do not overlap. A tagged person name that
 *  holds a place name ("Ararat Mirzoyan", "Real Madrid") keeps the place from winning. */
function settle(input: Mention[]): Mention[] {
  // A city name directly before a tagged person is the person's first name.
  for (const c of input) {
    if (c.type !== 'LOC' || c.priority !== 2 || lookupPlace(c.text)?.kind !== 'city') continue;
    const person = input.find((o) => o.type === 'PER' && o.priority === 1 && o.start === c.end);
    if (person) { person.start = c.start; person.charStart = c.charStart; person.text = `${c.text} ${person.text}`; }
  }
  const cands = input.filter((c) => !(c.type === 'LOC' && c.priority === 2 && input.some((o) =>
    o.priority === 1 && o.start <= c.start && c.end <= o.end && o.end - o.start > c.end - c.start)));
  const sorted = [...cands].sort((a, b) => b.priority - a.priority || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const c of sorted) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
