// Worst-case inputs for a regular expression, derived from its source: long runs of each character
// it mentions or its classes match, short repeated pairs (the bait for nested or overlapping
// quantifiers, which blow up after a few dozen repetitions), and its literal fragments repeated
// (`<meta ` x N for /<meta\b[^>]*>/), each ended by a character that makes the match fail.

/** Stand-ins for the usual classes (\s \w \d . [^...] \p{L}) and for punctuation patterns loop over. */
const CLASS_SAMPLES = [' ', '\t', '\n', 'a', 'Z', '0', '.', ',', '-', '_', ':', '/', '<', '"', '=', 'é', 'Ж', '中', '\u00a0', '\u2019'];
/** The first halves of the pair units: a letter, a space, a digit, punctuation. */
const PAIR_HEADS = ['a', ' ', '0', '.'];
/** Ends a run without being matched by most classes: a failed match forces the backtracking. */
export const FAIL = '\u0000\u{1F4A5}';
/** Regex syntax, not characters the pattern looks for. */
const SYNTAX = new Set([...'()[]{}*+?|^$\\']);

export interface AttackSizes {
  /** Length of single-character runs and literal-fragment runs (finds quadratic and worse). */
  long: number;
  /** Repetitions of pair units (exponential patterns explode long before this); 0 leaves pairs out. */
  pairs: number;
}

/** Characters the pattern names: literals (escaped or not) plus the class stand-ins. */
function alphabet(source: string): string[] {
  const chars = new Set(CLASS_SAMPLES);
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[i + 1];
      if (next !== undefined && !/[a-zA-Z0-9]/.test(next)) chars.add(next);
      i += 1;
      continue;
    }
    if (!SYNTAX.has(c)) chars.add(c);
  }
  return [...chars];
}

/** Runs of plain literal text in the source (`<meta`, `charset=`), at most `limit` of them. */
function fragments(source: string, limit = 8): string[] {
  const found = new Set<string>();
  for (const m of source.replace(/\\[a-zA-Z]\{[^}]*\}|\\[a-zA-Z0-9]/g, ' ').matchAll(/[^()[\]{}*+?|^$\\ ]{2,}/g)) {
    found.add(m[0].replace(/\\/g, ''));
    if (found.size >= limit) break;
  }
  return [...found];
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.max(1, Math.ceil(length / unit.length)));
}

export function attackStrings(source: string, sizes: AttackSizes): string[] {
  const chars = alphabet(source);
  const out: string[] = [];
  for (const c of chars) out.push(repeatTo(c, sizes.long) + FAIL);
  if (sizes.pairs > 0) {
    for (const head of PAIR_HEADS) {
      for (const c of chars) if (c !== head) out.push((head + c).repeat(sizes.pairs) + FAIL);
    }
  }
  for (const f of fragments(source)) {
    out.push(f + repeatTo(' ', sizes.long) + FAIL);
    for (const tail of [' ', 'a', '0', '"']) out.push(repeatTo(f + tail, sizes.long) + FAIL);
  }
  return out;
}

/** Runs the pattern over one attack at every start position (a global replace), as a caller's
 *  matchAll or replace would; says whether it matched somewhere. */
export function runAttack(global: RegExp, attack: string): boolean {
  let hit = false;
  global.lastIndex = 0;
  attack.replace(global, () => { hit = true; return ''; });
  return hit;
}

/** The pattern with the g flag, for runAttack. */
export function globalOf(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
}
