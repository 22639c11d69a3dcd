// Turns a quality check (document -> signals + failed rules) into a pipeline stage that records the
// signals under `doc.annotations.quality` and, by mode, drops the document or only flags it.
import type { Doc, Drop, Stage } from '../record.js';

/** `drop` leaves the pipeline on a failed rule; `mark` keeps the document and lists the reason in
 *  `quality.flags` (so a news corpus can be filtered later without re-running); `off` skips. */
export const FILTER_MODES = ['drop', 'mark', 'off'] as const;
export type FilterMode = (typeof FILTER_MODES)[number];

export interface Failure {
  reason: string;
  detail: string;
}

export interface Verdict {
  /** The measurements, written to `quality[group]` (numbers rounded for the record). Every signal
   *  is computed whatever fails, so a marked corpus can be filtered on any of them later. */
  signals: Record<string, number | boolean | string | null>;
  /** Reason code of the first failed rule (in the order the rules are listed), null on a pass. */
  reason: string | null;
  detail?: string;
  /** Every failed rule, in order; `mark` mode flags them all. */
  failures: Failure[];
}

/** A verdict from the signals and the failed rules. */
export function verdictOf(signals: Verdict['signals'], failures: Failure[]): Verdict {
  const first = failures[0];
  return first === undefined ? { signals, reason: null, failures } : { signals, reason: first.reason, detail: first.detail, failures };
}

export interface QualityAnnotation {
  flags: string[];
  [group: string]: unknown;
}

/** Signals are written with 4 decimals: finer than any threshold (two decimals), short records. */
const SIGNAL_DIGITS = 4;

function round(value: number | boolean | string | null): number | boolean | string | null {
  if (typeof value !== 'number' || Number.isInteger(value)) return value;
  const f = 10 ** SIGNAL_DIGITS;
  return Math.round(value * f) / f;
}

/** The document's quality object, created on first use. */
export function qualityOf(doc: Doc): QualityAnnotation {
  const existing = doc.annotations['quality'] as QualityAnnotation | undefined;
  if (existing !== undefined) return existing;
  const fresh: QualityAnnotation = { flags: [] };
  doc.annotations['quality'] = fresh;
  return fresh;
}

export function recordVerdict(doc: Doc, group: string, verdict: Verdict): void {
  const quality = qualityOf(doc);
  const signals: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(verdict.signals)) signals[k] = round(v);
  quality[group] = signals;
  for (const f of verdict.failures) if (!quality.flags.includes(f.reason)) quality.flags.push(f.reason);
}

export function filterStage(name: string, mode: FilterMode, check: (doc: Doc) => Verdict): Stage {
  return {
    name,
    apply(doc: Doc): Doc | Drop {
      const verdict = check(doc);
      recordVerdict(doc, name, verdict);
      if (mode === 'drop' && verdict.reason !== null) {
        return verdict.detail !== undefined ? { drop: verdict.reason, detail: verdict.detail } : { drop: verdict.reason };
      }
      return doc;
    },
  };
}
