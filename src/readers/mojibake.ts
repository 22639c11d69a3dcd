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

/** Returns the text with every sequence that is valid UTF-8, once turned back into bytes, decoded
 *  as such ("cafÃ©" -> "café"). Sequences that are not valid UTF-8 (overlong forms, surrogates) stay;
 *  real Latin-1 text rarely has a lead character followed by continuation characters. */
export function fixMojibake(text: string): { text: string; fixed: boolean } {
  let fixed = false;
  const out = text.replace(SEQUENCE, (seq) => {
    const bytes = new Uint8Array(seq.length);
    for (let i = 0; i < seq.length; i++) bytes[i] = CHAR_TO_BYTE.get(seq[i]!) ?? 0;
    try {
      const repaired = strictUtf8.decode(bytes);
      fixed = true;
      return repaired;
    } catch {
      return seq;
    }
  });
  return { text: out, fixed };
}
