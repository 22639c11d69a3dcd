// The server's safety rails, as Hono middleware: security headers with a strict Content-Security-Policy,
// a Host allow-list (DNS rebinding), and the optional bearer token (header, or ?token= once -> cookie).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** No inline script or style anywhere, nothing from another origin; the UI's code is served as files. */
export const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "frame-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
].join('; ');
/** The run report is generated from page data: shown sandboxed (no script at all, even inline). */
export const REPORT_CSP = [
  'sandbox', "default-src 'none'", "style-src 'unsafe-inline'", "img-src data:", "frame-ancestors 'self'",
].join('; ');

export const TOKEN_COOKIE = 'newsift_token';

export function jsonError(c: Context, status: number, message: string): Response {
  return c.json({ error: { message, status } }, status as 400);
}

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const isReport = c.req.path === '/report';
    c.header('Content-Security-Policy', isReport ? REPORT_CSP : CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', isReport ? 'SAMEORIGIN' : 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  };
}

/** Rejects requests whose Host is not one we serve (a page on another site resolving its own name to
 *  127.0.0.1 would otherwise read the API: DNS rebinding). */
export function hostCheck(allowed: readonly string[]): MiddlewareHandler {
  const hosts = new Set(allowed.map((h) => h.toLowerCase()));
  return async (c, next) => {
    // The Host header when there is one (node-server builds the URL from it); the URL's host otherwise.
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase().replace(/:\d+$/, '');
    if (!hosts.has(host)) return jsonError(c, 403, 'host not allowed');
    await next();
  };
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Constant-time comparison (hashing first makes the lengths equal). */
function same(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token));
}

export function tokenAuth(token: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (bearer !== undefined && same(bearer, token)) return next();
    const cookie = getCookie(c, TOKEN_COOKIE);
    if (cookie !== undefined && same(cookie, token)) return next();
    const query = c.req.query('token');
    if (query !== undefined && same(query, token)) {
      // First load of the UI from a link with ?token=: keep it in a cookie the page cannot read, and
      // take it out of the address bar (and so out of history and Referer headers).
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
        const url = new URL(c.req.url);
        url.searchParams.delete('token');
        return c.redirect(`${url.pathname}${url.search}`, 303);
      }
      return next();
    }
    c.header('WWW-Authenticate', 'Bearer realm="newsift"');
    return jsonError(c, 401, 'a valid token is required (Authorization: Bearer TOKEN)');
  };
}
