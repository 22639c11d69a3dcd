// The dateline's place ("KUALA LUMPUR, May 26 (Reuters) -", "NEW YORK —"): where the story was
// filed. Wire style gives clock times in the dateline's local time unless it says otherwise, so its
// zone is the default for a time with no zone (or "local time") when the event names no place of
// its own. In text that still opens with its dateline, the capitalised place is read as a name
// (not as acronyms) and the filing date is blanked, so it is never taken for the event's day.
import { parseDateline } from '../clean/dateline.js';
import { lookupPlace } from './gazetteer.js';
import type { PlaceInfo } from './gazetteer.js';

/** The place: the dateline up to its date, agency or dash ("KUALA LUMPUR", "ST. LOUIS"). */
const PLACE_PART = /^[^,(–—]+?(?=\s*(?:,|\(|--|[-–—](?:\s|$)|$))/u;

export interface DatelineRead {
  /** The text with the dateline's place in title case and its date blanked (same length). */
  text: string;
  place: PlaceInfo | null;
}

/** Reads the dateline given apart (as the cleaner stores it in meta.dateline), else one at the
 *  start of `text`. */
export function readDateline(text: string, dateline: string | null | undefined): DatelineRead {
  if (dateline) return { text, place: placeOf(dateline) };
  const found = parseDateline(text);
  if (!found) return { text, place: null };
  const place = PLACE_PART.exec(found.dateline);
  if (!place) return { text, place: null };
  const name = place[0].trim();
  const titled = titleCase(name);
  const agency = found.dateline.indexOf('(');
  // From the end of the place to the agency (or the dash): ", May 26 ".
  const dateEnd = agency > 0 ? agency : found.dateline.length;
  const start = text.indexOf(name);
  if (start !== 0 || titled.length !== name.length) return { text, place: placeOf(found.dateline) };
  const masked = titled + ' '.repeat(Math.max(0, dateEnd - name.length)) + text.slice(Math.max(name.length, dateEnd));
  return { text: masked, place: lookupPlace(titled) };
}

function placeOf(dateline: string): PlaceInfo | null {
  const m = PLACE_PART.exec(dateline.trim());
  return m ? lookupPlace(titleCase(m[0].trim())) : null;
}

/** "KUALA LUMPUR" -> "Kuala Lumpur", "ST. LOUIS" -> "St. Louis"; a name not all in capitals is kept. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s.'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
