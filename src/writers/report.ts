// DIR/report.html: what a run did, as one self-contained page (inline CSS, charts as inline SVG, no
// script, no network): totals, the funnel stage by stage with drop reasons, rejections, languages,
// page types, text lengths, top sites, duplicate cluster sizes and time per stage.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Bar, barChart, escapeHtml, formatCount, formatShort, funnelChart, histogram } from './report/svg.js';
import { REPORT_CSS } from './report/style.js';

/** What the report needs; the run's stats.json has this shape (extra fields are ignored). */
export interface ReportStats {
  newsift_version?: string;
  totals: { in: number; kept: number; dropped: number; rejected: number };
  stages: ReadonlyArray<{ name: string; in: number; kept: number; dropped: Record<string, number>; ms: number }>;
  /** Rejections (inputs that never became a page) by reason. */
  rejected: Record<string, number>;
  distributions: {
    languages: Record<string, number>;
    page_types: Record<string, number>;
    sites: Record<string, number>;
    /** A histogram (bucket upper bound in characters -> count, `Infinity` for the last) or raw lengths. */
    text_lengths: Record<string, number> | readonly number[];
    /** Duplicate cluster size -> number of clusters of that size. */
    cluster_sizes: Record<string, number>;
  };
}

export interface ReportOptions {
  title?: string;
  /** Shown in the header; omitted when absent (the report never reads the clock itself). */
  generated_at?: string;
}

export const REPORT_FILE = 'report.html';
const TOP_LANGUAGES = 15;
const TOP_SITES = 20;
/** Buckets for raw text lengths, as in stats.json. */
const LENGTH_BUCKETS = [250, 500, 1000, 2000, 4000, 8000, 16000, 32000, Infinity];

/** Largest first, the tail folded into one "other" bar. */
function ranked(counts: Record<string, number>, top: number, otherLabel: (n: number) => string): Bar[] {
  const sorted = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const bars: Bar[] = sorted.slice(0, top).map(([label, value]) => ({ label, value }));
  const rest = sorted.slice(top);
  if (rest.length > 0) bars.push({ label: otherLabel(rest.length), value: rest.reduce((s, [, v]) => s + v, 0) });
  return bars;
}

function lengthBars(lengths: ReportStats['distributions']['text_lengths']): Bar[] {
  const histogramCounts: Record<string, number> = {};
  if (Array.isArray(lengths)) {
    for (const n of lengths as readonly number[]) {
      const bound = LENGTH_BUCKETS.find((b) => n <= b) ?? Infinity;
      histogramCounts[String(bound)] = (histogramCounts[String(bound)] ?? 0) + 1;
    }
  } else Object.assign(histogramCounts, lengths);
  // Empty buckets are often left out of a histogram: fill in the standard ones so that every label
  // names its true range (a bucket's lower edge is the previous bucket's bound).
  const present = Object.keys(histogramCounts).map(Number);
  const standard = present.every((b) => LENGTH_BUCKETS.includes(b));
  const bounds = (standard ? [...LENGTH_BUCKETS] : present).sort((a, b) => a - b);
  return bounds.map((bound, i) => {
    const low = i === 0 ? 0 : (bounds[i - 1] as number);
    const label = bound === Infinity ? `> ${formatShort(low)}` : i === 0 ? `≤ ${formatShort(bound)}` : `${formatShort(low)}–${formatShort(bound)}`;
    return { label, value: histogramCounts[String(bound)] ?? 0 };
  });
}

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '–');

