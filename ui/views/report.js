// @ts-check
// The run: corpus counts from /api/stats and the run's report.html (sandboxed by the server) framed in.
import { api, h } from '../dom.js';

/** @returns {Promise<Array<Node | null>>} */
export async function reportView() {
  const s = await api('/api/stats');
  /** @type {Array<[string, unknown]>} */
  const rows = [
    ['Articles', s.articles], ['Sites', s.sites], ['Duplicate clusters', s.clusters], ['Copies', s.duplicates],
    ['Entities', s.entities], ['Events', s.events], ['Removed lines', s.removed_lines],
    ['Published', s.first_published ? `${s.first_published} – ${s.last_published}` : ''],
    ['Inputs completed', s.completed_units],
  ];
  return [
    h('h1', null, 'Run report'),
    h('dl', { class: 'meta-list' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, String(v ?? ''))])),
    counts('Removed lines by reason', s.removed_by_reason),
    counts('Languages', s.languages),
    counts('Page types', s.page_types),
    s.report
      ? h('section', null, h('h2', null, 'report.html'),
        h('p', null, h('a', { href: '/report', target: '_blank', rel: 'noopener' }, 'Open the report on its own')),
        h('iframe', { src: '/report', title: 'Run report', sandbox: '', class: 'report-frame' }))
      : h('p', { class: 'empty' }, 'This corpus has no report.html.'),
  ];
}

/** @param {string} title @param {Record<string, number> | undefined} tally */
function counts(title, tally) {
  const entries = Object.entries(tally ?? {});
  if (entries.length === 0) return null;
  return h('section', null, h('h2', null, title),
    h('table', { class: 'counts' }, h('tbody', null, entries.map(([k, n]) => h('tr', null, h('td', null, k), h('td', { class: 'num' }, String(n)))))));
}
