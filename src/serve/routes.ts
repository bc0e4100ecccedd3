import { stringify } from 'csv-stringify/sync';
import { esc, layout } from './html.js';
import { hitJson, noticeJson, overviewPage, searchPage } from './list-pages.js';
import { diffPage, noticePage, parentDiffPage } from './notice-page.js';
import { parseParams } from './params.js';
import type { StoreQueries } from './queries.js';

/**
 * URL → response, as a pure function of the store and the request's path and query: the server
 * (src/serve/server.ts) only moves bytes. Unknown paths and ids are a 404 page, never an error.
 */
export interface Response {
  status: number;
  type: string;
  body: string;
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';

const html = (body: string, status = 200): Response => ({ status, type: HTML, body });
/** JSON with <, > and & as \u escapes: the same value, and no markup even for a client that sniffs the type. */
const json = (value: unknown, status = 200): Response => ({
  status,
  type: JSON_TYPE,
  body: JSON.stringify(value, null, 1).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n',
});
const csv = (rows: Record<string, unknown>[], columns: string[]): Response => ({
  status: 200,
  type: CSV,
  body: stringify([columns, ...rows.map((r) => columns.map((c) => cellText(r[c])))], { bom: true, escape_formulas: true }),
});
const cellText = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('、') : String(v));

export const notFound = (what = 'No such page.'): Response =>
  html(layout('Not found', `<h1>Not found</h1><p>${esc(what)}</p><p><a href="/">Back to the overview</a></p>`), 404);

/** A positive integer id, as the whole path segment; anything else is no id. */
function idOf(segment: string | undefined): number | null {
  if (!segment || !/^[1-9]\d{0,15}$/.test(segment)) return null;
  const n = Number(segment);
  return Number.isSafeInteger(n) ? n : null;
}

const NOTICE_COLUMNS = ['id', 'url', 'fileNumber', 'title', 'docType', 'level', 'region', 'regionCode', 'year', 'signedDate', 'issuers', 'findings', 'verdict', 'path', 'documentIndex', 'sha256'];
const HIT_COLUMNS = ['notice', 'url', 'fileNumber', 'title', 'region', 'kind', 'number', 'line', 'text'];

type Handler = (store: StoreQueries, search: URLSearchParams, id: number | null) => Response;

function noticesList(store: StoreQueries, search: URLSearchParams) {
  const p = parseParams(search);
  const list = store.notices(store.select(p), p.page, p.size);
  return { p, list, rows: list.rows.map(noticeJson) };
}

function hitsList(store: StoreQueries, search: URLSearchParams) {
  const p = parseParams(search);
  const hits = store.hits(store.select(p), p.page, p.size);
  return { p, hits, rows: hits.rows.map(hitJson) };
}

const filtersOf = (p: ReturnType<typeof parseParams>) => ({ q: p.q, exact: p.exact, province: p.province, level: p.level, year: p.year, issuer: p.issuer, verdict: p.verdict, findings: p.findings });

/** Fixed paths, and `/prefix/<id>` paths by their prefix. */
const EXACT: Record<string, Handler> = {
  '/': (store, search) => html(overviewPage(store, parseParams(search))),
  '/search': (store, search) => html(searchPage(store, parseParams(search))),
  '/api/notices': (store, search) => {
    const { p, list, rows } = noticesList(store, search);
    return json({ total: list.total, page: p.page, size: p.size, filters: filtersOf(p), queryCut: p.cut, notices: rows });
  },
  '/notices.csv': (store, search) => csv(noticesList(store, search).rows, NOTICE_COLUMNS),
  '/api/notices.csv': (store, search) => csv(noticesList(store, search).rows, NOTICE_COLUMNS),
  '/api/search': (store, search) => {
    const { p, hits, rows } = hitsList(store, search);
    return json({ total: hits.total, page: p.page, size: p.size, filters: filtersOf(p), queryCut: p.cut, hits: rows });
  },
  '/search.csv': (store, search) => csv(hitsList(store, search).rows, HIT_COLUMNS),
  '/api/facets': (store, search) => json(store.facets(store.select(parseParams(search)))),
};

const BY_ID: Record<string, Handler> = {
  '/notice/': (store, _s, id) => {
    const page = id === null ? null : noticePage(store, id);
    return page === null ? notFound('No notice with this id.') : html(page);
  },
  '/diff/': (store, _s, id) => {
    const page = id === null ? null : diffPage(store, id);
    return page === null ? notFound('No diff with this id.') : html(page);
  },
  '/parent-diff/': (store, _s, id) => {
    const page = id === null ? null : parentDiffPage(store, id);
    return page === null ? notFound('No such notice, or the store holds no parent for it.') : html(page);
  },
  '/api/notices/': (store, _s, id) => {
    const row = id === null ? undefined : store.notice(id);
    if (!row) return json({ error: 'not found' }, 404);
    return json({ id: row.id, url: `/notice/${row.id}`, record: JSON.parse(row.recordJson), findings: store.findings(row.id) });
  },
  '/api/diffs/': (store, _s, id) => {
    const d = id === null ? undefined : store.diff(id);
    return d ? json(d) : json({ error: 'not found' }, 404);
  },
};

export function route(store: StoreQueries, pathname: string, search: URLSearchParams): Response {
  const exact = EXACT[pathname];
  if (exact) return exact(store, search, null);
  for (const [prefix, handler] of Object.entries(BY_ID)) {
    if (pathname.startsWith(prefix)) {
      const rest = pathname.slice(prefix.length);
      return rest.includes('/') ? notFound() : handler(store, search, idOf(rest));
    }
  }
  return notFound();
}
