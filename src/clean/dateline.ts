// Cleaning step 4: the dateline. Wire copy opens with where and who: "(MENAFN)",
// "LONDON (Reuters) -", "WASHINGTON, July 9 (Xinhua) --", "NEW YORK —". The dateline is moved out
// of the first paragraph into meta.dateline (as printed) and the agency into meta.source.
import type { Block, Extraction } from '../record.js';
import { wordCount } from './text.js';

/** The agency or paper in parentheses: short, no sentence punctuation. */
const AGENCY = String.raw`([\p{L}][\p{L}\p{N}&.'’ /-]{0,30})`;
/** A place in capitals ("KUALA LUMPUR", "ST. LOUIS", "SÃO PAULO"). */
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}.'’-]+(?:\s+\p{Lu}[\p{Lu}\p{M}.'’-]*){0,3}`;
/** A place as a capitalised name ("Kuala Lumpur"); needs a dash after the agency to count. */
const NAME_PLACE = String.raw`\p{Lu}[\p{L}\p{M}.'’-]+(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}`;
/** ", July 9" or ", 9 Jul 2025" or ", Jordan" between the place and the agency. */
const DATE_PART = String.raw`(?:,\s*[^()\n,]{1,30}?(?:,\s*\d{4})?)?`;
const DASH = String.raw`(?:\s*(?:--|[-–—]|\.[-–—])\s*)`;

const PLACE_AGENCY_RE = new RegExp(String.raw`^(${CAPS_PLACE}${DATE_PART}\s*\(${AGENCY}\)${DASH}?)`, 'u');
const NAME_AGENCY_RE = new RegExp(String.raw`^(${NAME_PLACE}${DATE_PART}\s*\(${AGENCY}\)${DASH})`, 'u');
const AGENCY_ONLY_RE = new RegExp(String.raw`^(\(${AGENCY}\)${DASH}?)`, 'u');
/** AP style without an agency: "NEW YORK — ". Needs a real dash with spaces around it. */
const PLACE_ONLY_RE = new RegExp(String.raw`^(${CAPS_PLACE}${DATE_PART}\s+(?:--|–|—)\s+)`, 'u');
/** Capitalised openers that are not places. */
const NOT_PLACES = /^(?:BREAKING|UPDATE|UPDATED|EXCLUSIVE|WATCH|LIVE|OPINION|ANALYSIS|EDITOR'?S NOTE|NOTE|FILE|PHOTO|VIDEO|AUDIO|CORRECTION|URGENT|FLASH|ALERT|SPONSORED|ADVERTISEMENT|FACT CHECK)\b/u;
/** How many leading paragraphs may hold the dateline (a byline or kicker can come first). */
const SEARCH_PARAGRAPHS = 2;
/** A paragraph shorter than this (a byline, a date) is not the lead that carries the dateline. */
const MIN_LEAD_WORDS = 8;
/** Text that must follow a dateline: the sentence goes on. */
const MIN_REST_CHARS = 20;

export interface Dateline { dateline: string; source: string | null; rest: string }

export function parseDateline(text: string): Dateline | null {
  for (const re of [AGENCY_ONLY_RE, PLACE_AGENCY_RE, NAME_AGENCY_RE, PLACE_ONLY_RE]) {
    const m = re.exec(text);
    if (!m || m[1] === undefined) continue;
    const printed = m[1];
    if (re !== AGENCY_ONLY_RE && NOT_PLACES.test(printed)) continue;
    const rest = text.slice(printed.length).trim();
    if (rest.length < MIN_REST_CHARS) continue;
    // "(MENAFN- The Peninsula)": the agency is the part before the dash.
    // Spaces before the dash are entered at the first of their run (the same split, read once).
    const agency = m[2]?.split(/(?:(?<!\s)\s+)?[-–—/]\s*/u)[0]?.trim() ?? null;
    return { dateline: printed.trim(), source: agency === '' ? null : agency, rest };
  }
  return null;
}

export function extractDateline(x: Extraction): Extraction {
  if (x.meta.dateline) return x; // already found: the step is idempotent
  let seen = 0;
  for (let i = 0; i < x.blocks.length && seen < SEARCH_PARAGRAPHS; i++) {
    const block = x.blocks[i] as Block;
    // Bylines and date lines above the lead are paragraphs too, but short ones.
    if (block.kind !== 'paragraph' || wordCount(block.text) < MIN_LEAD_WORDS) continue;
    seen++;
    const found = parseDateline(block.text);
    if (!found) continue;
    const blocks = [...x.blocks];
    blocks[i] = { ...block, text: found.rest };
    const meta = { ...x.meta, dateline: found.dateline };
    if (!meta.source && found.source !== null) meta.source = found.source;
    return { ...x, blocks, meta };
  }
  return x;
}
