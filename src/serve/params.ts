import { variantsOf } from './expand.js';

/**
 * What a request may ask for, read from its query string with every value capped: the one place
 * that decides what user input reaches the queries (src/serve/queries.ts binds it, never splices it).
 */

/** Caps on user input: longer values are cut (and the page says so), never refused. */
export const LIMITS = {
  /** characters of the search query */
  query: 200,
  /** search words (whitespace-separated) kept from the query */
  terms: 8,
  /** characters of any other text parameter */
  text: 100,
  pageSize: 100,
  defaultPageSize: 20,
  /** deeper pages are clamped: paging past 500 × 100 rows is a job for the SQLite file itself */
  maxPage: 500,
} as const;

/** The facets a list can be narrowed by; every list page and its CSV/JSON twins take the same. */
export interface Filters {
  q: string;
  province: string;
  level: string;
  year: number | null;
  issuer: string;
  verdict: string;
  /** '1': notices with findings, '0': without, '': either */
  findings: '' | '0' | '1';
  /** search the words only as typed, without their spelling variants (src/serve/expand.ts) */
  exact: boolean;
}

export interface ListParams extends Filters {
  page: number;
  size: number;
  /** true when the query was longer than LIMITS.query and was cut */
  cut: boolean;
}

export const FILTER_KEYS = ['q', 'province', 'level', 'year', 'issuer', 'verdict', 'findings', 'exact'] as const;

// C0/C1 controls and the private-use area never belong in a search: dropped before anything else
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\ue000-\uf8ff]/g;

const clean = (s: string | null, max: number) => [...(s ?? '').replace(CONTROLS, ' ').trim()].slice(0, max).join('').trim();

function intIn(s: string | null, min: number, max: number, dflt: number): number {
  if (s === null || !/^\s*-?\d{1,12}\s*$/.test(s)) return dflt;
  return Math.min(max, Math.max(min, Number(s)));
}

export function parseParams(search: URLSearchParams): ListParams {
  const rawQ = (search.get('q') ?? '').replace(CONTROLS, ' ').trim();
  const year = /^\d{4}$/.test((search.get('year') ?? '').trim()) ? Number(search.get('year')!.trim()) : null;
  const findings = search.get('findings');
  return {
    q: clean(rawQ, LIMITS.query),
    cut: [...rawQ].length > LIMITS.query,
    province: clean(search.get('province'), LIMITS.text),
    level: clean(search.get('level'), LIMITS.text),
    year,
    issuer: clean(search.get('issuer'), LIMITS.text),
    verdict: clean(search.get('verdict'), LIMITS.text),
    findings: findings === '1' || findings === '0' ? findings : '',
    exact: search.get('exact') === '1',
    page: intIn(search.get('page'), 1, LIMITS.maxPage, 1),
    size: intIn(search.get('size'), 1, LIMITS.pageSize, LIMITS.defaultPageSize),
  };
}

/** The search words: whitespace splits the query, each word is searched as printed (a phrase). */
export const termsOf = (q: string): string[] => [...new Set(q.split(/\s+/).filter(Boolean))].slice(0, LIMITS.terms);

/** Each search word with the spellings it is also found under (itself only when `exact`): a hit holds one of each. */
export const wordGroups = (q: string, exact: boolean): string[][] => termsOf(q).map((t) => (exact ? [t] : variantsOf(t)));

/** The query string for these filters with one changed (null removes it); page resets unless given. */
export function withParams(p: Partial<ListParams>, change: Partial<Record<keyof ListParams, string | number | boolean | null>>): string {
  const out = new URLSearchParams();
  const merged: Record<string, unknown> = { ...p, page: undefined, ...change };
  for (const key of [...FILTER_KEYS, 'page', 'size'] as const) {
    const v = merged[key];
    if (v === null || v === undefined || v === '' || v === false) continue;
    if (v === true) {
      out.set(key, '1');
      continue;
    }
    if (key === 'size' && v === LIMITS.defaultPageSize) continue;
    if (key === 'page' && v === 1) continue;
    out.set(key, String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}
