// @ts-check
// The UI's entry: a hash router over the views and the keyboard shortcuts. Served as a file, so the
// Content-Security-Policy can forbid inline script.
import { errorView, route, show } from './dom.js';
import { articleView } from './views/article.js';
import { clusterView } from './views/cluster.js';
import { eventsView } from './views/events.js';
import { reportView } from './views/report.js';
import { searchView } from './views/search.js';

/** Path prefix -> view and the nav entry it lights up. */
const ROUTES = [
  { prefix: '/article/', nav: 'search', view: articleView },
  { prefix: '/cluster/', nav: 'search', view: clusterView },
  { prefix: '/events', nav: 'events', view: eventsView },
  { prefix: '/report', nav: 'report', view: reportView },
  { prefix: '/', nav: 'search', view: searchView },
];

let generation = 0;

async function render() {
  const mine = ++generation;
  const { path, params } = route();
  const match = ROUTES.find((r) => path.startsWith(r.prefix)) ?? ROUTES[ROUTES.length - 1];
  if (!match) return;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.getAttribute('data-nav') === match.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    const rest = decodeURIComponent(path.slice(match.prefix.length));
    const nodes = await match.view({ rest, params });
    if (mine !== generation) return; // a newer navigation won
    show(...nodes);
  } catch (err) {
    if (mine === generation) show(errorView(err));
  }
  if (mine === generation) {
    document.body.dataset['ready'] = String(mine);
    const focusTarget = /** @type {HTMLElement | null} */ (document.querySelector('[data-autofocus]'));
    if (focusTarget && path === '/' && !params.get('q')) focusTarget.focus();
  }
}

/** Links that j/k step through: search results, event rows' articles, cluster copies. */
const STEP_TARGETS = '.result h3 a, tr.event td:last-child a, .copy h2 a';

/** Moves focus to the next (or previous) list link. @param {number} delta */
function step(delta) {
  const links = /** @type {HTMLElement[]} */ ([...document.querySelectorAll(STEP_TARGETS)]);
  if (links.length === 0) return;
  const at = links.indexOf(/** @type {HTMLElement} */ (document.activeElement));
  const next = links[Math.max(0, Math.min(links.length - 1, at === -1 ? (delta > 0 ? 0 : links.length - 1) : at + delta))];
  next?.focus();
  next?.scrollIntoView({ block: 'nearest' });
}

/** Keyboard: `/` focuses the search box, `j`/`k` step through results, `r` toggles removed lines,
 *  Escape leaves a text field. */
function onKey(/** @type {KeyboardEvent} */ event) {
  const target = /** @type {HTMLElement} */ (event.target);
  const typing = target.matches('input, textarea, select');
  if (event.key === 'Escape' && typing) {
    target.blur();
    return;
  }
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '/') {
    event.preventDefault();
    const box = /** @type {HTMLInputElement | null} */ (document.querySelector('input[type=search]'));
    if (box) box.focus();
    else location.hash = '#/';
  } else if (event.key === 'j' || event.key === 'k') {
    step(event.key === 'j' ? 1 : -1);
  } else if (event.key === 'r') {
    /** @type {HTMLButtonElement | null} */ (document.querySelector('[data-toggle-removed]'))?.click();
  }
}

window.addEventListener('hashchange', render);
document.addEventListener('keydown', onKey);
render();
