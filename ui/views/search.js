// @ts-check
// Search: a query box, facets (site, language, page type, day) that narrow the results, date bounds,
// and results with their hits marked. The filters live in the URL hash, so a search can be shared.
import { api, h, hrefFor, marked, moreButton, shortDate } from '../dom.js';

const FILTERS = ['site_name', 'language', 'page_type', 'from', 'to'];
const FACETS = [
  { key: 'site_name', label: 'Site' }, { key: 'language', label: 'Language' }, { key: 'page_type', label: 'Page type' },
];

/** @param {URLSearchParams} params */
function current(params) {
  /** @type {Record<string, string>} */
  const state = {};
  for (const key of ['q', ...FILTERS]) {
    const v = params.get(key);
    if (v) state[key] = v;
  }
  return state;
}

/** @param {Record<string, string>} state @param {Record<string, string | undefined>} change */
const withChange = (state, change) => hrefFor('/', { ...state, ...change });

/** @param {{ params: URLSearchParams }} ctx */
export async function searchView({ params }) {
  const state = current(params);
  const result = await api('/api/articles', { ...state, limit: '20' });
  const list = h('ol', { class: 'results' });
  const more = h('div', { class: 'more' });
  appendPage(list, more, result, state);
  return [
    searchForm(state),
    h('div', { class: 'search-layout' },
      facetPanel(result.facets, state),
      h('section', { class: 'results-pane', 'aria-label': 'Results' },
        h('p', { class: 'count' }, countLabel(result)),
        activeFilters(state),
        result.items.length === 0 ? h('p', { class: 'empty' }, 'Nothing matches.') : list,
        more)),
  ];
}

/** @param {any} result */
function countLabel(result) {
  if (result.total === null) return '';
  const count = result.total_capped ? `More than ${result.total.toLocaleString()} articles` : `${result.total.toLocaleString()} article${result.total === 1 ? '' : 's'}`;
  const notes = [];
  if (result.rank_window) notes.push(`ranked among the ${result.rank_window.toLocaleString()} most recently added; add words to narrow`);
  if (result.facets_over < result.total) notes.push(`filters count the top ${result.facets_over.toLocaleString()}`);
  return notes.length > 0 ? `${count} (${notes.join('; ')})` : count;
}

/** @param {Record<string, string>} state */
function searchForm(state) {
  const box = h('input', {
    type: 'search', name: 'q', value: state['q'] ?? '', placeholder: 'Search the corpus', 'aria-label': 'Search',
    autocomplete: 'off', 'data-autofocus': true,
  });
  const from = h('input', { type: 'date', name: 'from', value: state['from'] ?? '', 'aria-label': 'From day' });
  const to = h('input', { type: 'date', name: 'to', value: state['to'] ?? '', 'aria-label': 'To day' });
  return h('form', {
    class: 'search', role: 'search',
    onsubmit: (/** @type {Event} */ e) => {
      e.preventDefault();
      location.hash = withChange(state, {
        q: /** @type {HTMLInputElement} */ (box).value.trim() || undefined,
        from: /** @type {HTMLInputElement} */ (from).value || undefined,
        to: /** @type {HTMLInputElement} */ (to).value || undefined,
      });
    },
  }, box, h('span', { class: 'dates' }, from, '–', to), h('button', { type: 'submit' }, 'Search'));
}

/** @param {any} facets @param {Record<string, string>} state */
function facetPanel(facets, state) {
  if (!facets) return h('aside', { class: 'facets' });
  const groups = FACETS.map(({ key, label }) => facetGroup(label, key, facets[key], state));
  groups.push(facetGroup('Day', 'day', facets.day, state));
  return h('aside', { class: 'facets', 'aria-label': 'Filters' }, groups);
}

/** @param {string} label @param {string} key @param {Array<{value: string, count: number}>} values @param {Record<string, string>} state */
function facetGroup(label, key, values, state) {
  if (!values || values.length === 0) return null;
  const items = values.map(({ value, count }) => {
    const change = key === 'day' ? { from: value, to: value } : { [key]: value };
    const active = key === 'day' ? state['from'] === value && state['to'] === value : state[key] === value;
    return h('li', null, h('a', { href: withChange(state, change), 'aria-current': active ? 'true' : null },
      h('span', { class: 'facet-value' }, value), h('span', { class: 'facet-count' }, String(count))));
  });
  return h('section', { class: 'facet' }, h('h2', null, label), h('ul', null, items));
}

/** @param {Record<string, string>} state */
function activeFilters(state) {
  const chips = FILTERS.filter((k) => state[k]).map((k) =>
    h('a', { class: 'chip', href: withChange(state, { [k]: undefined }), 'aria-label': `Remove filter ${k}` },
      `${k.replace('_', ' ')}: ${state[k]}`, h('span', { 'aria-hidden': 'true' }, ' ×')));
  return chips.length > 0 ? h('p', { class: 'chips' }, chips) : null;
}

/** @param {HTMLElement} list @param {HTMLElement} more @param {any} result @param {Record<string, string>} state */
function appendPage(list, more, result, state) {
  for (const item of result.items) list.appendChild(resultItem(item));
  more.replaceChildren();
  if (result.next_cursor) {
    more.appendChild(moreButton('More results', more, async () => {
      appendPage(list, more, await api('/api/articles', { ...state, limit: '20', cursor: result.next_cursor }), state);
    }));
  }
}

/** @param {any} item */
function resultItem(item) {
  const meta = [item.site_name, shortDate(item.published_at), item.language, item.page_type].filter(Boolean).join(' · ');
  return h('li', { class: 'result' },
    h('h3', null, h('a', { href: hrefFor(`/article/${encodeURIComponent(item.id)}`) }, item.title || '(untitled)')),
    h('p', { class: 'meta' }, meta,
      item.cluster_id ? [' · ', h('a', { href: hrefFor(`/cluster/${encodeURIComponent(item.cluster_id)}`) }, 'copies')] : null),
    h('p', { class: 'snippet' }, marked(item.snippet)));
}
