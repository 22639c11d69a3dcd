// @ts-check
// A duplicate cluster: every copy side by side, the canonical one first, the others with their word
// differences from it (added words underlined, missing ones struck through).
import { api, externalLink, h, hrefFor, shortDate } from '../dom.js';

/** @param {{ rest: string }} ctx */
export async function clusterView({ rest }) {
  const c = await api(`/api/clusters/${encodeURIComponent(rest)}`);
  return [
    h('h1', null, `${c.size} copies of one story`),
    h('p', { class: 'meta' }, 'Differences are shown against the canonical copy: ',
      h('ins', null, 'added'), ' and ', h('del', null, 'missing'), ' words.'),
    h('div', { class: 'copies' }, c.members.map(member)),
  ];
}

/** @param {any} m */
function member(m) {
  const head = h('header', null,
    h('h2', null, m.stored ? h('a', { href: hrefFor(`/article/${encodeURIComponent(m.id)}`) }, m.title || m.id) : m.id),
    h('p', { class: 'meta' },
      [m.site_name, shortDate(m.published_at), m.similarity != null ? `similarity ${Number(m.similarity).toFixed(2)}` : null]
        .filter(Boolean).join(' · '),
      m.canonical ? [' ', h('span', { class: 'badge' }, 'canonical')] : null),
    m.url ? h('p', { class: 'meta url' }, externalLink(m.url)) : null);
  let body;
  if (!m.stored) body = h('p', { class: 'empty' }, 'Not stored in this corpus (dropped as a copy).');
  else if (m.diff) body = h('div', { class: 'diff' }, m.diff.map(part));
  else body = h('div', { class: 'diff' }, m.text);
  return h('section', { class: `copy${m.canonical ? ' canonical' : ''}` }, head, body);
}

/** @param {{op: string, text: string}} p */
function part(p) {
  if (p.op === 'added') return h('ins', null, p.text);
  if (p.op === 'removed') return h('del', null, p.text);
  return document.createTextNode(p.text);
}
