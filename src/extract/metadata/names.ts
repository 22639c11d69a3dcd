// Cleans author credits into names: strips "By", dates and job titles, splits "A, B and C", and
// drops what is not a person's or an organisation's name (site names next to people, URLs,
// interface words, template placeholders, role lines).

/** "By", "Von", "Par", "Por", "Door", "Di", "Av", "Authors:" prefixes, and "Written/Posted by". */
const BY_PREFIX = /^(?:(?:written|posted|published|reviewed|updated|authored|story|words|text|reporting|article|articles|recipe|post|posts|blog\s+post|interview|photos?|video)\s+)?(?:by|von|par|por|door|di|da|av|af|de|autor(?:in|es|en)?|authors?|auteurs?|contributors?|escrito por|via)\s*[:\-–]?\s+/iu;
/** A date at the start of a byline ("Dec. 19, 2025 · Jane Doe", "03/10/2023 by Jane Doe"), with the
 *  separator after it. Anchored and bounded, so it is read once. */
const LEAD_DATE = /^(?:(?:updated|published|posted|last\s+updated)\s*:?\s*)?(?:\p{L}{3,9}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}\d{4}|\d{1,2}\.?\s{1,3}\p{L}{3,9}\.?,?\s{1,3}\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\p{L}{3,9}\.?\s{1,3}\d{1,2})(?:[\s,:;|·•–—-]{1,6}|$)/iu;
/** Splits a list of names; the joining words stand between spaces ("E-RYT" is not "E" + "RYT").
 *  Spaces before a separator are taken from the first of their run only (the lookbehind): the same
 *  splits, but a long run of spaces is not rescanned from each offset. */
const NAME_SPLIT = /(?:(?<!\s)\s+)?(?:,|;|\||&|(?<=\s)(?:and|und|et|y|e)(?=\s))\s*/iu;
/** A name is short: more than this many words is a sentence, not a byline. */
const MAX_NAME_WORDS = 5;
export const MAX_BYLINE_CHARS = 120;
/** Trailing parts that are not names: dates, roles, "Updated", "min read", "on Friday", "on behalf
 *  of", "in <section>". Runs of spaces, letters and digits are entered at their first character only
 *  (the lookbehinds): a later start reaches the same character after the run, so the first match is
 *  the same, but a run is read once instead of from each of its offsets (quadratic: an author of
 *  100,000 letters took 46 s). */
const TAIL_NOISE = /(?:(?<!\s)\s+)?(?:[-–—|•·]\s*)?(?:\d{1,2}\s+\p{L}+\s+\d{4}|(?<!\p{L})\p{L}+\s+\d{1,2},?\s+\d{4}|\d{4}[-/]\d{1,2}[-/]\d{1,2}|updated\b|published\b|posted\b|last\s+update|\bon\s+\d|\bon\s+\p{L}+\s+\d|\bon\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bon\s+behalf\b|\bin\s+\p{L}|(?<!\d)\d+\s*min(?:ute)?s?\s+read).*$/iu;
/** What forum bylines print after a user name: "» Sat Mar 02", a reputation or post count ("3",
 *  "#2"), "1 year ago". Anchored at the end and bounded, so read once. */
