// The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. Written by hand from the
// routes in app.ts; test/server/ checks that every API route appears here and nothing else does.
// Figures (page sizes, caps) come from the modules that enforce them.
import { COUNT_CAP, DEFAULT_LIMIT, FACET_TOP, MAX_LIMIT, RANK_WINDOW } from '../store/search.js';

const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const q = (name: string, description: string, schema: object = str) => ({ name, in: 'query', required: false, description, schema });
const pathId = (description: string) => ({ name: 'id', in: 'path', required: true, description, schema: str });
const json = (ref: string, description: string) => ({
  description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const errors = {
  400: json('Error', 'Bad request (a bad parameter or cursor)'),
  401: json('Error', 'Token missing or wrong (when the server was started with --token)'),
};

const n = (x: number): string => x.toLocaleString('en-US');
const limitParam = (description: string) => q('limit', description, { type: 'integer', minimum: 1, maximum: MAX_LIMIT });

const searchParams = [
  q('q', 'Full-text query: words (all must match), "quoted phrases", prefix* terms'),
  q('site_name', 'Exact site name'), q('language', 'Language code'), q('page_type', 'Page type'),
  q('from', 'First publication day, YYYY-MM-DD (inclusive)'), q('to', 'Last publication day, YYYY-MM-DD (inclusive)'),
  limitParam(`Page size, 1-${MAX_LIMIT} (default ${DEFAULT_LIMIT})`),
  q('cursor', 'next_cursor of the previous page'),
];

export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsift', version,
      description: 'Search, read and audit a newsift corpus. Errors are {"error": {"message", "status"}}.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object', required: ['error'],
          properties: { error: { type: 'object', properties: { message: str, status: { type: 'integer' } } } },
        },
        SnippetPart: { type: 'object', properties: { text: str, hit: { type: 'boolean' } } },
        SearchItem: {
          type: 'object',
          properties: {
            id: str, title: nullableStr, url: nullableStr, site_name: nullableStr, language: nullableStr,
            page_type: nullableStr, published_at: nullableStr, cluster_id: nullableStr,
            snippet: { type: 'array', items: { $ref: '#/components/schemas/SnippetPart' } },
            snippet_html: { ...str, description: 'Escaped text with <mark> around hits' },
            score: { type: ['number', 'null'] },
          },
        },
        FacetCount: { type: 'object', properties: { value: str, count: { type: 'integer' } } },
        SearchResult: {
          type: 'object',
          properties: {
            items: { type: 'array', items: { $ref: '#/components/schemas/SearchItem' } },
            next_cursor: nullableStr, total: { type: ['integer', 'null'] },
            total_capped: { type: 'boolean', description: `A filtered query matched more than were counted (${n(COUNT_CAP)}); total is that cap` },
            facets_over: { type: 'integer', description: `Facets count the top this-many results (at most ${n(FACET_TOP)})` },
            rank_window: {
              type: ['integer', 'null'],
              description: `Null when every match was ranked; otherwise the query matched more than ${n(RANK_WINDOW)} articles and bm25 ranked only the ${n(RANK_WINDOW)} most recently added`,
            },
            facets: {
              type: ['object', 'null'],
              properties: Object.fromEntries(['site_name', 'language', 'page_type', 'day']
                .map((k) => [k, { type: 'array', items: { $ref: '#/components/schemas/FacetCount' } }])),
            },
          },
        },
        Article: {
          type: 'object', description: 'The record (docs/record.md) with removed lines, blocks and the reading order',
          properties: {
            id: str, title: nullableStr, text: str,
            removed: { type: 'array', items: { type: 'object', properties: { text: str, reason: str, position: { type: 'integer' } } } },
            blocks: { type: ['array', 'null'] },
            reading: {
              type: 'array',
              items: {
                type: 'object',
                // A kept paragraph's inferred position can fall between two integers (store/reading.ts).
                properties: { text: str, kind: str, position: { type: ['number', 'null'] }, removed_reason: str, placed: { type: 'boolean' } },
              },
            },
          },
          additionalProperties: true,
        },
        Cluster: {
          type: 'object',
          properties: {
            id: str, size: { type: 'integer' }, canonical_id: nullableStr,
            members: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: str, url: nullableStr, site_name: nullableStr, title: nullableStr, published_at: nullableStr,
                  canonical: { type: 'boolean' }, similarity: { type: ['number', 'null'] }, stored: { type: 'boolean' },
                  text: nullableStr,
                  diff: {
                    type: ['array', 'null'], description: 'Word diff against the canonical copy (the first 20 copies; null otherwise)',
                    items: { type: 'object', properties: { op: { enum: ['same', 'added', 'removed'] }, text: str } },
                  },
                },
              },
            },
          },
        },
        EventPage: {
          type: 'object',
          properties: { items: { type: 'array', items: { type: 'object', additionalProperties: true } }, next_cursor: nullableStr },
        },
        Stats: { type: 'object', additionalProperties: true },
        ExtractRequest: {
          type: 'object', required: ['content'],
          properties: {
            content: { ...str, description: 'HTML, or page text (one visible block a line)' },
            mode: { enum: ['auto', 'html', 'text'] }, url: nullableStr, fetched_at: nullableStr,
            http_status: { type: ['integer', 'null'] }, headers: { type: 'object', additionalProperties: str },
          },
        },
        ExtractResult: {
          type: 'object',
          properties: { record: { type: 'object' }, blocks: { type: 'array' }, dropped: { type: ['object', 'null'] } },
        },
      },
    },
    security: [{ bearer: [] }, {}],
    paths: {
      '/api/articles': {
        get: {
          summary: 'Search articles', parameters: searchParams,
          responses: { 200: json('SearchResult', 'A page of results, facets on the first page'), ...errors },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article with removed lines and reading order', parameters: [pathId('Article id')],
          responses: { 200: json('Article', 'The article'), 404: json('Error', 'No such article'), ...errors },
        },
      },
      '/api/clusters/{id}': {
        get: {
          summary: 'A duplicate cluster: every copy, with word differences from the canonical one',
          parameters: [pathId('Cluster id')],
          responses: { 200: json('Cluster', 'The cluster'), 404: json('Error', 'No such cluster'), ...errors },
        },
      },
      '/api/events': {
        get: {
          summary: 'Events in time order',
          parameters: [
            q('from', 'First day, YYYY-MM-DD'), q('to', 'Last day, YYYY-MM-DD'),
            q('person', 'Part of a participant name'), q('place', 'Part of a place name or country'),
            q('type', 'Event type, e.g. meeting'),
            limitParam(`Page size, 1-${MAX_LIMIT}`), q('cursor', 'next_cursor'),
          ],
          responses: { 200: json('EventPage', 'A page of events'), ...errors },
        },
      },
      '/api/stats': { get: { summary: 'Corpus counts and the last run', responses: { 200: json('Stats', 'Counts'), ...errors } } },
      '/api/extract': {
        post: {
          summary: 'Extract one page (not stored)',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/ExtractRequest' } },
              'text/html': { schema: str }, 'text/plain': { schema: { ...str, description: 'Page text' } },
            },
          },
          parameters: [q('url', 'The page URL (for raw text/html or text/plain bodies)')],
          responses: {
            200: json('ExtractResult', 'The record (or why the page was dropped)'), ...errors,
            413: json('Error', 'Body over the limit'), 501: json('Error', 'Extraction not available'),
            504: json('Error', 'Extraction took longer than the time limit'),
          },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
  };
}
