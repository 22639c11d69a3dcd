// Loads the WCXB development pages (../shared/data/wcxb-dev): the HTML, the gold text and
// metadata, and a stable by-site held-out split (every 5th site by hash) that tuning looks at less.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

export const WCXB_DIR = new URL('../../../shared/data/wcxb-dev/', import.meta.url).pathname;
/** One site in this many goes to the held-out part. */
const HELD_OUT_EVERY = 5;

export interface WcxbPage {
  id: string;
  url: string;
  type: string;
  html: string;
  gold: {
    text: string;
    title: string | null;
    author: string | null;
    date: string | null;
    with: string[];
    without: string[];
  };
  heldOut: boolean;
}

export function wcxbAvailable(dir = WCXB_DIR): boolean {
  return existsSync(join(dir, 'ground-truth')) && existsSync(join(dir, 'html'));
}

function site(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return url;
  }
}

export function isHeldOut(url: string): boolean {
  const h = createHash('sha1').update(site(url)).digest();
  return (h[0] ?? 0) % HELD_OUT_EVERY === 0;
}

export interface LoadOptions {
  limit?: number;
  type?: string;
  split?: 'all' | 'dev' | 'heldout';
}

export function* loadWcxb(opts: LoadOptions = {}, dir = WCXB_DIR): Generator<WcxbPage> {
  const ids = readdirSync(join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  let n = 0;
  for (const id of ids) {
    if (opts.limit !== undefined && n >= opts.limit) return;
    const gt = JSON.parse(readFileSync(join(dir, 'ground-truth', `${id}.json`), 'utf8')) as {
      url: string;
      _internal: { page_type: { primary: string } };
      ground_truth: Record<string, unknown>;
    };
    const type = gt._internal.page_type.primary;
    if (opts.type !== undefined && type !== opts.type) continue;
    const url = typeof gt.url === 'string' ? gt.url : '';
    const heldOut = isHeldOut(url === '' ? id : url);
    if (opts.split === 'dev' && heldOut) continue;
    if (opts.split === 'heldout' && !heldOut) continue;
    const g = gt.ground_truth;
    const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    n++;
    yield {
      id, url, type, html, heldOut,
      gold: {
        text: s(g['main_content']) ?? '', title: s(g['title']), author: s(g['author']), date: s(g['publish_date']),
        with: list(g['with']), without: list(g['without']),
      },
    };
  }
}
