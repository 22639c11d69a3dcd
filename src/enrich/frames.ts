// Reads event frames sentence by sentence: finds trigger words, splits the sentence into the
// clauses that belong to each trigger (leaving out source attributions like ", officials said"
// and subordinate clauses like "since ..."), and reads participants, place, day, clock times,
// status, occasion and who confirmed it from the trigger's clause.
import type { Sentence } from './tokenize.js';
import type { Mention } from './mentions.js';
import type { EventStatus, EventType } from './types.js';
import { findClocks, findDays, type ClockExpr, type DayExpr, type Reference } from './times.js';
import {
  ANAPHORA, CALL_NOUN_BEFORE, CANCEL_RE, HOST_WORDS, NEEDS_PERSON_AFTER, NEGATION_RE, OCCASION_HEADS,
  OCCASION_MARKERS, PLANNED_RE, SPEECH_VERBS, SUBORDINATORS, TRIGGERS, type TriggerInfo,
} from './triggers.js';

export interface EntityRef {
  type: Mention['type'];
  name: string;
}

export interface Frame {
  type: EventType;
  sentence: number;
  sentenceText: string;
  /** Entity names taken part, in order of appearance; `borrowed` when read from an earlier frame. */
  participants: EntityRef[];
  borrowed: boolean;
  /** The participants named before the trigger (what a coordinated verb shares). */
  subject: EntityRef[];
  place: string | null;
  occasion: { text: string; score: number } | null;
  /** The day named nearest the trigger; its date is settled with the status (events.ts). */
  day: DayExpr | null;
  clocks: ClockExpr[];
  /** Null when the wording gives none (see readStatus). */
  status: EventStatus | null;
  confirmedBy: string[];
  hostReported: boolean;
}

const SEGMENT_BREAKS = new Set([',', ';', ':', '—', '–']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'near', 'inside', 'outside']);
const PAST_WORDS = new Set(['met', 'held', 'spoke', 'phoned', 'called', 'arrived', 'visited', 'hosted',
  'received', 'began', 'ended', 'led', 'was', 'were', 'had', 'talked', 'discussed', 'gathered',
  'attended', 'signed', 'welcomed', 'concluded', 'took', 'telephoned', 'travelled', 'traveled', 'produced', 'lasted']);
const CONFIRM_VERBS = new Set(['confirmed', 'announced', 'indicated', 'stated']);
/** Verbs that carry a noun trigger ("held a call", "will hold talks"). */
const LIGHT_VERBS = new Set(['held', 'hold', 'holds', 'holding', 'had', 'have', 'has', 'made', 'make', 'makes', 'will', 'would', 'paid', 'pay', 'pays']);
/** Words that open the clause a report reports ("said that ...", "said he ..."). */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we']);
const REPORTED_STARTS = new Set(['that', ...SUBJECT_PRONOUNS, 'the', 'a', 'an', 'it']);

interface Ctx {
  sentence: Sentence;
  index: number;
  words: string[];
  lower: string[];
  mentions: Mention[];
  of: Map<Mention, EntityRef>;
  text: string;
  ref: Reference | null;
  /** Read once per sentence, on first need. */
  days?: DayExpr[];
  clocks?: ClockExpr[];
  triggers?: boolean[];
  /** Pronoun positions whose referents the sentence names as speakers ("X said he ..."). */
  speakers: Map<number, EntityRef[]>;
}

export function readFrames(sentences: Sentence[], mentions: Mention[], of: Map<Mention, EntityRef>, text: string, ref: Reference | null): Frame[] {
  const frames: Frame[] = [];
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (!of.has(m)) continue;
    const list = bySentence.get(m.sentence);
    if (list) list.push(m); else bySentence.set(m.sentence, [m]);
  }
  sentences.forEach((sentence, index) => {
    const ctx: Ctx = {
      sentence, index, text, ref, of,
      words: sentence.tokens.map((t) => t.text),
      lower: sentence.tokens.map((t) => t.text.toLowerCase()),
      mentions: bySentence.get(index) ?? [],
      speakers: new Map(),
    };
    frames.push(...sentenceFrames(ctx, frames));
  });
  return frames;
}

