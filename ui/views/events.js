// @ts-check
// Events in time order, grouped by day in one table, filtered by person, place and day range.
import { api, h, hrefFor, moreButton, shortDate } from '../dom.js';

const FILTERS = ['person', 'place', 'from', 'to'];

/** @param {{ params: URLSearchParams }} ctx */
export async function eventsView({ params }) {
  /** @type {Record<string, string>} */
  const state = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) state[k] = v;
  }
  const page = await api('/api/events', { ...state, limit: '100' });
  const body = h('tbody');
  const more = h('div', { class: 'more' });
  const lastDay = { value: /** @type {string | null} */ (null) };
  appendRows(body, more, page, state, lastDay);
  return [
    h('h1', null, 'Events'),
    filterForm(state),
    page.items.length === 0 ? h('p', { class: 'empty' }, 'No events match.') : h('div', { class: 'table-wrap' },
      h('table', { class: 'events-table' },
        h('thead', null, h('tr', null, ['Type', 'Who', 'Where', 'When', 'Status', 'Article'].map((t) => h('th', { scope: 'col' }, t)))),
        body)),
    more,
  ];
}

/** @param {Record<string, string>} state */
function filterForm(state) {
  const inputs = {
    person: h('input', { type: 'text', name: 'person', value: state['person'] ?? '', placeholder: 'Person' }),
    place: h('input', { type: 'text', name: 'place', value: state['place'] ?? '', placeholder: 'Place' }),
    from: h('input', { type: 'date', name: 'from', value: state['from'] ?? '' }),
    to: h('input', { type: 'date', name: 'to', value: state['to'] ?? '' }),
  };
  return h('form', {
    class: 'filters',
    onsubmit: (/** @type {Event} */ e) => {
      e.preventDefault();
      /** @type {Record<string, string | undefined>} */
      const next = {};
      for (const [k, el] of Object.entries(inputs)) next[k] = /** @type {HTMLInputElement} */ (el).value.trim() || undefined;
      location.hash = hrefFor('/events', next);
    },
  }, Object.entries(inputs).map(([k, el]) => h('label', null, h('span', null, k), el)), h('button', { type: 'submit' }, 'Filter'));
}

/** @param {HTMLElement} body @param {HTMLElement} more @param {any} page @param {Record<string, string>} state @param {{value: string | null}} lastDay */
function appendRows(body, more, page, state, lastDay) {
  for (const e of page.items) {
    if (e.day !== lastDay.value) {
      lastDay.value = e.day;
      body.appendChild(h('tr', { class: 'day' }, h('th', { colspan: '6', scope: 'rowgroup' }, e.day ?? 'Undated')));
    }
    body.appendChild(h('tr', { class: 'event' },
      h('td', null, e.type ?? ''),
      h('td', null, e.participants.map((/** @type {any} */ p) => [p.name, p.role ? ` (${p.role})` : ''].join('')).join('; ')),
      h('td', null, [e.place?.name, e.place?.country].filter(Boolean).join(', ')),
      h('td', null, e.when?.text ?? '', e.when?.utc ? h('small', null, ` ${shortDate(e.when.utc)}`) : null),
      h('td', null, e.status ?? ''),
      h('td', null, h('a', { href: hrefFor(`/article/${encodeURIComponent(e.article_id)}`) }, e.article_title || e.article_id))));
  }
  more.replaceChildren();
  if (page.next_cursor) {
    more.appendChild(moreButton('More events', more, async () => {
      appendRows(body, more, await api('/api/events', { ...state, limit: '100', cursor: page.next_cursor }), state, lastDay);
    }));
  }
}
