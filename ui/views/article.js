// @ts-check
// One article: metadata, the clean text, entities and events, and a toggle that puts the removed lines
// back where they were on the page, each marked with its reason code.
import { api, externalLink, h, hrefFor, shortDate } from '../dom.js';

/** @param {{ rest: string }} ctx */
export async function articleView({ rest }) {
  const a = await api(`/api/articles/${encodeURIComponent(rest)}`);
  const removedCount = a.removed.length;
  const reading = h('div', { class: 'reading', 'data-show-removed': 'false' }, a.reading.map(line));
  const toggle = h('button', {
    type: 'button', class: 'toggle', 'aria-pressed': 'false', 'data-toggle-removed': true, disabled: removedCount === 0,
    title: 'Shortcut: r',
    onclick: () => {
      const on = reading.getAttribute('data-show-removed') !== 'true';
      reading.setAttribute('data-show-removed', String(on));
      toggle.setAttribute('aria-pressed', String(on));
      toggle.textContent = on ? 'Hide what was removed' : `Show what was removed (${removedCount})`;
    },
  }, `Show what was removed (${removedCount})`);
  return [
    h('article', { class: 'article' },
      h('h1', null, a.title || '(untitled)'),
      metadata(a),
      h('div', { class: 'toolbar' }, toggle,
        a.reading_inferred ? h('span', { class: 'note' }, ' Places inferred from the removed lines’ positions.') : null),
      reading),
    entities(a.entities),
    events(a.events),
  ];
}

/** @param {any} l */
function line(l) {
  if (l.kind === 'removed') {
    return h('p', { class: `removed${l.placed === false ? ' unplaced' : ''}`, 'data-reason': l.removed_reason },
      h('span', { class: 'reason' }, l.removed_reason), ' ', h('span', { class: 'removed-text' }, l.text));
  }
  if (l.kind === 'heading') return h('h2', { class: 'kept' }, l.text);
  if (l.kind === 'list_item') return h('p', { class: 'kept list-item' }, '• ', l.text);
  if (l.kind === 'quote') return h('blockquote', { class: 'kept' }, l.text);
  if (l.kind === 'code' || l.kind === 'preformatted' || l.kind === 'table') return h('pre', { class: 'kept' }, l.text);
  return h('p', { class: 'kept' }, l.text);
}

/** @param {any} a */
function metadata(a) {
  /** @type {Array<[string, Node | string | null]>} */
  const rows = [
    ['Site', a.site_name], ['Published', shortDate(a.published_at)], ['Modified', shortDate(a.modified_at)],
    ['Authors', (a.authors ?? []).join(', ')], ['Source', a.source], ['Dateline', a.dateline],
    ['Language', a.language], ['Page type', a.page_type],
    ['URL', a.url ? externalLink(a.url) : null],
    ['Copies', a.duplicate?.cluster_id != null && (a.duplicate.cluster_size ?? 2) > 1
      ? h('a', { href: hrefFor(`/cluster/${encodeURIComponent(String(a.duplicate.cluster_id))}`) },
        `cluster of ${a.duplicate.cluster_size ?? '?'}`)
      : null],
    ['Id', a.id],
  ];
  return h('dl', { class: 'meta-list' },
    rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

/** @param {any} ents */
function entities(ents) {
  if (!ents || typeof ents !== 'object') return null;
  const groups = [['People', ents.people], ['Organizations', ents.organizations], ['Places', ents.places]]
    .filter(([, list]) => Array.isArray(list) && list.length > 0)
    .map(([label, list]) => h('div', { class: 'entity-group' }, h('h3', null, String(label)),
      h('ul', { class: 'tags' }, /** @type {any[]} */ (list).map((e) => h('li', null,
        h('a', { href: hrefFor('/', { q: `"${typeof e === 'string' ? e : e.name}"` }) }, typeof e === 'string' ? e : e.name),
        e.mentions ? h('span', { class: 'facet-count' }, String(e.mentions)) : null)))));
  return groups.length > 0 ? h('section', { class: 'entities', 'aria-label': 'Entities' }, h('h2', null, 'Entities'), groups) : null;
}

/** @param {any} evs */
function events(evs) {
  if (!Array.isArray(evs) || evs.length === 0) return null;
  return h('section', { class: 'events', 'aria-label': 'Events' }, h('h2', null, 'Events'),
    h('ul', null, evs.map((e) => h('li', null,
      h('strong', null, e.type ?? 'event'), ' ',
      (e.participants ?? []).map((/** @type {any} */ p) => p.name).join(', '),
      e.place?.name ? ` — ${e.place.name}` : '',
      e.when?.text ? ` — ${e.when.text}` : '',
      e.when?.utc ? ` (${shortDate(e.when.utc)})` : '',
      e.status ? ` [${e.status}]` : '',
      e.sentence ? h('p', { class: 'sentence' }, e.sentence) : null))));
}