interface Segment { start: number; end: number; source: boolean; allowed: boolean[] }

/** Comma segments, with source attributions and subordinate clauses marked as not the event's. */
function segments(ctx: Ctx): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (let i = 0; i <= ctx.words.length; i++) {
    if (i < ctx.words.length && !SEGMENT_BREAKS.has(ctx.words[i]!)) continue;
    if (i > start) out.push(segment(ctx, start, i));
    start = i + 1;
  }
  return out;
}

function segment(ctx: Ctx, start: number, end: number): Segment {
  const lw = ctx.lower.slice(start, end);
  const hasTrigger = lw.some((w, k) => isTrigger(ctx, start + k));
  const firstWord = lw.find((w) => /\p{L}/u.test(w)) ?? '';
  const speech = lw.some((w) => SPEECH_VERBS.has(w));
  const gerund = /ing$/.test(firstWord) && !TRIGGERS[firstWord];
  const source = (speech && !hasTrigger) || gerund;
  const allowed = lw.map(() => !source);
  let cut = false;
  lw.forEach((w, k) => {
    if (k > 0 && SUBORDINATORS.has(w)) cut = true;
    if (cut) allowed[k] = false;
  });
  // "Mao Ning said Wang Yi would visit": the attribution before the trigger is not the event's.
  if (speech && hasTrigger) {
    const s = lw.findIndex((w) => SPEECH_VERBS.has(w));
    const t = lw.findIndex((w, k) => isTrigger(ctx, start + k));
    if (s < t) {
      // "said on Tuesday (that) he would meet": the words up to the reported clause are the report's.
      let r = s + 1;
      while (r < t && !REPORTED_STARTS.has(lw[r]!) && !ctx.mentions.some((m) => m.type === 'PER' && m.start === start + r)) r++;
      if (lw[r] === 'that') r++;
      for (let k = 0; k < r; k++) allowed[k] = false;
      // "Trump said he would meet Xi": the speaker is the subject of the reported clause.
      if (SUBJECT_PRONOUNS.has(lw[r] ?? '')) {
        const speakers = ctx.mentions.filter((m) => m.type === 'PER' && m.start >= start && m.end <= start + s);
        ctx.speakers.set(start + r, speakers.map((m) => ctx.of.get(m)!));
      }
    } else for (let k = s; k < lw.length; k++) allowed[k] = false;
  }
  return { start, end, source, allowed };
}

function isTrigger(ctx: Ctx, i: number): boolean {
  ctx.triggers ??= ctx.lower.map((_, k) => triggerAt(ctx, k));
  return ctx.triggers[i]!;
}

function triggerAt(ctx: Ctx, i: number): boolean {
  const w = ctx.lower[i]!;
  const info = TRIGGERS[w];
  if (!info) return false;
  if ((w === 'call' || w === 'calls') && !CALL_NOUN_BEFORE.has(ctx.lower[i - 1] ?? '')) return false;
  // "hosted Albanese" is a meeting; "will host talks" leaves the event to "talks".
  if (NEEDS_PERSON_AFTER.has(w)) return ctx.mentions.some((m) => m.type === 'PER' && m.start > i && m.start <= i + 5);
  return true;
}

const OCCASION_MARKER_RES = OCCASION_MARKERS.map((m) => new RegExp(`\\b${m}\\b`));

function isOccasion(ctx: Ctx, i: number): boolean {
  const before = ctx.lower.slice(Math.max(0, i - 8), i).join(' ');
  return !TRIGGERS[ctx.lower[i]!]!.verb && OCCASION_MARKER_RES.some((re) => re.test(before));
}

interface Region { triggers: number[]; tokens: number[]; segment: Segment }

