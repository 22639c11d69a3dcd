// The flat, typed column layout of an exported record (Parquet and CSV share it): top-level fields
// keep their types, nested fields (authors, removed, annotations) are JSON, and any annotation not
// named here lands in `extra`, so an export never silently loses a field.
import type { Article } from '../record.js';

export type ColumnType = 'STRING' | 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP' | 'JSON';

export interface ExportColumn {
  name: string;
  type: ColumnType;
  get(record: Article): unknown;
}

type Rec = Record<string, unknown>;
const field = (name: string) => (r: Article): unknown => (r as Rec)[name] ?? null;
const integer = (name: string) => (r: Article): number | null => {
  const v = (r as Rec)[name];
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
};
const text = (name: string) => (r: Article): string | null => {
  const v = (r as Rec)[name];
  return typeof v === 'string' ? v : null;
};

/** published_at as an instant, where it names one (a bare day is read as UTC midnight). */
function publishedInstant(r: Article): Date | null {
  if (typeof r.published_at !== 'string') return null;
  const t = Date.parse(r.published_at);
  return Number.isNaN(t) ? null : new Date(t);
}

const duplicate = (r: Article): Rec | null => {
  const d = (r as Rec)['duplicate'];
  return typeof d === 'object' && d !== null ? d as Rec : null;
};

const clusterId = (r: Article): string | null => {
  const v = duplicate(r)?.['cluster_id'];
  return v === undefined || v === null ? null : String(v);
};
const strings = (...names: string[]): ExportColumn[] => names.map((name) => ({ name, type: 'STRING', get: text(name) }));

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  ...strings('id', 'input'),
  { name: 'input_offset', type: 'INT64', get: integer('input_offset') },
  { name: 'input_line', type: 'INT32', get: integer('input_line') },
  ...strings('warc_record_id', 'url', 'canonical_url', 'fetched_at'),
  { name: 'http_status', type: 'INT32', get: integer('http_status') },
  { name: 'title', type: 'STRING', get: text('title') },
  { name: 'authors', type: 'JSON', get: field('authors') },
  { name: 'published_at', type: 'STRING', get: text('published_at') },
  { name: 'published_ts', type: 'TIMESTAMP', get: publishedInstant },
  ...strings('modified_at', 'site_name', 'source', 'dateline', 'description', 'image', 'language'),
  { name: 'language_score', type: 'DOUBLE', get: (r) => (typeof r.language_score === 'number' ? r.language_score : null) },
  { name: 'page_type', type: 'STRING', get: text('page_type') },
  { name: 'text', type: 'STRING', get: text('text') },
  { name: 'removed', type: 'JSON', get: field('removed') },
  { name: 'encoding', type: 'JSON', get: field('encoding') },
  { name: 'cluster_id', type: 'STRING', get: clusterId },
  { name: 'duplicate', type: 'JSON', get: field('duplicate') },
  { name: 'quality', type: 'JSON', get: field('quality') },
  { name: 'entities', type: 'JSON', get: field('entities') },
  { name: 'events', type: 'JSON', get: field('events') },
  { name: 'extra', type: 'JSON', get: extra },
];

/** Columns computed from other fields rather than copied from a record field of the same name. */
const DERIVED = new Set(['published_ts', 'cluster_id', 'extra']);
/** Fields read into their own columns (or deliberately left out: blocks are the store's, not the record's). */
const COVERED = new Set([...EXPORT_COLUMNS.map((c) => c.name).filter((name) => !DERIVED.has(name)), 'blocks']);

function extra(r: Article): Rec | null {
  const rest = Object.entries(r).filter(([k]) => !COVERED.has(k));
  return rest.length > 0 ? Object.fromEntries(rest) : null;
}