function dropTable(stats: ReportStats): string {
  const rows = stats.stages.flatMap((s) => Object.entries(s.dropped)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `<tr><td>${escapeHtml(s.name)}</td><td><code>${escapeHtml(reason)}</code></td><td class="num">${formatCount(n)}</td><td class="num">${pct(n, s.in)}</td></tr>`));
  if (rows.length === 0) return '<p class="empty">Nothing was dropped.</p>';
  return `<table><thead><tr><th>stage</th><th>reason</th><th class="num">documents</th><th class="num">of stage input</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function rejectTable(rejected: Record<string, number>, total: number): string {
  const rows = Object.entries(rejected).sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `<tr><td><code>${escapeHtml(reason)}</code></td><td class="num">${formatCount(n)}</td><td class="num">${pct(n, total)}</td></tr>`);
  if (rows.length === 0) return '<p class="empty">No input was rejected.</p>';
  return `<table><thead><tr><th>reason</th><th class="num">inputs</th><th class="num">of all input</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function section(id: string, title: string, body: string, note = ''): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${note ? `<p class="note">${note}</p>` : ''}${body}</section>`;
}

export function renderReport(stats: ReportStats, options: ReportOptions = {}): string {
  const { totals, distributions: d } = stats;
  const title = options.title ?? 'newsift run report';
  const card = (label: string, n: number, cls: string) =>
    `<div class="card ${cls}"><div class="n">${formatCount(n)}</div><div class="l">${label}${label === 'in' ? '' : ` · ${pct(n, totals.in)}`}</div></div>`;
  const funnel = [{ label: 'in', input: totals.in, kept: totals.in, note: `${formatCount(totals.in)} in` }, ...stats.stages.map((s) => ({ label: s.name, input: s.in, kept: s.kept }))];
  // A "cluster" of one page is a page without duplicates: not shown.
  const clusters = Object.entries(d.cluster_sizes).filter(([size]) => Number(size) >= 2)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([size, n]) => ({ label: `${size} pages`, value: n }));
  const duplicatePages = Object.entries(d.cluster_sizes).reduce((s, [size, n]) => s + (Number(size) - 1) * n, 0);
  const timing = stats.stages.map((s) => ({
    label: s.name, value: s.ms, note: `${formatCount(Math.round(s.ms))} ms · ${(s.in > 0 ? s.ms / s.in : 0).toFixed(2)} ms/doc`,
  }));
  const header = [stats.newsift_version && `newsift ${escapeHtml(stats.newsift_version)}`, options.generated_at && escapeHtml(options.generated_at)]
    .filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>
<body><main>
<header><h1>${escapeHtml(title)}</h1>${header ? `<p class="meta">${header}</p>` : ''}</header>
<section id="totals" class="cards">${card('in', totals.in, 'in')}${card('kept', totals.kept, 'kept')}${card('dropped', totals.dropped, 'dropped')}${card('rejected', totals.rejected, 'rejected')}</section>
${section('funnel', 'Funnel', funnelChart('Documents through each stage', totals.in, funnel) + dropTable(stats), 'Each bar is what a stage received; the dark part is what it kept.')}
${section('rejected', 'Rejected inputs', rejectTable(stats.rejected, totals.in + totals.rejected))}
${section('languages', 'Languages', barChart('Kept documents by language', ranked(d.languages, TOP_LANGUAGES, (n) => `other (${n} languages)`)))}
${section('page-types', 'Page types', barChart('Kept documents by page type', ranked(d.page_types, Infinity, () => '')))}
${section('text-lengths', 'Text length', histogram('Kept documents by text length in characters', lengthBars(d.text_lengths)), 'Characters of main text per kept document.')}
${section('sites', 'Top sites', barChart('Kept documents by site', ranked(d.sites, TOP_SITES, (n) => `other (${formatCount(n)} sites)`)))}
${section('clusters', 'Duplicate clusters', barChart('Clusters by size', clusters), `${formatCount(duplicatePages)} pages are duplicates of another page in their cluster.`)}
${section('timings', 'Time per stage', barChart('Milliseconds per stage', timing, 'bar time'), 'Summed over all workers.')}
</main></body></html>
`;
}

export async function writeReport(dir: string, stats: ReportStats, options: ReportOptions = {}): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, REPORT_FILE), renderReport(stats, options), 'utf8');
}
