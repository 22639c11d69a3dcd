// Page-text records as lines: one visible block a line, lists as "- item", an optional crawl
// header line (" date 2025-07-10 403") first. Blank lines separate nothing and are skipped.
import type { BlockKind } from '../record.js';
import { LIST_MARKER_RE, stripListMarker } from '../clean/text.js';

/** The header some page-text dumps put first: crawl date and HTTP status. */
export const HEADER_RE = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(\d{3}))?\s*$/;

export interface Line {
  /** The line as printed (trimmed). */
  raw: string;
  /** The text without a list marker. */
  text: string;
  kind: BlockKind;
  /** Line index in the record (the header, when present, is line 0). */
  position: number;
}

export function splitLines(content: string): Line[] {
  const out: Line[] = [];
  content.split(/\r?\n/).forEach((rawLine, position) => {
    const raw = rawLine.replace(/\s+/gu, ' ').trim();
    if (raw === '' || (position === 0 && HEADER_RE.test(rawLine))) return;
    const isList = LIST_MARKER_RE.test(raw) && /^\s*[-*•·▪►]/u.test(raw);
    out.push({ raw, text: isList ? stripListMarker(raw) : raw, kind: isList ? 'list_item' : 'paragraph', position });
  });
  return out;
}
