// Turns the many ways pages write dates into ISO 8601: keeps the time and offset when the page
// gives them, falls back to a bare YYYY-MM-DD when only the day is known, and never invents one.
// Also reads dates from URL paths (/2025/09/04/).

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
  // French, Spanish, German, Italian, Portuguese, Dutch month names (full forms and common stems).
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9,
  setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  januar: 1, februar: 2, märz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12,
  janeiro: 1, fevereiro: 2, março: 3, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, dezembro: 12,
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8,
};
/** Years outside this window are typos or placeholders (e.g. 1970 epoch zeros), not publication dates. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** 2025-09-04, 2025-09-04T10:00, 2025-09-04T10:00:00.000+02:00, 2025-09-04 10:00:00Z, 20250904 */
const ISO_RE = /(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/u;
/** 2025/09/04 or 2025.09.04 */
const YMD_SEP_RE = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/u;
/** September 4, 2025 / Sep. 4th 2025. The year ends where the digits end, not at a word boundary:
 *  date lines glue the next span on ("July 30, 2019January 18, 2023", "Dec 17, 2025Julian"). The
 *  month may be glued to the word before it when its case shows the seam ("HealthDECEMBER 22"). */
const MDY_RE = /(?:(?<!\p{L})|(?<=\p{Ll})(?=\p{Lu}))(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/gu;
/** 4 September 2025 / 4. September 2025 / 4 de septiembre de 2025 */
const DMY_RE = /\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)/gu;
/** 2023 Jan 7 (the order of citation_publication_date and of bibliographies) */
const YMD_NAME_RE = /\b(\d{4})\s+(\p{L}{3,10})\.?\s+(\d{1,2})(?!\d)/gu;
/** 04/09/2025 is ambiguous; only used when one part is > 12. */
const NUMERIC_RE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/u;
/** The same, for every numeric date of a text (matchAll needs the g flag). */
const NUMERIC_ALL_RE = new RegExp(NUMERIC_RE.source, 'gu');
/** 2025年9月4日 (CJK) */
const CJK_RE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
/** Date in a URL path: /2025/09/04/ or /2025-09-04/ or /20250904/ or /2025-09-04+Slug; not followed
 *  by another digit (a longer number is an id, not a date). */
const URL_DATE_RE = /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?![\d])/u;

/** Date in a URL path with the month's name: /2023/october/03/ */
const URL_NAMED_DATE_RE = /\/((?:19|20)\d{2})\/(\p{L}{3,10})\/(\d{1,2})(?:\/|$)/u;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function day(y: number, m: number, d: number): string | null {
  return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function monthNumber(name: string): number | undefined {
  const k = name.toLowerCase();
  return MONTHS[k] ?? MONTHS[k.slice(0, 3)];
}

/** A machine-readable date (ISO 8601 or close to it): keeps the time and the offset. */
export function parseIsoDate(value: string): string | null {
  const s = value.trim();
  const m = ISO_RE.exec(s);
  if (m === null) return null;
  const [, ys, ms, ds, hh, mm, ss, tz] = m;
  const date = day(Number(ys), Number(ms), Number(ds));
  if (date === null) return null;
  if (hh === undefined || mm === undefined) return date;
  if (Number(hh) > 23 || Number(mm) > 59) return date;
  let out = `${date}T${hh}:${mm}:${ss ?? '00'}`;
  if (tz !== undefined) out += tz === 'Z' ? 'Z' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz;
  return out;
}

/** The first match of `re` (a global regex) that `read` turns into a valid day, with its offset. */
function firstValid(re: RegExp, text: string, read: (m: RegExpExecArray) => string | null): { at: number; day: string } | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const d = read(m);
    if (d !== null) return { at: m.index, day: d };
    // Try again from the next character: "thDECEMBER 22" failed as a whole but holds a date.
    re.lastIndex = m.index + 1;
  }
  return null;
}

/** Dates with the month's name, in the three orders: "September 4, 2025", "4 September 2025",
 *  "2023 Jan 7". */
const NAMED_FORMS: [RegExp, (m: RegExpExecArray) => string | null][] = [
  [MDY_RE, (m) => named(m[3], m[1], m[2])],
  [DMY_RE, (m) => named(m[3], m[2], m[1])],
  [YMD_NAME_RE, (m) => named(m[1], m[2], m[3])],
];

