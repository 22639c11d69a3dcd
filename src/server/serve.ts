// `newsift serve DIR`: opens DIR/newsift.db (built or refreshed from DIR/articles.jsonl first when a run
// left none or an older one) and serves the app on a port (loopback by default), with the library's extract() loaded
// lazily so the server starts without loading the pipeline.
import { readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve as nodeServe } from '@hono/node-server';
import { STORE_FILE, openStore } from '../store/sqlite.js';
import { ensureStore } from '../store/sync.js';
import type { Store } from '../store/types.js';
import type { Extractor } from '../api.js';
import { type ExtractFn, createApp } from './app.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
/** Names that reach a loopback listener; only these are accepted in the Host header there (an IPv6
 *  address is always bracketed in a Host header, RFC 9110 section 7.2 via RFC 3986 section 3.2.2). */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/;

export interface ServeOptions {
  host?: string;
  /** 0 picks a free port (see the returned port). */
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  extractTimeoutMs?: number;
  /** Override the extract function (tests); default: the library's extract(), imported on first use. */
  extract?: ExtractFn;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
}

/** The library's extraction in a worker thread, created on first call (it loads the pipeline and its
 *  models): a hostile page that hangs the parser is cut off at the configured time limit without
 *  blocking the server. */
function libraryExtract(): { extract: ExtractFn; close: () => Promise<void> } {
  let extractor: Promise<Extractor> | null = null;
  return {
    extract: async (input) => {
      extractor ??= import('../api.js').then((api) => api.createExtractor());
      return (await extractor).extract(input);
    },
    close: async () => { if (extractor !== null) await (await extractor).close(); },
  };
}

/** DIR/report.html as it is now (a new run shows up), read again only when its mtime changes:
 *  /api/stats asks for it on every call only to say whether there is one. */
function reportReader(path: string): () => string | null {
  let cached: { mtimeMs: number; html: string } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return null;
    }
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(path, 'utf8') };
    return cached.html;
  };
}

export async function serve(dir: string, options: ServeOptions = {}): Promise<RunningServer> {
  const path = join(dir, STORE_FILE);
  await ensureStore(dir);
  const host = options.host ?? DEFAULT_HOST;
  const store = openStore(path);
  const pageExtractor = libraryExtract();
  const app = createApp({
    store,
    extract: options.extract ?? pageExtractor.extract,
    report: reportReader(join(dir, 'report.html')),
    ...(options.token !== undefined && { token: options.token }),
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
    ...(options.extractTimeoutMs !== undefined && { extractTimeoutMs: options.extractTimeoutMs }),
    ...(LOOPBACK.test(host) && { allowedHosts: LOOPBACK_NAMES }),
  });
  const server = await new Promise<ReturnType<typeof nodeServe>>((resolve, reject) => {
    const s = nodeServe({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    store,
    close: () => new Promise<void>((resolve) => {
      server.close(() => {
        store.close();
        void pageExtractor.close().then(resolve);
      });
      // Keep-alive connections would otherwise hold close() open.
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    }),
  };
}
