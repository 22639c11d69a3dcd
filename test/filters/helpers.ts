// Hand-made documents for the filter tests: a page and blocks from a list of paragraphs.
import type { Block, Doc, Page } from '../../src/record.js';
import { emptyMeta } from '../../src/record.js';

export function makePage(over: Partial<Page> = {}): Page {
  return {
    input: 'test', position: 0, url: 'https://example.org/a', fetched_at: null, http_status: 200,
    headers: {}, format: 'text', content: '', ...over,
  };
}

export function makeDoc(paragraphs: readonly string[], language: string | null = null, page: Partial<Page> = {}): Doc {
  const blocks: Block[] = paragraphs.map((text, position) => ({ text, kind: 'paragraph', position }));
  const meta = emptyMeta();
  meta.language = language;
  return { page: makePage(page), id: 'doc', blocks, removed: [], meta, annotations: {} };
}

/** A distinct five-letter lower-case word for every i < 26^4 (w + four letters). */
export function uniqueWord(i: number): string {
  let s = '';
  let n = i;
  for (let k = 0; k < 4; k++) {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return `w${s}`;
}

/** `count` distinct words, starting at `from`. */
export function uniqueWords(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => uniqueWord(from + i));
}

/** Words as sentences of `perSentence` words, each capitalised and ending with a period. */
export function sentences(words: readonly string[], perSentence = 10): string {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += perSentence) {
    const chunk = words.slice(i, i + perSentence).join(' ');
    out.push(chunk.charAt(0).toUpperCase() + chunk.slice(1) + '.');
  }
  return out.join(' ');
}
