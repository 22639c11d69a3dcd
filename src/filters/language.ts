// Language identification with fastText's lid.176 model (Joulin et al. 2016/2017), run offline through
// the WebAssembly build in fasttext.wasm.js, which ships the model file; plus the `languages` filter.
import { getLIDModel } from 'fasttext.wasm.js';
import type { Doc, Drop, Stage } from '../record.js';

/** Candidates read from the model; the markup hint can only pick among these. */
const TOP_K = 3;
/** A hinted language wins when its score is within this margin of the best one: the page's own
 *  declaration is a tie-breaker, never an override of a clear prediction. */
const HINT_MARGIN = 0.15;
/** lid.176 is sure of a language well within a few hundred characters; past this, text adds cost only. */
const MAX_CHARS = 500;
/** The model is trained on single lines; newlines would end its input early. */
const NEWLINES = /[\r\n]+/g;
/** Legacy or regional codes seen in `lang` attributes, mapped to lid.176 labels. */
const HINT_ALIASES: Record<string, string> = { iw: 'he', in: 'id', ji: 'yi', nb: 'no', fil: 'tl' };

export interface LanguageGuess {
  /** lid.176 label (ISO 639-1 where one exists, e.g. `en`, `zh`; else 639-2/3, e.g. `ceb`). */
  language: string | null;
  score: number | null;
}

interface Predictor {
  predict(text: string, k: number, threshold: number): {
    size(): number; get(i: number): [number, string]; delete(): void;
  };
}

let loading: Promise<Predictor> | null = null;

/** Loads the model once per process (about 0.1 s, from the package folder; no network). */
export function loadLanguageModel(): Promise<Predictor> {
  if (loading !== null) return loading;
  const model: Promise<Predictor> = getLIDModel().then((m: { load(): Promise<unknown> }) => m.load());
  loading = model;
  return model;
}

function predictTop(model: Predictor, text: string, k: number): Array<{ language: string; score: number }> {
  const vector = model.predict(text, k, 0);
  try {
    const out: Array<{ language: string; score: number }> = [];
    for (let i = 0; i < vector.size(); i++) {
      const [score, label] = vector.get(i);
      out.push({ language: label.replace('__label__', ''), score });
    }
    return out;
  } finally {
    vector.delete();
  }
}

/** `en-US` -> `en`, `iw` -> `he`; null for an empty hint. */
export function normalizeHint(hint: string | null): string | null {
  if (hint === null) return null;
  const base = hint.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === '') return null;
  return HINT_ALIASES[base] ?? base;
}

function guess(model: Predictor, text: string, hint: string | null): LanguageGuess {
  const input = text.slice(0, MAX_CHARS).replace(NEWLINES, ' ').trim();
  if (input === '') return { language: null, score: null };
  const wanted = normalizeHint(hint);
  // Without a hint only the best label is needed.
  const top = predictTop(model, input, wanted === null ? 1 : TOP_K);
  const best = top[0];
  if (best === undefined) return { language: null, score: null };
  const hinted = wanted === null ? undefined : top.find((c) => c.language === wanted);
  const pick = hinted !== undefined && best.score - hinted.score <= HINT_MARGIN ? hinted : best;
  return { language: pick.language, score: pick.score };
}

/** The first MAX_CHARS of the document's text, without joining all of a long document. */
function leadingText(doc: Doc): string {
  const parts: string[] = [];
  let length = 0;
  for (const b of doc.blocks) {
    if (length >= MAX_CHARS) break;
    parts.push(b.text);
    length += b.text.length + 1;
  }
  return parts.join('\n');
}

/** The language of a text, for the library API. */
export async function detectLanguage(text: string, hint: string | null = null): Promise<LanguageGuess> {
  return guess(await loadLanguageModel(), text, hint);
}

/** Sets doc.meta.language and language_score from the document's text. */
export function languageStage(): Stage {
  let model: Predictor | null = null;
  return {
    name: 'language',
    async init() {
      model = await loadLanguageModel();
    },
    async apply(doc: Doc): Promise<Doc> {
      model ??= await loadLanguageModel();
      const g = guess(model, leadingText(doc), doc.meta.language_hint);
      doc.meta.language = g.language;
      doc.meta.language_score = g.score;
      return doc;
    },
  };
}

/** Drops documents outside `languages` (`language_not_allowed`) or identified with a score below
 *  `min_score` (`language_low_score`; FineWeb keeps English at >= 0.65, datatrove LanguageFilter). */
export function languageFilterStage(languages: readonly string[] | null, minScore: number): Stage {
  const allowed = languages === null || languages.length === 0 ? null : new Set(languages.map((l) => l.toLowerCase()));
  return {
    name: 'language_filter',
    apply(doc: Doc): Doc | Drop {
      const { language, language_score: score } = doc.meta;
      if (allowed !== null && (language === null || !allowed.has(language))) {
        return { drop: 'language_not_allowed', detail: language ?? 'unknown' };
      }
      if (minScore > 0 && (score === null || score < minScore)) {
        return { drop: 'language_low_score', detail: `${language ?? 'unknown'} ${score ?? 0}` };
      }
      return doc;
    },
  };
}
