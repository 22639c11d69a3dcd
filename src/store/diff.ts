// Word-level differences between two copies of a story (for the cluster view): a longest-common-
// subsequence diff over words, the classic dynamic programme (Hunt & McIlroy 1976 describe the
// LCS framing). Texts too long for the quadratic table fall back to a paragraph-level diff.

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Cells of the LCS table we accept (words(a) x words(b)); 4M cells is 16 MB and under 0.1 s of CPU. */
const MAX_CELLS = 4_000_000;
/** Words and the whitespace after them, so joining the parts gives the text back. */
const WORD = /\S+\s*/g;

/** Parts that turn `base` into `other`: `removed` is only in base, `added` only in other. */
export function wordDiff(base: string, other: string): DiffPart[] {
  let a: string[] = base.match(WORD) ?? [];
  let b: string[] = other.match(WORD) ?? [];
  if (a.length * b.length > MAX_CELLS) {
    a = base.split(/(?<=\n\n)/);
    b = other.split(/(?<=\n\n)/);
    if (a.length * b.length > MAX_CELLS) return [{ op: 'removed', text: base }, { op: 'added', text: other }];
  }
  return lcsDiff(a, b);
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffPart[] {
  // Words compare without their trailing whitespace; trimmed once here, not once per table cell.
  const ka = a.map((s) => s.trimEnd());
  const kb = b.map((s) => s.trimEnd());
  const n = a.length;
  const m = b.length;
  // lengths[i * (m + 1) + j] = LCS length of a[i..] and b[j..]
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = ka[i] === kb[j]
        ? (lengths[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
        : Math.max(lengths[(i + 1) * (m + 1) + j] ?? 0, lengths[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], raw: string): void => {
    const last = parts[parts.length - 1];
    // A word taken from the end of one copy has no space after it; keep words apart either way.
    const text = last !== undefined && !/\s$/.test(last.text) ? ` ${raw}` : raw;
    if (last !== undefined && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const ai = a[i] ?? '';
    const bj = b[j] ?? '';
    if (ka[i] === kb[j]) {
      push('same', bj);
      i++;
      j++;
    } else if ((lengths[(i + 1) * (m + 1) + j] ?? 0) >= (lengths[i * (m + 1) + j + 1] ?? 0)) {
      push('removed', ai);
      i++;
    } else {
      push('added', bj);
      j++;
    }
  }
  for (; i < n; i++) push('removed', a[i] ?? '');
  for (; j < m; j++) push('added', b[j] ?? '');
  return parts;
}
