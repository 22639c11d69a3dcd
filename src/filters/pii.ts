// PII redaction: e-mail addresses, phone numbers and IP addresses in the kept text (and in removed
// lines, which are written too) are replaced by placeholders; counts go to `doc.annotations.pii`.
import type { Doc, Stage } from '../record.js';

export const PII_PLACEHOLDERS = { email: '[EMAIL]', phone: '[PHONE]', ip: '[IP]' } as const;

/** local@domain.tld, letters of any script allowed (RFC 6531 addresses). The local part starts
 *  where a run of its characters starts (the lookbehind): the same matches, since a start inside the
 *  run reaches the same `@`, but a long run without `@` is read once, not from each of its offsets
 *  (quadratic: 100,000 letters took seconds). */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Dotted-quad IPv4, each part 0-255, not part of a longer dotted number. */
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\d.])/g;
/** IPv6: the full eight groups, or a compressed form with `::` and at least two groups (times such as
 *  12:30:45 have neither). */
const IPV6 = /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})(?![\w:])/gi;
/** Candidate phone numbers: optional +country code and (area code), then 2 to 5 digit groups joined
 *  by a space, dot or hyphen. Candidates are then checked by looksLikePhone; the character before a
 *  candidate is checked there too (a lookbehind here would make V8 try the pattern at every offset). */
const PHONE_CANDIDATE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?!\w|%|[.,:-]\w)/g;
/** A candidate glued to a word, a sign or a number (x12-34-56, 1,234 567) is not a phone number. */
const PHONE_BAD_BEFORE = /[\p{L}\p{N}_+.,-]/u;
/** Cheap pre-checks: most texts hold no `@`, no dotted quad, no `::` and no digit run at all. */
const MAYBE_IPV4 = /\d\.\d/;
const MAYBE_IPV6 = /[0-9a-f]:[0-9a-f]*:/i;
const MAYBE_PHONE = /\d[\s.()-]*\d[\s.()-]*\d/;
/** E.164 allows at most 15 digits; 7 is the shortest subscriber number worth redacting. */
const PHONE_MIN_DIGITS = 7;
const PHONE_MAX_DIGITS = 15;
/** Dates (2024-01-15, 15.01.2024, also leading a timestamp) and thousands-grouped amounts
 *  (1 000 000) look like digit groups. */
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?:$|\s)/;
const THOUSANDS_GROUPED = /^\d{1,3}(?:[\s.]\d{3})+$/;

export interface PiiCounts {
  email: number;
  phone: number;
  ip: number;
}

function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS) return false;
  if (DATE_LIKE.test(candidate) || THOUSANDS_GROUPED.test(candidate)) return false;
  const groups = candidate.split(/[^\d]+/).filter(Boolean).map(Number);
  // Counting (1 2 3 ... 10 11 12: line numbers, list indexes) is not a phone number.
  if (groups.length >= 3 && groups.every((g, i) => i === 0 || g === (groups[i - 1] as number) + 1)) return false;
  // Dots and spaces together are decimals in a table (95.08 90.48), not one number.
  if (candidate.includes('.') && /\s/.test(candidate)) return false;
  const separators = (candidate.match(/[\s.-]/g) ?? []).length;
  // A '+' or '(' says phone; otherwise require two separators (555-123-4567), which a year range or a
  // score ("2019-2020", "3-1") does not have.
  return candidate.startsWith('+') || candidate.includes('(') || separators >= 2;
}

/** Replaces PII in one string and adds what it found to `counts`. */
export function redactText(text: string, counts: PiiCounts): string {
  let out = text;
  if (out.includes('@')) {
    out = out.replace(EMAIL, () => {
      counts.email++;
      return PII_PLACEHOLDERS.email;
    });
  }
  if (MAYBE_IPV4.test(out)) {
    out = out.replace(IPV4, () => {
      counts.ip++;
      return PII_PLACEHOLDERS.ip;
    });
  }
  if (MAYBE_IPV6.test(out)) {
    out = out.replace(IPV6, () => {
      counts.ip++;
      return PII_PLACEHOLDERS.ip;
    });
  }
  if (MAYBE_PHONE.test(out)) {
    out = out.replace(PHONE_CANDIDATE, (m: string, offset: number, whole: string) => {
      if (offset > 0 && PHONE_BAD_BEFORE.test(whole.charAt(offset - 1))) return m;
      if (!looksLikePhone(m)) return m;
      counts.phone++;
      return PII_PLACEHOLDERS.phone;
    });
  }
  return out;
}

/** Runs last among the filters: quality signals are measured on the text as published. */
export function piiStage(): Stage {
  return {
    name: 'pii',
    apply(doc: Doc): Doc {
      const counts: PiiCounts = { email: 0, phone: 0, ip: 0 };
      doc.blocks = doc.blocks.map((b) => ({ ...b, text: redactText(b.text, counts) }));
      doc.removed = doc.removed.map((r) => ({ ...r, text: redactText(r.text, counts) }));
      doc.annotations['pii'] = counts;
      return doc;
    },
  };
}
