// Puts an article back together in page order: kept blocks and removed lines merged by their shared
// position sequence, so a reader sees what was taken out and where. Without block positions (records
// as articles.jsonl holds them) the positions are inferred when the sequence is provably dense (see
// inferBlocks); otherwise the paragraphs come from the text and the removed lines follow them,
// grouped by reason, marked as not placed.
import type { Block, Removed } from '../record.js';
import type { ReadingLine } from './types.js';

/** Paragraphs in an Article's text are separated by a blank line (see record.ts blocksToText). */
const PARAGRAPH_BREAK = /\n\s*\n/;

/** Kept paragraphs with the positions they must have had, when that can be known: if the removed
 *  positions are distinct integers inside [0, paragraphs + removed), and the sequence had no gaps
 *  (the extractor numbers every unit it sees), the paragraphs fill the free slots in order. Returns
 *  null when the removed positions do not fit that (then nothing is guessed). */
export function inferBlocks(text: string, removed: readonly Removed[]): Block[] | null {
  const paragraphs = splitParagraphs(text);
  const exact = blocksFromBefore(paragraphs, removed);
  if (exact !== null) return exact;
  const total = paragraphs.length + removed.length;
  const taken = new Set<number>();
  for (const r of removed) {
    if (!Number.isInteger(r.position) || r.position < 0 || r.position >= total || taken.has(r.position)) return null;
    taken.add(r.position);
  }
  const free: number[] = [];
  for (let p = 0; p < total; p++) if (!taken.has(p)) free.push(p);
  return paragraphs.map((p, i) => ({ text: p, kind: 'paragraph', position: free[i] ?? total + i }));
}

/** Records written by the runner say, for each removed line, which paragraph it stood before
 *  (`before`): then each paragraph's position is known exactly, whatever gaps the sequence has. */
function blocksFromBefore(paragraphs: readonly string[], removed: readonly Removed[]): Block[] | null {
  if (removed.length === 0 || !removed.every((r) => Number.isInteger(r.before) && Number.isInteger(r.position))) return null;
  const sorted = [...removed].sort((a, b) => a.position - b.position);
  return paragraphs.map((text, i) => {
    // Just after the last removed line that stood before this paragraph (positions are integers,
    // so a fraction below 1 keeps consecutive paragraphs in order and ahead of the next line).
    const anchor = sorted.filter((r) => (r.before as number) <= i).at(-1)?.position ?? -1;
    return { text, kind: 'paragraph', position: anchor + (i + 1) / (paragraphs.length + 2) };
  });
}

function splitParagraphs(text: string): string[] {
  return text.split(PARAGRAPH_BREAK).filter((p) => p.trim() !== '');
}

export function readingLines(text: string, blocks: readonly Block[] | null, removed: readonly Removed[]): ReadingLine[] {
  if (blocks !== null) return mergeByPosition(blocks, removed);
  const lines: ReadingLine[] = splitParagraphs(text).map((p) => ({ text: p, kind: 'paragraph', position: null }));
  return [...lines, ...groupedByReason(removed)];
}

function mergeByPosition(blocks: readonly Block[], removed: readonly Removed[]): ReadingLine[] {
  const placed: ReadingLine[] = blocks.map((b) => ({ text: b.text, kind: b.kind, position: b.position }));
  const unplaced: Removed[] = [];
  for (const r of removed) {
    if (Number.isFinite(r.position)) {
      placed.push({ text: r.text, kind: 'removed', position: r.position, removed_reason: r.reason, placed: true });
    } else unplaced.push(r);
  }
  // Stable sort: on equal positions (should not happen) the kept block stays first.
  placed.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return [...placed, ...groupedByReason(unplaced)];
}

function groupedByReason(removed: readonly Removed[]): ReadingLine[] {
  const groups = new Map<string, Removed[]>();
  for (const r of removed) {
    const group = groups.get(r.reason);
    if (group) group.push(r);
    else groups.set(r.reason, [r]);
  }
  const lines: ReadingLine[] = [];
  for (const [reason, group] of groups) {
    for (const r of group) {
      lines.push({
        text: r.text, kind: 'removed',
        position: Number.isFinite(r.position) ? r.position : null,
        removed_reason: reason, placed: false,
      });
    }
  }
  return lines;
}
