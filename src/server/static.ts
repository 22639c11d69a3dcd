// The web UI's files (ui/ beside src/ and dist/), read once into memory and served with their types.
// Only files found at start-up are served: no path from a request ever reaches the file system.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ui/ sits two levels above this file in both layouts (src/server/ and dist/server/). */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../ui/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

export interface Asset {
  body: Uint8Array;
  type: string;
}

/** URL path (`/app.js`) -> file; `/` is index.html. Missing directory: an empty map. */
export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      if (name.startsWith('.')) continue;
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const type = TYPES[extname(name)];
        if (type === undefined || name.endsWith('.d.ts')) continue;
        const url = `/${relative(dir, full).split(sep).join('/')}`;
        assets.set(url, { body: readFileSync(full), type });
      }
    }
  };
  try {
    walk(dir);
  } catch {
    return assets;
  }
  const index = assets.get('/index.html');
  if (index) assets.set('/', index);
  return assets;
}
