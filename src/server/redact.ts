// Strips local file-system paths from data the API hands out: a run's stats are open-ended
// (`Record<string, unknown>`) and may name input files, work folders or the output folder, which tell
// whoever reads /api/stats about the serving machine (user names, folder layout). A path keeps only its
// last segment, which is what a reader of the report needs to recognise an input.

/** An absolute POSIX path (`/home/x/...`), a home-relative one (`~/...`), a Windows drive or UNC path
 *  (`C:\...`, `\\server\...`), or a file: URL. Anchored at the start: prose that mentions a path
 *  somewhere is left alone, and URLs (`https://...`) are not paths. */
const LOCAL_PATH = /^(?:\/(?!\/)|~[\\/]|[A-Za-z]:[\\/]|\\\\|file:)/;
/** How deep a value is walked: run stats are a few levels; anything deeper is cut off. */
const MAX_DEPTH = 12;

/** The last segment of a path, prefixed with `…/` so it reads as redacted, not as a relative path. */
export function redactPath(path: string): string {
  const segments = path.replace(/^file:\/*/i, '').split(/[\\/]+/).filter((s) => s !== '');
  return `…/${segments[segments.length - 1] ?? ''}`;
}

/** A copy of `value` where every string (value or key) that is a local path keeps only its last segment. */
export function redactPaths(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return LOCAL_PATH.test(value) ? redactPath(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((v) => redactPaths(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [
    LOCAL_PATH.test(k) ? redactPath(k) : k, redactPaths(v, depth + 1),
  ]));
}