function sentenceFrames(ctx: Ctx, earlier: Frame[]): Frame[] {
  const segs = segments(ctx);
  const allowedAt = (i: number): boolean => {
    const s = segs.find((g) => i >= g.start && i < g.end);
    return s ? s.allowed[i - s.start]! : false;
  };
  let trig = ctx.lower.map((_, i) => i).filter((i) => allowedAt(i) && isTrigger(ctx, i));
  const main = trig.filter((i) => !isOccasion(ctx, i) && TRIGGERS[ctx.lower[i]!]!.rank > 0);
  if (main.length > 0) trig = main;
  if (trig.length === 0) return [];
  const regions = buildRegions(ctx, segs, trig);
  const frames: Frame[] = [];
  for (const region of regions) {
    const frame = readRegion(ctx, region, frames.length > 0 ? frames[frames.length - 1]! : earlier[earlier.length - 1]);
    if (!frame) continue;
    const prev = frames[frames.length - 1];
    // "will visit Beijing on Saturday and meet Xi on Tuesday": the second verb shares the subject.
    if (prev && !frame.borrowed && frame.participants.length > 0 && !hasSubject(ctx, region)) {
      frame.participants = unique([...(prev.subject.length > 0 ? prev.subject : prev.participants), ...frame.participants]);
      frame.place ??= prev.place;
    }
    frames.push(frame);
  }
  return frames;
}

function hasSubject(ctx: Ctx, region: Region): boolean {
  const t = region.triggers[0]!;
  return ctx.mentions.some((m) => m.end <= t && region.tokens.includes(m.start));
}

function buildRegions(ctx: Ctx, segs: Segment[], trig: number[]): Region[] {
  const regions: Region[] = [];
  for (const seg of segs) {
    if (seg.source) continue;
    const own = trig.filter((i) => i >= seg.start && i < seg.end);
    const tokens = (from: number, to: number): number[] => {
      const out: number[] = [];
      for (let i = from; i < to; i++) if (seg.allowed[i - seg.start]) out.push(i);
      return out;
    };
    if (own.length === 0) {
      const last = regions[regions.length - 1];
      if (last) last.tokens.push(...tokens(seg.start, seg.end));
      else regions.push({ triggers: [], tokens: tokens(seg.start, seg.end), segment: seg });
      continue;
    }
    // Split at "and" before a later verb trigger; triggers in one piece make one event.
    let from = seg.start;
    let pieceTriggers: number[] = [];
    for (const t of own) {
      const info = TRIGGERS[ctx.lower[t]!]!;
      const between = ctx.lower.slice(pieceTriggers[pieceTriggers.length - 1]! + 1, t);
      const andAt = between.lastIndexOf('and');
      // "met Zelensky and later held a call with Trump": a verb after "and" starts another event.
      const verbAfterAnd = info.verb || between.slice(andAt + 1).some((w) => LIGHT_VERBS.has(w));
      if (pieceTriggers.length > 0 && andAt >= 0 && verbAfterAnd) {
        const cut = ctx.lower.lastIndexOf('and', t);
        regions.push({ triggers: pieceTriggers, tokens: tokens(from, cut), segment: seg });
        from = cut;
        pieceTriggers = [];
      }
      pieceTriggers.push(t);
    }
    const first = regions[regions.length - 1];
    const pending = first && first.triggers.length === 0 ? regions.pop()!.tokens : [];
    regions.push({ triggers: pieceTriggers, tokens: [...pending, ...tokens(from, seg.end)], segment: seg });
  }
  return regions.filter((r) => r.triggers.length > 0);
}