function named(y: string | undefined, month: string | undefined, d: string | undefined): string | null {
  const n = monthNumber(month ?? '');
  return n === undefined ? null : day(Number(y), n, Number(d));
}

/** A date written for people ("September 4, 2025", "4 sept. 2025", "2025年9月4日"): the day only.
 *  Of the dates with a month's name, the one written first wins (a date line reads "Published
 *  4 June 2025, updated July 1, 2025"); a word that looks like a month but is not one ("Issue 5,
 *  2025") is passed over. */
export function parseHumanDate(text: string): string | null {
  return findHumanDate(text)?.day ?? null;
}

/** As parseHumanDate, with where the date starts in the text (a label before it says what it is). */
export function findHumanDate(text: string, pageOrder: NumericOrder | null = null): { at: number; day: string } | null {
  let m = CJK_RE.exec(text);
  if (m !== null) return at(m.index, day(Number(m[1]), Number(m[2]), Number(m[3])));
  let best: { at: number; day: string } | null = null;
  for (const [re, read] of NAMED_FORMS) {
    const found = firstValid(re, text, read);
    if (found !== null && (best === null || found.at < best.at)) best = found;
  }
  if (best !== null) return best;
  m = YMD_SEP_RE.exec(text);
  if (m !== null) return at(m.index, day(Number(m[1]), Number(m[2]), Number(m[3])));
  m = NUMERIC_RE.exec(text);
  if (m !== null) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    // Read only when one part cannot be a month, or both parts are the same (12.12.2025): US sites
    // write 09.10.2024 for September 10 too, so not even dots settle the order. Another date in the
    // same text, or on the same page (`pageOrder`), may settle it: "8/1/2025 8/27/2025" writes the
    // month first.
    const order = numericOrder(text) ?? pageOrder;
    if (a > 12 || a === b || order === 'dmy') return at(m.index, day(y, b, a));
    if (b > 12 || order === 'mdy') return at(m.index, day(y, a, b));
  }
  return null;
}

export type NumericOrder = 'dmy' | 'mdy';

/** The order the text's numeric dates are written in, when one of them shows it (a part over 12). */
export function numericOrder(text: string): NumericOrder | null {
  for (const n of text.matchAll(NUMERIC_ALL_RE)) {
    if (Number(n[1]) > 12 && Number(n[2]) <= 12) return 'dmy';
    if (Number(n[2]) > 12 && Number(n[1]) <= 12) return 'mdy';
  }
  return null;
}

function at(index: number, d: string | null): { at: number; day: string } | null {
  return d === null ? null : { at: index, day: d };
}

/** "November 2015" alone, after an optional label ("Date:", "Published"): a page that gives only
 *  the month. The month's full name or its short form only ("Mar 2015", not "Marathon 2015"). */
const MONTH_YEAR_RE = /^(?:(?:date|published|posted|issued)\s*:?\s+)?(\p{L}{3,10})\.?,?\s+((?:19|20)\d{2})$/iu;

/** The month of a line that shows only a month and a year, as YYYY-MM (ISO 8601's reduced
 *  precision), or null. */
export function parseMonthYear(text: string): string | null {
  const m = MONTH_YEAR_RE.exec(text.replace(/\s+/gu, ' ').trim());
  if (m === null) return null;
  const month = MONTHS[(m[1] ?? '').toLowerCase()];
  const y = Number(m[2]);
  return month === undefined || y < MIN_YEAR || y > MAX_YEAR ? null : `${y}-${pad(month)}`;
}

/** Either kind: ISO first, then the human forms. */
export function parseAnyDate(value: string): string | null {
  if (/^\s*\d{4}-?\d{2}-?\d{2}/u.test(value)) return parseIsoDate(value);
  return parseHumanDate(value);
}

export function dateFromUrl(url: string | null | undefined): string | null {
  if (url == null) return null;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // not absolute: use as given
  }
  const m = URL_DATE_RE.exec(path);
  if (m !== null) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  const n = URL_NAMED_DATE_RE.exec(path);
  // The whole segment must be a month's name or its short form: "/2021/decision/12" is not December.
  const month = n === null ? undefined : MONTHS[(n[2] ?? '').toLowerCase()];
  return n === null || month === undefined ? null : day(Number(n[1]), month, Number(n[3]));
}
