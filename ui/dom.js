// @ts-check
// DOM helpers for the UI. Page data is hostile: it only ever enters the document as text nodes
// (textContent) or attribute values set one by one; nothing here assigns innerHTML.

/**
 * Creates an element. Attributes are set with setAttribute (or as event listeners for `on*` functions);
 * children are nodes or strings, strings become text nodes.
 * @param {string} tag
 * @param {Record<string, unknown> | null} [attrs]
 * @param {...(Node | string | number | null | undefined | false | Array<Node | string | null | undefined | false>)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** @param {Node} parent @param {unknown[]} children */
function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Only web links leave the page: a `javascript:` or `data:` URL from a page becomes no link at all.
 * @param {unknown} url @returns {string | null} */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link out of newsift (new tab, no referrer), or plain text when the URL is not a web URL.
 * @param {unknown} url @param {string} [label] */
export function externalLink(url, label) {
  const href = safeHref(url);
  const text = label ?? (typeof url === 'string' ? url : '');
  return href ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, text) : h('span', null, text);
}

/** Text with the query's hits marked: each part is a text node, hits wrapped in <mark>.
 * @param {Array<{text: string, hit: boolean}>} parts */
export function marked(parts) {
  return parts.map((p) => (p.hit ? h('mark', null, p.text) : document.createTextNode(p.text)));
}

/** Replaces the view's content (the view is an aria-live region, so screen readers hear the change;
 * focus stays where it was, app.js focuses the search box on the home page).
 * @param {...(Node | string | null | false)} nodes */
export function show(...nodes) {
  const view = /** @type {HTMLElement} */ (document.getElementById('view'));
  view.replaceChildren();
  append(view, nodes);
}

export class ApiError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET a JSON API path; errors carry the server's message.
 * @param {string} path @param {Record<string, string | undefined>} [params] */
export async function api(path, params = {}) {
  const qs = queryString(params);
  const res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error?.message ?? `HTTP ${res.status}`);
  return data;
}

/** @param {unknown} err */
export function errorView(err) {
  const message = err instanceof Error ? err.message : String(err);
  return h('p', { class: 'error', role: 'alert' }, message);
}

/** A button that loads the next page into a list; when loading fails, the error takes its place
 * (an onclick promise that rejects would otherwise fail silently).
 * @param {string} label @param {HTMLElement} slot the element the button lives in @param {() => Promise<void>} load */
export function moreButton(label, slot, load) {
  return h('button', {
    type: 'button',
    onclick: () => load().catch((/** @type {unknown} */ err) => slot.replaceChildren(errorView(err))),
  }, label);
}

/** A date as its day and time as given (no conversion: the record keeps the page's own offset).
 * @param {unknown} iso */
export function shortDate(iso) {
  if (typeof iso !== 'string') return '';
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?(?=Z|[+-]\d\d:?\d\d|$)/, '').replace(/Z$/, ' UTC');
}

/** Reads the hash route: `#/path?x=1` -> { path: '/path', params }. */
export function route() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?', 2);
  return { path: path || '/', params: new URLSearchParams(query) };
}

/** `a=1&b=2` from the parameters that have a value (undefined and empty ones are left out).
 * @param {Record<string, string | undefined>} params */
function queryString(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  return search.toString();
}

/** @param {string} path @param {Record<string, string | undefined>} params */
export function hrefFor(path, params = {}) {
  const qs = queryString(params);
  return `#${path}${qs ? `?${qs}` : ''}`;
}
