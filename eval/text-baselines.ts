// Baselines for text mode, computed in the same run: keep every line, and C4's line rules.
// C4 (Raffel et al., 2020, "Exploring the limits of transfer learning...", section 2.2, and the
// c4_utils of TensorFlow Datasets): keep lines that end in a terminal punctuation mark (. ! ? or
// a closing double quote) and have at least 3 words; drop lines containing "javascript" or the
// policy phrases below. C4's page-level rules (fewer than 5 sentences, "lorem ipsum", "{") drop
// whole pages; they are not applied here, since the comparison is about which lines are kept.
import { splitLines } from '../src/textmode/lines.js';

const C4_END_MARKS = ['.', '?', '!', '"'];
const C4_MIN_WORDS = 3;
const C4_POLICY = ['terms of use', 'privacy policy', 'cookie policy', 'uses cookies', 'use of cookies', 'use cookies'];

export function wholeText(text: string): string {
  return splitLines(text).map((l) => l.text).join('\n');
}

export function c4Lines(text: string): string {
  return splitLines(text)
    .map((l) => l.text)
    .filter((t) => C4_END_MARKS.some((m) => t.endsWith(m)))
    .filter((t) => t.split(/\s+/u).length >= C4_MIN_WORDS)
    .filter((t) => !t.toLowerCase().includes('javascript'))
    .filter((t) => !C4_POLICY.some((p) => t.toLowerCase().includes(p)))
    .join('\n');
}
