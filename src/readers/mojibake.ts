// Repairs the common double-encoded UTF-8 mojibake: UTF-8 bytes that were once decoded as
// windows-1252 (or latin-1) and encoded again, so "café" reads "cafÃ©" and "it’s" reads "itâ€™s".

// Characters windows-1252 decodes bytes 0x80-0x9F to (WHATWG encoding index), keyed by byte.
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const CHAR_TO_BYTE = new Map<string, number>();
for (let b = 0xa0; b <= 0xff; b++) CHAR_TO_BYTE.set(String.fromCharCode(b), b);
for (let i = 0; i < CP1252_HIGH.length; i++) CHAR_TO_BYTE.set(CP1252_HIGH[i]!, 0x80 + i);
// Latin-1 decoders map 0x80-0x9F to the C1 controls instead: accept those too.
for (let b = 0x80; b <= 0x9f; b++) CHAR_TO_BYTE.set(String.fromCharCode(b), b);

/** A character that windows-1252 (or latin-1) gives for a UTF-8 continuation byte 0x80-0xBF. */
const CONT = `[\\u0080-\\u00BF${escapeClass(CP1252_HIGH)}]`;
/** One UTF-8 multi-byte sequence read as windows-1252: a lead byte (0xC2-0xDF, 0xE0-0xEF,
 *  0xF0-0xF4, RFC 3629 section 4) shown as Â..ô, then its continuation bytes. */
const SEQUENCE = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`, 'g');

function escapeClass(chars: string): string {
  return [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Punctuation that follows a word in correct text ("CAFÉ »", "Straße«"): after a lead it
 *  proves nothing. */
const AFTER_WORD = /[\u00A0\u00AB\u00BB\u00B7\u00A1\u00BF]/u;
/** A windows-1252 punctuation character or C1 control as a continuation: not a Latin-1 symbol. */
const NOT_LATIN1_SYMBOL = /[^\u00A0-\u00BF]/u;
/** ß (0xDF) leads only NKo, which nobody double-encodes; „groß“ read as bytes is valid UTF-8. */
const ESZETT = 0xdf;

/** Whether a sequence gives double encoding away, since correctly decoded text hardly holds it:
 *  a C1 control (a latin-1 decoder's reading of bytes 0x80-0x9F); Â or Ã then a continuation (the
 *  lead bytes of a no-break space, é, ü, ñ...); another capital lead (Å, Î, Ð, Ñ: Polish, Greek,
 *  Cyrillic) then a continuation that is not punctuation after a word; or a three- or four-byte
 *  sequence holding windows-1252 punctuation (â€™ for ’, most CJK, emoji). The rest also occurs
 *  in correct text: French "été »" (é, a no-break space, ») read back as bytes is valid UTF-8. */
function isTelltale(seq: string): boolean {
  if (/[\u0080-\u009F]/u.test(seq)) return true;
  const lead = seq.charCodeAt(0);
  if (lead === 0xc2 || lead === 0xc3) return true;
  if (lead < ESZETT) return !AFTER_WORD.test(seq.slice(1));
  return seq.length >= 3 && NOT_LATIN1_SYMBOL.test(seq.slice(1));
}

function decodeSequence(seq: string): string | null {
  const bytes = new Uint8Array(seq.length);
  for (let i = 0; i < seq.length; i++) bytes[i] = CHAR_TO_BYTE.get(seq[i]!) ?? 0;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Returns the text with double-encoded UTF-8 decoded once more ("cafÃ©" -> "café", "itâ€™s" ->
 *  "it’s"), when the text shows it is double-encoded: telltale sequences are repaired wherever
 *  they are; the other valid sequences too when telltales are at least as many (a text
 *  double-encoded throughout, where "Ð»" is л), but not otherwise (correct French beside one
 *  repaired quote). Text without a telltale is returned as it is. Sequences that are not valid
 *  UTF-8 (overlong forms, surrogates) always stay. */
export function fixMojibake(text: string): { text: string; fixed: boolean } {
  // One scan: the valid sequences, decoded once, then the text rebuilt around the chosen ones.
  const found: { at: number; seq: string; decoded: string; telltale: boolean }[] = [];
  let telltales = 0;
  for (const m of text.matchAll(SEQUENCE)) {
    const decoded = decodeSequence(m[0]);
    if (decoded === null) continue;
    const telltale = isTelltale(m[0]);
    if (telltale) telltales++;
    found.push({ at: m.index, seq: m[0], decoded, telltale });
  }
  if (telltales === 0) return { text, fixed: false };
  const all = telltales >= found.length - telltales;
  let out = '';
  let from = 0;
  for (const f of found) {
    if (!f.telltale && !(all && f.seq.charCodeAt(0) !== ESZETT)) continue;
    out += text.slice(from, f.at) + f.decoded;
    from = f.at + f.seq.length;
  }
  return { text: out + text.slice(from), fixed: true };
}
