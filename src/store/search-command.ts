// `newsift search DIR "query" [--language --site-name --from --to --page-type --limit --json]`:
// runs a search on DIR's store and formats it for a terminal (hits in brackets, or bold on a TTY) or
// as JSON.
import { join } from 'node:path';
import { STORE_FILE, openStore } from './sqlite.js';
import { ensureStore } from './sync.js';
import type { SearchQuery, SearchResult } from './types.js';
import { forTerminal } from '../terminal.js';

export interface SearchCommandOptions {
  language?: string;
  site_name?: string;
  from?: string;
  to?: string;
  page_type?: string;
  limit?: number;
  json?: boolean;
  /** Mark hits with ANSI bold instead of [brackets] (the CLI passes process.stdout.isTTY). */
  color?: boolean;
}

const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/** The text `newsift search` prints (builds or refreshes DIR's store from articles.jsonl if needed). */
export async function searchCommand(dir: string, query: string, options: SearchCommandOptions = {}): Promise<string> {
  await ensureStore(dir);
  const store = openStore(join(dir, STORE_FILE), { readonly: true });
  try {
    const { json, color, ...filters } = options;
    const q: SearchQuery = { q: query, ...filters };
    return formatSearchResults(store.search(q), { json: json ?? false, color: color ?? false });
  } finally {
    store.close();
  }
}

export function formatSearchResults(result: SearchResult, options: { json?: boolean; color?: boolean } = {}): string {
  if (options.json) return `${JSON.stringify(result, null, 2)}\n`;
  const clean = (s: string | null): string => forTerminal(s ?? '');
  const [open, close] = options.color ? [BOLD, RESET] : ['[', ']'];
  const lines: string[] = [];
  if (result.total !== null) {
    const count = result.total_capped ? `more than ${result.total} articles` : `${result.total} article${result.total === 1 ? '' : 's'}`;
    lines.push(result.rank_window !== null
      ? `${count}, ranked among the ${result.rank_window} most recently added (add words to narrow)`
      : count);
  }
  result.items.forEach((item, i) => {
    const meta = [item.site_name, item.published_at, item.language].filter((v) => v).map((v) => clean(v)).join(' · ');
    lines.push('', `${i + 1}. ${clean(item.title) || '(untitled)'}`, `   ${meta}${meta ? ' · ' : ''}${clean(item.id)}`);
    const snippet = item.snippet.map((p) => (p.hit ? `${open}${clean(p.text)}${close}` : clean(p.text))).join('');
    lines.push(`   ${snippet.replace(/\s+/g, ' ').trim()}`);
    if (item.url) lines.push(`   ${clean(item.url)}`);
  });
  if (result.next_cursor !== null) lines.push('', '(more results: raise --limit)');
  return `${lines.join('\n')}\n`;
}