function readRegion(ctx: Ctx, region: Region, previous: Frame | undefined): Frame | null {
  // "phoned Tokayev to prepare the meeting": a definite noun refers to another event; the verb wins.
  const hasVerb = region.triggers.some((t) => TRIGGERS[ctx.lower[t]!]!.verb);
  const definite = (t: number): boolean => !TRIGGERS[ctx.lower[t]!]!.verb && ['the', 'this', 'that'].includes(ctx.lower[t - 1] ?? '');
  const usable = hasVerb ? region.triggers.filter((t) => !definite(t)) : region.triggers;
  const best = usable.reduce((a, b) => (TRIGGERS[ctx.lower[b]!]!.rank > TRIGGERS[ctx.lower[a]!]!.rank ? b : a));
  const info: TriggerInfo = TRIGGERS[ctx.lower[best]!]!;
  const inRegion = new Set(region.tokens);
  const segText = (seg: Segment): string => ctx.words.slice(seg.start, seg.end).filter((_, k) => seg.allowed[k]).join(' ');
  const regionText = region.tokens.map((i) => ctx.words[i]).join(' ');
  const triggerText = segText(region.segment);
  if (NEGATION_RE.test(triggerText)) return null;

  const ms = ctx.mentions.filter((m) => inRegion.has(m.start) && inRegion.has(m.end - 1));
  const place = info.type === 'call' ? null : pickPlace(ctx, ms, best);
  const personMentions = ms.filter((m) => m.type === 'PER' && !isPossessiveModifier(ctx, m));
  const people = personMentions.map((m) => ctx.of.get(m)!);
  // A subject pronoun before the trigger: the speaker of this sentence, else the last event's
  // people; "the two leaders" before the trigger: the last event's people.
  const pronoun = region.tokens.find((i) => i < best && SUBJECT_PRONOUNS.has(ctx.lower[i]!));
  const before = region.tokens.filter((i) => i < best).map((i) => ctx.lower[i]).join(' ');
  const plural = (pronoun !== undefined && (ctx.lower[pronoun] === 'they' || ctx.lower[pronoun] === 'we')) || hasAnaphora(before);
  const referents = pronoun !== undefined && ctx.speakers.has(pronoun) ? ctx.speakers.get(pronoun)!
    : !previous ? [] : plural ? previous.participants : pronoun !== undefined ? previous.participants.slice(0, 1) : [];
  const subject = unique([...referents, ...personMentions.filter((m) => m.end <= best).map((m) => ctx.of.get(m)!)]);
  let participants = unique(people.length > 0 ? [...referents, ...people] : people);
  let borrowed = false;
  if (participants.length === 0 && previous && (hasAnaphora(regionText) || previous.sentence >= ctx.index - 2)) {
    participants = previous.participants;
    borrowed = true;
  }
  if (participants.length === 0) {
    participants = unique(ms.filter((m) => m.type !== 'PER' && ctx.of.get(m)!.name !== place).map((m) => ctx.of.get(m)!));
  }
  const status = readStatus(triggerText, regionText);
  const charAt = (i: number): number => ctx.sentence.tokens[i]!.start;
  ctx.days ??= ctx.ref ? findDays(ctx.sentence.text, ctx.sentence.start, ctx.ref) : [];
  ctx.clocks ??= findClocks(ctx.sentence.text, ctx.sentence.start);
  const days = ctx.days.filter((d) => tokenAllowed(ctx, d.start, inRegion));
  const triggerChar = charAt(best);
  const day = days.sort((a, b) => Math.abs(a.start - triggerChar) - Math.abs(b.start - triggerChar))[0] ?? null;
  const clocks = ctx.clocks.filter((c) => tokenAllowed(ctx, c.start, inRegion));
  return {
    type: info.type,
    sentence: ctx.index,
    sentenceText: ctx.sentence.text,
    participants,
    borrowed,
    subject,
    place,
    occasion: readOccasion(ctx),
    day,
    clocks,
    status,
    confirmedBy: readConfirmers(ctx),
    hostReported: region.triggers.some((t) => HOST_WORDS.has(ctx.lower[t]!)) || region.tokens.some((t) => ctx.lower[t] === 'welcomed'),
  };
}

function tokenAllowed(ctx: Ctx, charPos: number, inRegion: Set<number>): boolean {
  const i = ctx.sentence.tokens.findIndex((t) => t.start <= charPos && charPos < t.end);
  return i >= 0 && inRegion.has(i);
}

function hasAnaphora(text: string): boolean {
  const lower = ` ${text.toLowerCase()} `;
  return [...ANAPHORA].some((a) => lower.includes(` ${a} `)) || /\b(the|this|that|such a) (meeting|talks|summit|call|visit)\b/.test(lower);
}

