// Inline SVG charts for the run report: horizontal bars (ranked counts, the funnel) and vertical bars
// (histograms). Plain strings, no scripts, so the page works offline and under a strict CSP.

/** Geometry of the charts, in CSS pixels; the SVGs scale down with the page (viewBox). */
const WIDTH = 720;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 185;
const ROW_HEIGHT = 22;
const BAR_HEIGHT = 15;
const HIST_HEIGHT = 180;
const HIST_LABEL_HEIGHT = 34;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** 250, 1k, 16k: short enough for histogram labels. */
export const formatShort = (n: number): string => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : formatCount(n));

/** Keeps a label inside its column (about 7 px per character at 12 px). */
function clip(label: string, max = 26): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export interface Bar {
  label: string;
  value: number;
  /** Text shown after the bar; defaults to the formatted value. */
  note?: string;
}

/** Ranked horizontal bars, longest = the largest value. */
export function barChart(title: string, bars: readonly Bar[], cls = 'bar'): string {
  if (bars.length === 0) return '<p class="empty">No data.</p>';
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW_HEIGHT + 4;
  const rows = bars.map((b, i) => {
    const y = i * ROW_HEIGHT + 2;
    const w = b.value > 0 ? Math.max(1, (b.value / max) * span) : 0;
    return `<g class="row"><title>${escapeHtml(`${b.label}: ${b.note ?? formatCount(b.value)}`)}</title>`
      + `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 3}" text-anchor="end" class="label">${escapeHtml(clip(b.label))}</text>`
      + `<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" class="${cls}"/>`
      + `<text x="${(LABEL_WIDTH + w + 6).toFixed(1)}" y="${y + BAR_HEIGHT - 3}" class="value">${escapeHtml(b.note ?? formatCount(b.value))}</text></g>`;
  });
  return `<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${rows.join('')}</svg>`;
}

export interface FunnelRow {
  label: string;
  input: number;
  kept: number;
  /** Text after the bar; defaults to "N kept, M out". */
  note?: string;
}

/** One row per stage: the full bar is what came in (scaled to the run's input), the dark part what
 *  the stage kept, the light part what it dropped. */
export function funnelChart(title: string, total: number, rows: readonly FunnelRow[]): string {
  if (rows.length === 0) return '<p class="empty">No stages.</p>';
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const scale = (n: number) => (total > 0 ? (n / total) * span : 0);
  const height = rows.length * ROW_HEIGHT + 4;
  const body = rows.map((r, i) => {
    const y = i * ROW_HEIGHT + 2;
    const wIn = scale(r.input);
    const wKept = scale(r.kept);
    const dropped = r.input - r.kept;
    const note = r.note ?? `${formatCount(r.kept)} kept${dropped > 0 ? `, ${formatCount(dropped)} out` : ''}`;
    return `<g class="row"><title>${escapeHtml(`${r.label}: ${formatCount(r.input)} in, ${note}`)}</title>`
      + `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 3}" text-anchor="end" class="label">${escapeHtml(clip(r.label))}</text>`
      + `<rect x="${LABEL_WIDTH}" y="${y}" width="${wIn.toFixed(1)}" height="${BAR_HEIGHT}" class="dropped"/>`
      + `<rect x="${LABEL_WIDTH}" y="${y}" width="${wKept.toFixed(1)}" height="${BAR_HEIGHT}" class="kept"/>`
      + `<text x="${(LABEL_WIDTH + wIn + 6).toFixed(1)}" y="${y + BAR_HEIGHT - 3}" class="value">${escapeHtml(note)}</text></g>`;
  });
  return `<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${body.join('')}</svg>`;
}

/** Vertical bars for a histogram, one per bucket, labelled underneath. */
export function histogram(title: string, buckets: readonly Bar[]): string {
  if (buckets.length === 0 || buckets.every((b) => b.value === 0)) return '<p class="empty">No data.</p>';
  const max = Math.max(1, ...buckets.map((b) => b.value));
  const slot = WIDTH / buckets.length;
  const barWidth = Math.max(4, slot * 0.7);
  const bars = buckets.map((b, i) => {
    const h = b.value > 0 ? Math.max(1, (b.value / max) * (HIST_HEIGHT - 18)) : 0;
    const x = i * slot + (slot - barWidth) / 2;
    const y = HIST_HEIGHT - h;
    return `<g class="col"><title>${escapeHtml(`${b.label}: ${formatCount(b.value)}`)}</title>`
      + `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" class="bar"/>`
      + `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="value">${formatCount(b.value)}</text>`
      + `<text x="${(x + barWidth / 2).toFixed(1)}" y="${HIST_HEIGHT + 16}" text-anchor="middle" class="label">${escapeHtml(b.label)}</text></g>`;
  });
  return `<svg viewBox="0 0 ${WIDTH} ${HIST_HEIGHT + HIST_LABEL_HEIGHT}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>`
    + `<line x1="0" y1="${HIST_HEIGHT}" x2="${WIDTH}" y2="${HIST_HEIGHT}" class="axis"/>${bars.join('')}</svg>`;
}
