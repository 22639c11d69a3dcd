// Repairs the common double-encoded UTF-8 mojibake: UTF-8 bytes that were once decoded as
// windows-1252 (or latin-1) and encoded again, so "café" reads "cafÃ©" and "it’s" reads "itâ€™s".

// Characters windows-1252 decodes bytes 0x80-0x9F to (WHATWG encoding index), keyed by byte.
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const CHAR_TO_BYTE = new Map<string, number>();
for (let b = 0xa0; b <= 0xff; b++) CHAR_TO_BYTE.set(String.fromCharCode(b), b);
for (let i = 0; i < CP1252_HIGH.length; i++) CHAR_TO_BYTE.set(CP1252_HIGH[i]!, 0x80 + i);
// Latin-1 decoders map 0x80-0x9F to the C1 controls instead: accept those too.
for (let b = 0x80; b <= 0x9f; b++) CHAR_TO_BYTE.set(String.fromCharCode(b), b);

/** A run of two or more characters that all map back to a byte >= 0x80 and that starts with a
 *  UTF-8 lead byte (0xC2-0xF4 read as windows-1252: Â..ô); only such runs can be double-encoded. */
const SUSPECT_RUN = new RegExp(
  `[\\u00C2-\\u00F4][\\u0080-\\u00FF${escapeClass(CP1252_HIGH)}]+`,
  'g',
);

function escapeClass(chars: string): string {
  return [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Returns the text with every run that is valid UTF-8 once turned back into bytes decoded as such.
 *  Runs that do not form valid UTF-8 (real Latin-1 text like "Ã©tat" is rare but possible) stay. */
export function fixMojibake(text: string): { text: string; fixed: boolean } {
  let fixed = false;
  const out = text.replace(SUSPECT_RUN, (run) => {
    const bytes = new Uint8Array(run.length);
    for (let i = 0; i < run.length; i++) bytes[i] = CHAR_TO_BYTE.get(run[i]!) ?? 0;
    try {
      const repaired = strictUtf8.decode(bytes);
      fixed = true;
      return repaired;
    } catch {
      return run;
    }
  });
  return { text: out, fixed };
}