/** "Trump's inauguration": a person owning something other than the event takes no part in it. */
function isPossessiveModifier(ctx: Ctx, m: Mention): boolean {
  return /^['’]s$/.test(ctx.words[m.end] ?? '') && !TRIGGERS[ctx.lower[m.end + 1] ?? ''];
}

function pickPlace(ctx: Ctx, ms: Mention[], trigger: number): string | null {
  const located = ms.filter((m) => {
    if (m.type !== 'LOC') return false;
    let k = m.start - 1;
    if (ctx.lower[k] === 'the') k--;
    const w = ctx.lower[k] ?? '';
    return PLACE_PREPOSITIONS.has(w) || (TRIGGERS[w]?.type === 'visit' && TRIGGERS[w]!.verb);
  });
  const after = located.find((m) => m.start > trigger);
  const chosen = after ?? located[located.length - 1];
  return chosen ? ctx.of.get(chosen)!.name : null;
}

/** Cancelled, planned or held from the wording; null when the clause says nothing of it ("the
 *  talks" in "he looks forward to the talks"), which the article-level merge settles. */
export function readStatus(triggerText: string, regionText: string): EventStatus | null {
  if (CANCEL_RE.test(regionText)) return 'cancelled';
  if (PLANNED_RE.test(triggerText)) return 'planned';
  // Lower-case words only for the "-ed" test: names like "Ahmed" are no verbs.
  const words = triggerText.split(/\s+/);
  const past = words.some((w) => PAST_WORDS.has(w.toLowerCase()) || (/^\p{Ll}{3,}ed$/u.test(w) && !PLANNED_RE.test(w)));
  if (!past && PLANNED_RE.test(regionText)) return 'planned';
  return past ? 'held' : null;
}

function readOccasion(ctx: Ctx): Frame['occasion'] {
  const joined = ctx.lower.join(' ');
  for (const marker of OCCASION_MARKERS) {
    const idx = (' ' + joined + ' ').indexOf(` ${marker} `);
    if (idx < 0) continue;
    const before = joined.slice(0, idx).split(' ').filter((w) => w.length > 0);
    let i = before.length + marker.split(' ').length;
    if (ctx.lower[i - marker.split(' ').length - 1] === 'after') continue;
    while (['the', 'a', 'an', 'annual', 'this', 'next', 'upcoming', 'ongoing', 'year', '’s', "'s"].includes(ctx.lower[i] ?? '')) i++;
    let j = i;
    while (j < ctx.words.length && j - i < 12) {
      const w = ctx.words[j]!;
      if (OCCASION_HEADS.has(ctx.lower[j]!)) { j++; break; }
      if (/^\p{Lu}/u.test(w) || w === '(' || w === ')' || ((ctx.lower[j] === 'of' || ctx.lower[j] === 'and') && /^\p{Lu}/u.test(ctx.words[j + 1] ?? ''))) { j++; continue; }
      break;
    }
    if (j <= i || !OCCASION_HEADS.has(ctx.lower[j - 1]!)) continue;
    const named = ctx.mentions.find((m) => m.type === 'ORG' && m.start >= i && m.end <= j
      && OCCASION_HEADS.has((m.name ?? m.text).split(/\s+/).pop()!.toLowerCase()));
    if (named) return { text: named.name ?? named.text, score: 2 };
    const start = ctx.sentence.tokens[i]!.start, end = ctx.sentence.tokens[j - 1]!.end;
    return { text: ctx.text.slice(start, end), score: 1 };
  }
  return null;
}

/** "as confirmed by X", "according to X", "X confirmed": the organisations or people named. */
function readConfirmers(ctx: Ctx): string[] {
  const out: string[] = [];
  const firstEntityAfter = (i: number, span: number): void => {
    const m = ctx.mentions.filter((x) => x.type !== 'LOC' && x.start > i && x.start <= i + span).sort((a, b) => a.start - b.start)[0];
    if (m) out.push(ctx.of.get(m)!.name);
  };
  ctx.lower.forEach((w, i) => {
    if (CONFIRM_VERBS.has(w) && ctx.lower[i + 1] === 'by') firstEntityAfter(i + 1, 4);
    if (w === 'according' && ctx.lower[i + 1] === 'to') firstEntityAfter(i + 1, 10);
  });
  return [...new Set(out)];
}

function unique(refs: EntityRef[]): EntityRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(r.name) ? false : (seen.add(r.name), true)));
}
