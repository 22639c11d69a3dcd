// Shared by the reader tests: temporary files, collecting a unit's items, and a tiny WARC writer
// for hostile records (wrong lengths, junk, corrupt members) that no real writer would produce.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, ReadItem, Rejection } from '../../src/record.js';
import { readUnit } from '../../src/readers/index.js';
import { readerOptions, type ReaderOptions } from '../../src/readers/options.js';
import { kindFromName, type InputUnit } from '../../src/readers/units.js';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'newsift-readers-'));
}

export function writeTemp(dir: string, name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

export function unitOf(path: string, extra: Partial<InputUnit> = {}): InputUnit {
  return { path, input: path, id_base: path, kind: kindFromName(path), ...extra };
}

export async function readAll(unit: InputUnit, opts: Partial<ReaderOptions> = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readUnit(unit, readerOptions(opts))) items.push(item);
  return items;
}

export const pages = (items: ReadItem[]): Page[] => items.flatMap((i) => ('page' in i ? [i.page] : []));
export const rejections = (items: ReadItem[]): Rejection[] => items.flatMap((i) => ('rejection' in i ? [i.rejection] : []));

export function html(title: string, body = 'Some paragraph text.'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`;
}

export interface RecordSpec {
  type: string;
  url?: string;
  date?: string;
  id?: string;
  contentType?: string;
  block: string | Uint8Array;
  /** Overrides the true block length (to write a lying Content-Length). */
  contentLength?: number;
  extra?: Record<string, string>;
}

/** One WARC record's bytes, exactly as ISO 28500 lays it out (version, fields, CRLF, block, CRLF CRLF). */
export function warcRecord(spec: RecordSpec): Buffer {
  const block = typeof spec.block === 'string' ? Buffer.from(spec.block) : Buffer.from(spec.block);
  const fields: Record<string, string> = {
    'WARC-Type': spec.type,
    'WARC-Record-ID': spec.id ?? `<urn:uuid:${spec.type}-${spec.url ?? 'x'}>`,
    'WARC-Date': spec.date ?? '2026-01-01T00:00:00Z',
    ...(spec.url !== undefined && { 'WARC-Target-URI': spec.url }),
    'Content-Type': spec.contentType ?? (spec.type === 'response' ? 'application/http; msgtype=response' : 'application/warc-fields'),
    ...spec.extra,
    'Content-Length': String(spec.contentLength ?? block.length),
  };
  const head = `WARC/1.1\r\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}

/** An HTTP response block. */
export function httpBlock(body: string | Uint8Array, headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' }, status = '200 OK'): Buffer {
  const head = `HTTP/1.1 ${status}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head), typeof body === 'string' ? Buffer.from(body) : body]);
}

export function response(url: string, body: string | Uint8Array, headers?: Record<string, string>, status?: string): RecordSpec {
  return { type: 'response', url, block: httpBlock(body, headers, status) };
}

/** Plain WARC bytes, and the offset of each record. */
export function warcFile(specs: RecordSpec[]): { bytes: Buffer; offsets: number[] } {
  const parts = specs.map(warcRecord);
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    at += p.length;
  }
  return { bytes: Buffer.concat(parts), offsets };
}

/** .warc.gz bytes, one gzip member per record, and the offset of each member. */
export function warcGzFile(specs: RecordSpec[]): { bytes: Buffer; offsets: number[]; members: Buffer[] } {
  const members = specs.map((s) => gzipSync(warcRecord(s)));
  const offsets: number[] = [];
  let at = 0;
  for (const m of members) {
    offsets.push(at);
    at += m.length;
  }
  return { bytes: Buffer.concat(members), offsets, members };
}
