// The HTTP API and web UI as a pure Hono app: Request in, Response out, over a Store. No port is
// opened here (serve.ts does that), so tests drive it with app.request().
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { ExtractInput, ExtractResult } from '../api.js';
import { ExtractError } from '../record.js';
import { type DiffPart, wordDiff } from '../store/diff.js';
import { InvalidQueryError } from '../store/query.js';
import { MAX_LIMIT } from '../store/search.js';
import type { ClusterMember, Store } from '../store/types.js';
import { VERSION } from '../version.js';
import { openApiDocument } from './openapi.js';
import { redactPaths } from './redact.js';
import { jsonError, hostCheck, securityHeaders, tokenAuth } from './security.js';
import { DEFAULT_UI_DIR, loadAssets } from './static.js';

/** Default request body limit: a large HTML page is a few MB; 10 MB leaves room and stops abuse. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Default time limit for one /api/extract call. */
export const DEFAULT_EXTRACT_TIMEOUT_MS = 30_000;
/** Longest query string accepted (a query is not a document). */
const MAX_QUERY_CHARS = 1000;
/** Copies of a cluster diffed against the canonical one per request; the rest come with their text
 *  and `diff: null`. One diff may cost ~0.1 s of CPU (store/diff.ts MAX_CELLS) on the server's only
 *  thread, and a wire story can have hundreds of copies. */
export const MAX_DIFFED_COPIES = 20;

export type ExtractFn = (input: ExtractInput) => Promise<ExtractResult>;

export interface AppOptions {
  store: Store;
  /** When set, every request must carry it (Bearer header, or the cookie set by ?token=). */
  token?: string;
  maxBodyBytes?: number;
  extractTimeoutMs?: number;
  /** The library's extract(); without it POST /api/extract answers 501. */
  extract?: ExtractFn;
  /** Host names accepted in the Host header (serve() sets the loopback names); unset: any. */
  allowedHosts?: readonly string[];
  uiDir?: string;
  /** The run report (DIR/report.html), read on each request so a new run shows up. */
  report?: () => string | null;
}

const text = z.string().max(MAX_QUERY_CHARS).optional();
const limit = z.coerce.number().int().min(1).max(MAX_LIMIT).optional();
const SearchParams = z.object({
  q: text, site_name: text, language: text, page_type: text, from: text, to: text, cursor: text, limit,
});
const EventParams = z.object({ from: text, to: text, person: text, place: text, type: text, cursor: text, limit });
const ExtractBody = z.object({
  content: z.string(),
  mode: z.enum(['auto', 'html', 'text']).optional(),
  url: z.string().nullable().optional(),
  fetched_at: z.string().nullable().optional(),
  http_status: z.number().int().nullable().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Drops undefined values so the result fits exactOptionalPropertyTypes query objects. */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new HttpError(400, `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const extractTimeoutMs = options.extractTimeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS;
  const assets = loadAssets(options.uiDir ?? DEFAULT_UI_DIR);
  const app = new Hono();

  app.use('*', securityHeaders());
  if (options.allowedHosts !== undefined) app.use('*', hostCheck(options.allowedHosts));
  if (options.token !== undefined && options.token !== '') app.use('*', tokenAuth(options.token));
  app.use('/api/*', bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => jsonError(c, 413, `request body over the limit of ${maxBodyBytes} bytes`),
  }));

  app.onError((err, c) => {
    if (err instanceof HttpError) return jsonError(c, err.status, err.message);
    if (err instanceof InvalidQueryError) return jsonError(c, 400, err.message);
    return jsonError(c, 500, 'internal error');
  });
  app.notFound((c) => jsonError(c, 404, `no route for ${c.req.method} ${c.req.path}`));

  app.get('/api/articles', (c) => c.json(store.search(defined(parse(SearchParams, c.req.query())))));

  app.get('/api/articles/:id', (c) => {
    const article = store.getArticle(c.req.param('id'));
    return article ? c.json(article) : jsonError(c, 404, 'no such article');
  });

  app.get('/api/clusters/:id', (c) => {
    const cluster = store.getCluster(c.req.param('id'));
    if (!cluster) return jsonError(c, 404, 'no such cluster');
    const canonical = cluster.members.find((m) => m.canonical && m.text !== null);
    const diffs = new Map<ClusterMember, DiffPart[]>();
    if (canonical !== undefined) {
      for (const m of cluster.members) {
        if (diffs.size === MAX_DIFFED_COPIES) break;
        if (m !== canonical && m.text !== null) diffs.set(m, wordDiff(canonical.text ?? '', m.text));
      }
    }
    return c.json({ ...cluster, members: cluster.members.map((m) => ({ ...m, diff: diffs.get(m) ?? null })) });
  });

  app.get('/api/events', (c) => c.json(store.listEvents(defined(parse(EventParams, c.req.query())))));

  // The last run's stats may name input files and folders: the API gives their last segment only.
  app.get('/api/stats', (c) => {
    const stats = store.stats();
    return c.json({ ...stats, last_run: redactPaths(stats.last_run), report: options.report?.() != null });
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(VERSION)));

  app.post('/api/extract', async (c) => {
    if (options.extract === undefined) return jsonError(c, 501, 'extraction is not available in this server');
    const input = await extractInput(c.req.raw);
    const result = await withTimeout(options.extract(input), extractTimeoutMs).catch((err: unknown) => {
      if (err instanceof HttpError) throw err;
      // The page itself was the problem (a limit, the per-page time limit): say which.
      if (err instanceof ExtractError) throw new HttpError(err.reason === 'timeout' ? 504 : 422, `page rejected (${err.reason}): ${err.message}`);
      throw new HttpError(500, `extraction failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    return c.json(result);
  });

  app.get('/report', (c) => {
    const html = options.report?.() ?? null;
    return html === null ? jsonError(c, 404, 'this corpus has no report.html') : c.html(html);
  });

  app.get('*', (c) => {
    const asset = assets.get(c.req.path);
    if (asset === undefined) return jsonError(c, 404, `no route for GET ${c.req.path}`);
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': asset.type });
  });

  return app;
}

/** JSON ({content, mode, url, ...}) or a raw body: text/html is markup, text/plain page text. */
async function extractInput(req: Request): Promise<ExtractInput> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const url = new URL(req.url).searchParams.get('url');
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      throw new HttpError(400, 'body is not valid JSON');
    }
    return defined(parse(ExtractBody, body)) as ExtractInput;
  }
  if (type === 'text/html' || type === 'text/plain') {
    return { content: await req.text(), mode: type === 'text/html' ? 'html' : 'text', ...(url !== null && { url }) };
  }
  throw new HttpError(415, 'send application/json ({"content": ...}), text/html or text/plain');
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HttpError(504, `extraction took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
