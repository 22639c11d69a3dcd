// The peer: Mozilla Readability.js 0.6 on linkedom, as a user of both would run it.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface PeerResult {
  text: string;
  title: string | null;
  authors: string[];
  published_at: string | null;
}

export function readabilityExtract(html: string, url?: string): PeerResult {
  const { document } = parseHTML(html);
  if (url !== undefined) {
    // Readability resolves relative links against documentURI; linkedom leaves it empty.
    try {
      Object.defineProperty(document, 'documentURI', { value: url });
    } catch {
      // read-only in some linkedom versions: links stay relative, the text is unaffected
    }
  }
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (article === null) return { text: '', title: null, authors: [], published_at: null };
  return {
    text: article.textContent ?? '',
    title: article.title ?? null,
    authors: article.byline ? [article.byline] : [],
    published_at: article.publishedTime ?? null,
  };
}