const FORUM_TAIL = /\s(?:»[^»]{0,80}|#?\d{1,6}|\d{1,3}\s(?:second|minute|hour|day|week|month|year)s?\sago\b.{0,80})$/u;
/** Separators and spaces at either end (the trailing run entered at its first character, as above). */
const EDGE_PUNCTUATION = /^[\s,:;|–—-]+|(?<![\s,:;|–—-])[\s,:;|–—-]+$/gu;
/** Words that stand where a name should be but are not one (labels, interface words). */
const NOT_A_NAME = /^(?:the\s+)?(?:author|authors|admin|administrator|editor|editors|staff|guest|anonymous|name|by|written|posted|published|updated|posted by|share|follow|more|view|read more|about the author|login|log in|member login|sign in|sign up|subscribe|menu|search|home|contact|written by|bluesky|twitter|facebook|linkedin|instagram|threads|mastodon|tiktok|youtube|pinterest|reddit|email|rss|(?:mon|tue|wed|thu|fri|sat|sun)(?:day)?|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\s*\*?$/iu;
/** A month name after a name; only taken off a name of two words or more ("Tom May" stays). */
const TRAILING_MONTH = /\s(?:january|february|march|april|may|june|july|august|september|october|november|december)$/iu;
/** A day and a month left over from a split date ("20 Dec", "Dec 17"). */
const DAY_MONTH = /^(?:\d{1,2}\.?\s\p{L}{3,9}\.?|\p{L}{3,9}\.?\s\d{1,2})$/u;
/** Job titles that follow a name in bylines ("Jane Doe Senior Writer", "Jane Doe, Staff Reporter").
 *  Only nouns that are rarely surnames; a part ending in one is a role, not a name. */
const ROLE_NOUN = /^(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|producer|coordinator|consultant|manager|director|strategist|specialist|analyst|expert|educator|scientist|researcher|engineer|designer|developer|founder|co-founder|cofounder|ceo|cto|cmo|coo|president|officer|marketer|photographer|intern|professor|dietitian|nutritionist|physician|therapist|advisor|adviser|planner|attorney|lawyer|economist|historian|blogger|copywriter|reviewer|tester|critic|lecturer|student|trainer)s?$/iu;
/** Words that open a job title before its noun ("Senior Autos Reporter", "Former McKinsey Consultant"). */
const ROLE_LEAD = /^(?:senior|junior|former|staff|contributing|freelance|associate|assistant|executive|managing|chief|lead|head|principal|guest|deputy|certified|licensed|registered)$/iu;
/** Lower-case words that belong inside names (nobiliary and patronymic particles). */
const PARTICLE = /^(?:van|von|de|der|den|da|di|del|della|dos|das|du|la|le|bin|binti|ibn|al|el|zu|ter|ten|y|e|af|av)$/u;
/** An acronym before a role noun belongs to the role ("AI Writer", "SEO Specialist"). */
const ACRONYM = /^\p{Lu}{2,4}$/u;

/** Two or three capitals before a name: an avatar's initials printed with it ("CM Craig McCarthy"). */
const LEAD_INITIALS = /^(\p{Lu}{2,3})\s(?=\p{Lu})/u;

/** A name without the avatar initials in front of it, when they are the name's own initials. */
function stripInitials(s: string): string {
  const m = LEAD_INITIALS.exec(s);
  if (m === null) return s;
  const rest = s.slice(m[0].length);
  const initials = words(rest).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials === m[1] ? rest : s;
}

/** Degrees and credentials written after a name ("Ph.D.", "MD", "RDN", "MSc", "E-RYT 200"): one
 *  token of letters, dots and hyphens with at least two capitals and no more small letters than
 *  capitals, a number allowed after it. */
const CREDENTIAL_SHAPE = /^[\p{L}.-]{2,10}(?:\s\d{2,4})?$/u;

function isCredential(s: string): boolean {
  if (!CREDENTIAL_SHAPE.test(s)) return false;
  const upper = (s.match(/\p{Lu}/gu) ?? []).length;
  const lower = (s.match(/\p{Ll}/gu) ?? []).length;
  return upper >= 2 && lower <= upper;
}

/** Two or more capitalised words: what is left of "Jane Doe Example Times" must still be a name. */
const CAPITALISED_NAME = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s\p{Lu}[\p{L}\p{M}'’.-]*)+$/u;

const words = (s: string): string[] => s.split(' ').filter((w) => w !== '');
const bare = (w: string): string => w.replace(/[.,;:]+$/u, '');

/** "Keith Barry Senior Autos Reporter" -> "Keith Barry"; a part that is only a role -> null. Only
 *  a part that ends in a role noun is touched, so names that hold such a word elsewhere stay. */
function stripRole(s: string): string | null {
  const w = words(s);
  const last = w[w.length - 1];
  // "Head of Marketing", "Senior Editor": a part that opens with a rank is a role.
  if (w.length > 1 && ROLE_LEAD.test(w[0] ?? '')) return null;
  if (last === undefined || !ROLE_NOUN.test(bare(last))) return s;
  let i = w.findIndex((x) => ROLE_LEAD.test(bare(x)) || ROLE_NOUN.test(bare(x)));
  while (i > 2 && ACRONYM.test(w[i - 1] ?? '')) i--;
  // A role of several words with no rank in front ("Content Marketing Coordinator"): the name is
  // the first two words, three with an initial or a particle.
  if (i > 3) i = /^\p{Lu}\.$/u.test(w[1] ?? '') || PARTICLE.test(w[1] ?? '') ? 3 : 2;
  // Fewer than two words before the role: "Shipping Expert" is all role, no name.
  return i < 2 ? null : w.slice(0, i).join(' ');
}

/** A capitalised part with a long lower-case word in it is a phrase ("Extension horticulture
 *  educators"), not a name. Short function words stay ("Center for X", "Ask the Doctors", "A with
 *  B"), and so do names written all in lower case ("jane doe", user names). */
function isPhrase(s: string): boolean {
  const w = words(s);
  if (w.length < 2 || !w.some((x) => /^\p{Lu}/u.test(x))) return false;
  return w.some((x) => /^\p{Ll}{5}/u.test(x) && !PARTICLE.test(x));
}

/** "page.head.extra.author": a template key the page forgot to fill in. */
const TEMPLATE_KEY = /^[a-z_]+(?:\.[a-z_]+)+\.(?:author|authors|name|byline|creator|writer)$/u;

/** With `roles`, job titles come off names and a part that is only a role is dropped: what bylines
 *  shown on the page need. Markup credits are names already; a lone "Community Editor" there is the
 *  page's credit, so `roles: false` keeps it. */
export function cleanName(raw: string, roles = true): string | null {
  let s = raw.replace(/\s+/gu, ' ').trim();
  s = s.replace(BY_PREFIX, '').replace(TAIL_NOISE, '').replace(FORUM_TAIL, '').replace(EDGE_PUNCTUATION, '').trim();
  if (s === '' || /https?:|www\.|@|\.com\b|[{}<>]/iu.test(s)) return null;
  // A name is no longer than a whole byline: a 100,000-letter "author" is bait, not a name.
  if (s.length > MAX_BYLINE_CHARS || words(s).length > MAX_NAME_WORDS) return null;
  if (TEMPLATE_KEY.test(s) || DAY_MONTH.test(s)) return null;
  // "Jane Doe December": the month of a date whose day went into another element.
  if (words(s).length >= 3) s = s.replace(TRAILING_MONTH, '');
  if (isPhrase(s)) return null;
  s = stripInitials(s);
  const named = roles ? stripRole(s) : s;
  if (named === null || !/\p{L}/u.test(named) || NOT_A_NAME.test(named) || isPhrase(named)) return null;
  return named;
}

/** A byline without the date it starts with ("Jun 2 Written By" -> "Written By"). */
export function stripLeadingDate(text: string): string {
  return text.replace(LEAD_DATE, '');
}

/** What comes before the names: "By", a leading date, "Updated ... Written by". */
function stripLead(entry: string): string {
  let s = entry.replace(/\s+/gu, ' ').trim();
  s = s.replace(LEAD_DATE, '');
  const by = /\b(?:by|von|par|por)\s*:?\s/iu.exec(s);
  // "Updated January 8, 2026 Written by Jane Doe": what precedes a later "by" is a date line.
  if (by !== null && by.index > 0 && by.index < 60 && /\d|updated|published|posted|written|article|recipe/iu.test(s.slice(0, by.index))) s = s.slice(by.index);
  return s.replace(BY_PREFIX, '').replace(TAIL_NOISE, '');
}

const key = (name: string): string => name.toLowerCase().replace(/\s+/gu, '');

/** Cleans and splits names, dropping duplicates, and site names when people are named too. From
 *  markup (`fromMarkup`), a role is dropped only after a name ("Jane Doe, Senior Writer"). */
export function cleanAuthors(raw: readonly string[], siteNames: readonly (string | null)[], fromMarkup = false): string[] {
  const sites = new Set(siteNames.filter((x): x is string => x !== null).map(key));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    // "Morgan & Morgan", "Ernst & Young": the site's own name is one credit, not a list.
    const whole = entry.replace(/\s+/gu, ' ').trim();
    if (sites.has(key(whole)) && NAME_SPLIT.test(whole)) {
      if (!seen.has(key(whole))) out.push(whole);
      seen.add(key(whole));
      continue;
    }
    let roleBegun = false;
    const parts = stripLead(entry).split(NAME_SPLIT);
    for (const [i, part] of parts.entries()) {
      // "Jane Doe, MS, RDN": degrees and credentials closing a credit are not more names; they stay
      // with the name they qualify, as the page prints them.
      const last = out.length - 1;
      if (i > 0 && last >= 0 && parts.slice(i).every((p) => isCredential(p.trim()) && !sites.has(key(p.trim())))) {
        out[last] = `${out[last] ?? ''}, ${part.trim()}`;
        continue;
      }
      const roles = !fromMarkup || i > 0;
      const name = cleanName(part, roles);
      // Once a role has begun ("Jane Doe Writer, Hardware", "Gardener & Astrologer"), the parts
      // after it go on describing her.
      if (roles && i > 0 && out.length > 0 && roleBegun) break;
      roleBegun = roles && name !== cleanName(part, false);
      if (name === null || seen.has(key(name))) continue;
      seen.add(key(name));
      out.push(name);
    }
  }
  // "Brian Truitt USA TODAY": the site's name after a person's is the outlet, not a second name.
  const siteList = siteNames.filter((x): x is string => x !== null && x.trim() !== '');
  for (const [i, name] of out.entries()) {
    const site = siteList.find((x) => name.length > x.length && name.toLowerCase().endsWith(` ${x.toLowerCase()}`));
    const rest = site === undefined ? '' : name.slice(0, name.length - site.length).trim();
    if (CAPITALISED_NAME.test(rest)) out[i] = rest;
  }
  // The site's name is not an author next to people; alone, it is the credited author.
  const people = out.filter((n) => !sites.has(key(n)));
  return people.length > 0 ? people : out;
}

/** A line that starts with a job title ("AI Writer, Example Inc") describes a person, it names none. */
export function isRoleLine(text: string): boolean {
  const first = text.split(NAME_SPLIT)[0]?.trim() ?? '';
  return words(first).length <= 5 && stripRole(first) === null;
}
