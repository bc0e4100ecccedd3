import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variantsOf } from '../src/serve/expand.js';
import { LIMITS, parseParams } from '../src/serve/params.js';
import { serve, type ServeHandle } from '../src/serve/server.js';
import { sqliteDriver } from '../src/emit/sqlite-driver.js';
import { loadSqlite } from '../src/emit/sqlite.js';
import { serve as apiServe } from '../src/api/index.js';
import { seedRecords } from './helpers/context.js';
import { buildStore } from '../src/serve/store.js';
import { root, SEEDS, seedPath } from './helpers/context.js';

/*
 * Expected values read by hand from the seeds (seeds/*.txt), not from the program:
 * - five notices: 人社部发〔2022〕13号 (national, inside 000, with 粤人社发〔2022〕15号), 吉人社联〔2022〕81号 (001),
 *   鲁人社字〔2022〕48号 (002), 黑人社发〔2022〕18号 (004).
 * - transport subsidies: 004 writes 往返交通补助500元 (the only literal 交通补助); 001 writes 交通费补助;
 *   000 (national and 广东) and 002 write 交通费补贴.
 * - the seeds hold no ASCII apostrophe, so `' OR 1=1 --` occurs in no text.
 * - the national annex 2 (000, line 180 on) prints eight rows summing to 877.9 and 合计 877.7.
 */
const ALL = ['人社部发〔2022〕13号', '粤人社发〔2022〕15号', '吉人社联〔2022〕81号', '鲁人社字〔2022〕48号', '黑人社发〔2022〕18号'];

let dir: string;
let handle: ServeHandle;
const get = (path: string, init?: RequestInit) => fetch(new URL(path, handle.url), init);
const json = async (path: string) => {
  const r = await get(path);
  expect(r.status, path).toBe(200);
  return (await r.json()) as Record<string, any>;
};
const html = async (path: string) => {
  const r = await get(path);
  expect(r.status, path).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/html/);
  return r.text();
};
const idOf = async (fileNumber: string): Promise<number> => {
  const list = await json('/api/notices?size=100');
  return list.notices.find((n: { fileNumber: string }) => n.fileNumber === fileNumber).id;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'notices-serve-test-'));
  const summary = await buildStore([join(root, 'seeds')], join(dir, 'notices.sqlite'));
  expect(summary.failures).toEqual([]);
  handle = await serve({ db: join(dir, 'notices.sqlite'), port: 0 });
}, 120_000);

afterAll(async () => {
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('notices serve: the done-when of issue 22', () => {
  it('listens on 127.0.0.1 by default, on the port it picked', () => {
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(handle.port).toBeGreaterThan(0);
  });

  it('/ lists 人社部发〔2022〕13号 among the five notices, national first', async () => {
    const page = await html('/');
    const listed = [...page.matchAll(/<tr data-id="\d+"><td><a href="\/notice\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...ALL].sort());
    expect(listed[0]).toBe('人社部发〔2022〕13号');
  });

  it('/api/notices?q=交通补助 finds every notice with a transport subsidy, under each of its spellings', async () => {
    const r = await json(`/api/notices?q=${encodeURIComponent('交通补助')}`);
    expect(r.notices.map((n: { fileNumber: string }) => n.fileNumber).sort()).toEqual([...ALL].sort());
    expect(r.total).toBe(5);
  });

  it('…and only 黑人社发〔2022〕18号 when asked to search as typed (exact=1)', async () => {
    const r = await json(`/api/notices?q=${encodeURIComponent('交通补助')}&exact=1`);
    expect(r.notices.map((n: { fileNumber: string }) => n.fileNumber)).toEqual(['黑人社发〔2022〕18号']);
  });

  it('the national notice is under 全国 in the province facet, and province=全国 finds it alone', async () => {
    const facets = await json('/api/facets');
    expect(facets.province.map((v: { label: string; count: number }) => [v.label, v.count]).sort()).toEqual([['全国', 1], ['吉林', 1], ['山东', 1], ['广东', 1], ['黑龙江', 1]].sort());
    const r = await json(`/api/notices?province=${encodeURIComponent('全国')}`);
    expect(r.notices.map((n: { fileNumber: string }) => n.fileNumber)).toEqual(['人社部发〔2022〕13号']);
  });

  it('/api/notices?province=吉林 returns 吉人社联〔2022〕81号 alone (and 吉林省 the same)', async () => {
    for (const province of ['吉林', '吉林省']) {
      const r = await json(`/api/notices?province=${encodeURIComponent(province)}`);
      expect(r.notices.map((n: { fileNumber: string }) => n.fileNumber)).toEqual(['吉人社联〔2022〕81号']);
    }
  });

  it("/api/notices?q=' OR 1=1 -- is a normal 200 that finds nothing", async () => {
    const r = await json(`/api/notices?q=${encodeURIComponent("' OR 1=1 --")}`);
    expect(r.total).toBe(0);
    expect(r.filters.q).toBe("' OR 1=1 --");
  });

  it('/search?q=<script>alert(1)</script> does not reflect the markup', async () => {
    const page = await html(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('search', () => {
  it('finds the clauses themselves, each linking to its anchor on the notice page, with the words marked', async () => {
    const r = await json(`/api/search?q=${encodeURIComponent('交通补助')}&size=100`);
    const hits = r.hits.map((h: { fileNumber: string; kind: string; number: string }) => `${h.fileNumber} ${h.kind} ${h.number}`);
    // by hand: 黑龙江 （四） 交通补助 and （十） 交通费补贴; 吉林 （八）; 山东 （七）; national （七）; 广东 section 三
    expect(hits).toEqual(expect.arrayContaining(['黑人社发〔2022〕18号 clause 四', '黑人社发〔2022〕18号 clause 十', '吉人社联〔2022〕81号 clause 八', '鲁人社字〔2022〕48号 clause 七', '人社部发〔2022〕13号 clause 七']));
    const page = await html(`/search?q=${encodeURIComponent('交通补助')}`);
    expect(page).toContain('<mark>交通补助</mark>');
    expect(page).toContain('<mark>交通费补助</mark>');
    for (const h of r.hits) expect(page).toContain(`href="${h.url}"`);
  });

  it('narrows by a facet, and the facet counts are those of the matching notices', async () => {
    const facets = await json(`/api/facets?q=${encodeURIComponent('交通补助')}`);
    expect(facets.level).toEqual(expect.arrayContaining([{ value: 'provincial', label: 'provincial', count: 4 }, { value: 'national', label: 'national', count: 1 }]));
    const r = await json(`/api/search?q=${encodeURIComponent('交通补助')}&province=${encodeURIComponent('黑龙江')}`);
    expect(r.hits.map((h: { number: string }) => h.number).sort()).toEqual(['十', '四'].sort());
  });

  it('a word of one or two characters is found too (without the index)', async () => {
    const r = await json(`/api/notices?q=${encodeURIComponent('吉林')}`);
    expect(r.notices.map((n: { fileNumber: string }) => n.fileNumber)).toContain('吉人社联〔2022〕81号');
  });

  it('/search.csv holds the same hits as /api/search, one row each, under a header', async () => {
    const r = await json(`/api/search?q=${encodeURIComponent('交通补助')}`);
    const csv = await (await get(`/search.csv?q=${encodeURIComponent('交通补助')}`)).text();
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(rows[0]).toBe('notice,url,fileNumber,title,region,kind,number,line,text');
    expect(rows.slice(1).map((l) => l.split(',')[1])).toEqual(r.hits.map((h: { url: string }) => h.url));
  });

  it('pages are disjoint and stable: two pages of two, then the same again', async () => {
    const page = async (n: number) => (await json(`/api/notices?size=2&page=${n}`)).notices.map((x: { id: number }) => x.id);
    const [a, b, c] = [await page(1), await page(2), await page(3)];
    expect([...a, ...b, ...c]).toHaveLength(5);
    expect(new Set([...a, ...b, ...c]).size).toBe(5);
    expect(await page(1)).toEqual(a);
  });
});

describe('the notice page', () => {
  it('shows each header field with its line, and the source with that line highlighted', async () => {
    const id = await idOf('黑人社发〔2022〕18号');
    const page = await html(`/notice/${id}`);
    // the file number is printed on line 9 of seed 004 (read in the file)
    const line = readFileSync(seedPath(SEEDS.heilongjiang), 'utf8').split('\n').findIndex((l) => l.includes('黑人社发〔2022〕18号')) + 1;
    expect(page).toMatch(new RegExp(`<dt>文号 file number</dt><dd>黑人社发〔2022〕18号<a class="where" href="#L${line}">line ${line},`));
    expect(page).toMatch(new RegExp(`<span class="l hl" id="L${line}" data-n="${line}" title="[^"]*file number`));
    expect(page).toContain('往返交通补助500元');
  });

  it('marks the cell a finding is about: the national annex 2 total, whose rows do not add up to it', async () => {
    const source = readFileSync(seedPath(SEEDS.guangdong), 'utf8').split('\n');
    const rows = source.slice(180, 194).filter((l) => /^\d+\t/.test(l)).map((l) => Number(l.split('\t')[2]));
    expect(rows).toHaveLength(8);
    expect(Math.round(rows.reduce((a, b) => a + b, 0) * 10) / 10).not.toBe(877.7);
    const page = await html(`/notice/${await idOf('人社部发〔2022〕13号')}`);
    const annex2 = page.slice(page.indexOf('附件2'));
    expect(annex2).toMatch(/<tr><td><\/td><td>合计<\/td><td class="num flag" title="[^"]*" data-rules="table-sum-mismatch">877\.7<\/td>/);
  });

  it('links to its parent, and the parent diff page names both notices', async () => {
    const id = await idOf('吉人社联〔2022〕81号');
    const national = await idOf('人社部发〔2022〕13号');
    const page = await html(`/notice/${id}`);
    const parents = page.slice(page.indexOf('<ul class="parents">'), page.indexOf('</ul>', page.indexOf('<ul class="parents">')));
    expect(parents).toContain(`href="/notice/${national}">人社部发〔2022〕13号</a>`);
    const diff = /href="(\/diff\/\d+)"/.exec(parents)![1];
    const diffPage = await html(diff);
    expect(diffPage).toContain(`href="/notice/${id}">吉人社联〔2022〕81号</a>`);
    expect(diffPage).toContain(`href="/notice/${national}">人社部发〔2022〕13号</a>`);
    expect(diffPage).toMatch(/<section class="pair"/);
    // the national notice lists 吉林's as an adaptation, and as citing it (吉林 names it by file number)
    const nationalPage = await html(`/notice/${national}`);
    expect(nationalPage.slice(nationalPage.indexOf('<ul class="adaptations">'))).toContain(`href="/notice/${id}"`);
    expect(nationalPage.slice(nationalPage.indexOf('<ul class="refs-in">'))).toContain(`href="/notice/${id}"`);
  });

  it('/api/notices/<id> is the whole record, with the store findings', async () => {
    const id = await idOf('吉人社联〔2022〕81号');
    const r = await json(`/api/notices/${id}`);
    expect(r.record.fileNumber.normalized).toBe('吉人社联〔2022〕81号');
    expect(r.record.region.name).toBe('吉林省');
    expect(Array.isArray(r.findings)).toBe(true);
  });
});

const HOSTILE = ["'", '"', "' OR 1=1 --", '"; DROP TABLE documents; --', '<img src=x onerror=alert(1)>', '</textarea><script>alert(1)</script>', '%', '_', '\\', 'NEAR(a b)', '"交通', '*', '-1', '0', '99999999999999999999999', '1e9', '１', '\u0000x', '\uE000', 'x'.repeat(10_000), '交'.repeat(3_400)];
const LIST_ROUTES = ['/', '/search', '/api/notices', '/api/search', '/search.csv', '/notices.csv', '/api/facets'];
const PARAMS = ['q', 'province', 'level', 'year', 'issuer', 'verdict', 'findings', 'page', 'size', 'exact'];

describe('hostile input: every parameter of every list route', () => {
  it('is a normal 200 that never reflects markup', async () => {
    let checked = 0;
    for (const route of LIST_ROUTES) {
      for (const param of PARAMS) {
        for (const value of HOSTILE) {
          const r = await get(`${route}?${param}=${encodeURIComponent(value)}`);
          const body = await r.text();
          expect(r.status, `${route}?${param}=${value.slice(0, 30)}`).toBe(200);
          expect(body, `${route}?${param}=${value.slice(0, 30)}`).not.toMatch(/<img src=x|<script|<\/textarea>/i);
          if (route.startsWith('/api/')) expect(() => JSON.parse(body)).not.toThrow();
          checked++;
        }
      }
    }
    expect(checked).toBe(LIST_ROUTES.length * PARAMS.length * HOSTILE.length);
  }, 300_000);

  it('caps the query and the page size, and clamps the page', async () => {
    const long = await json(`/api/notices?q=${'x'.repeat(10_000)}`);
    expect(long.filters.q).toHaveLength(LIMITS.query);
    expect(long.queryCut).toBe(true);
    expect((await json('/api/notices?size=100000')).size).toBe(LIMITS.pageSize);
    expect((await json('/api/notices?page=-5')).page).toBe(1);
    const deep = await json('/api/notices?page=99999999999');
    expect(deep.page).toBe(LIMITS.maxPage);
    expect(deep.notices).toEqual([]);
    const page = await html(`/search?q=${'y'.repeat(10_000)}`);
    expect(page).toContain(`cut to its first ${LIMITS.query} characters`);
  });

  it('bad ids and unknown routes are a 404 page that echoes nothing', async () => {
    for (const path of ['/notice/0', '/notice/-1', '/notice/abc', '/notice/1.5', '/notice/99999999', '/notice/1/x', '/notice/%3Cscript%3E', '/notice/', '/notice/01',
      '/diff/0', '/diff/abc', '/parent-diff/0', '/parent-diff/abc', '/api/notices/abc', '/api/notices/99999', '/api/diffs/0', '/nope', '/%3Cscript%3E', '/search/x', '/api', '/notice/99999999999999999999999']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(await r.text(), path).not.toMatch(/<script|abc|nope/i);
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('/', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('sends a policy that lets a page load nothing from elsewhere and run no script', async () => {
    const r = await get('/');
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(r.headers.get('content-security-policy')).not.toMatch(/script-src/);
    const page = await r.text();
    expect(page).not.toMatch(/<script|<link rel="stylesheet"|src="http|href="http|@import|url\(http/);
  });
});

describe('the verdict facet (documents.verdict_kind, store layout 4)', () => {
  it('offers it as a facet and filters by it; a store without the column has no such facet and ignores the parameter', async () => {
    // the five seed notices each print a title, a 发文字号 and a body: all five are notices
    const facets = (await json('/api/facets')) as unknown as Record<string, { value: string; count: number }[]>;
    expect(facets.verdict.map((v) => [v.value, v.count])).toEqual([['notice', 5]]);
    expect((await json('/api/notices?verdict=notice')).total).toBe(5);
    expect((await json('/api/notices?verdict=body')).total).toBe(0);
    const bare = join(dir, 'no-verdict.sqlite');
    copyFileSync(join(dir, 'notices.sqlite'), bare);
    const strip = new (sqliteDriver())(bare);
    strip.exec('ALTER TABLE documents DROP COLUMN verdict_kind; ALTER TABLE documents DROP COLUMN verdict_confidence;');
    strip.close();
    const without = await serve({ db: bare, port: 0 });
    try {
      const f = (await (await fetch(new URL('/api/facets', without.url))).json()) as Record<string, unknown>;
      expect(f.verdict).toBeUndefined();
      const all = (await (await fetch(new URL('/api/notices?verdict=x', without.url))).json()) as { total: number };
      expect(all.total).toBe(5);
    } finally {
      await without.close();
    }
    // a store with a column named verdict (records of another schema) gives the facet too
    const copy = join(dir, 'verdict.sqlite');
    copyFileSync(bare, copy);
    const db = new (sqliteDriver())(copy);
    db.exec("ALTER TABLE documents ADD COLUMN verdict TEXT; UPDATE documents SET verdict = CASE WHEN file_number = '吉人社联〔2022〕81号' THEN 'notice' ELSE 'other' END");
    db.close();
    const other = await serve({ db: copy, port: 0 });
    try {
      const facets = (await (await fetch(new URL('/api/facets', other.url))).json()) as Record<string, { value: string; count: number }[]>;
      expect(facets.verdict.map((v) => [v.value, v.count])).toEqual([['other', 4], ['notice', 1]]);
      const list = (await (await fetch(new URL('/api/notices?verdict=notice', other.url))).json()) as { notices: { fileNumber: string; verdict: string }[] };
      expect(list.notices).toMatchObject([{ fileNumber: '吉人社联〔2022〕81号', verdict: 'notice' }]);
      expect(await (await fetch(other.url)).text()).toContain('<th>结论</th>');
    } finally {
      await other.close();
    }
  });
});

describe('a store written by notices extract (no diffs given, no source text)', () => {
  it('shows the parent the store chose when it was loaded, and its stored diff', async () => {
    const file = join(dir, 'extract.sqlite');
    await loadSqlite(file, [...(await seedRecords(SEEDS.guangdong)), ...(await seedRecords(SEEDS.jilin))]);
    const other = await apiServe({ db: file, port: 0 });
    try {
      const get2 = async (path: string) => {
        const r = await fetch(new URL(path, other.url));
        expect(r.status, path).toBe(200);
        return r.text();
      };
      const list = JSON.parse(await get2('/api/notices')) as { notices: { id: number; fileNumber: string }[] };
      const jilin = list.notices.find((n) => n.fileNumber === '吉人社联〔2022〕81号')!.id;
      const national = list.notices.find((n) => n.fileNumber === '人社部发〔2022〕13号')!.id;
      const page = await get2(`/notice/${jilin}`);
      expect(page).toContain('This store does not hold the source text');
      expect(page).toContain(`<ul class="parents"><li><a href="/notice/${national}">人社部发〔2022〕13号</a>`);
      // 吉林 cites 人社部发〔2022〕13号 (001, line 13): chosen by the citation, the diff stored at load time
      expect(page).toMatch(/<ul class="parents"><li>.*· cites its 发文字号 · <a class="diff-link" href="\/diff\/\d+">diff<\/a>/);
      const diff = await get2(`/parent-diff/${jilin}`);
      expect(diff).toContain('This diff as <a href="/api/diffs/');
      expect(diff).toContain(`href="/notice/${jilin}">吉人社联〔2022〕81号</a>`);
      expect(diff).toContain(`href="/notice/${national}">人社部发〔2022〕13号</a>`);
      expect(diff).toMatch(/<section class="pair"/);
      // the national notice implements nothing stored: no parent diff, and the page says why without working anything out
      expect((await fetch(new URL(`/parent-diff/${national}`, other.url))).status).toBe(404);
      expect(await get2(`/notice/${national}`)).toContain('No stored notice is its parent');
    } finally {
      await other.close();
    }
  });
});

describe('query parameters (pure)', () => {
  it('reads and caps them', () => {
    const p = parseParams(new URLSearchParams('q=%20a%20b%20&year=2022&page=3&size=7&findings=1&exact=1'));
    expect(p).toMatchObject({ q: 'a b', year: 2022, page: 3, size: 7, findings: '1', exact: true, cut: false });
    expect(parseParams(new URLSearchParams('year=22&findings=yes&page=x')).year).toBeNull();
    expect(parseParams(new URLSearchParams('year=22&findings=yes&page=x'))).toMatchObject({ findings: '', page: 1 });
  });
});

describe('spelling variants of a grant (src/serve/expand.ts)', () => {
  it('swaps 补助 and 补贴 and makes 费 optional, the word as typed first', () => {
    expect(variantsOf('交通补助')).toEqual(['交通补助', '交通补贴', '交通费补助', '交通费补贴']);
    expect(variantsOf('生活费补贴').sort()).toEqual(['生活补助', '生活补贴', '生活费补助', '生活费补贴'].sort());
    expect(variantsOf('生活费补贴')[0]).toBe('生活费补贴');
  });
  it('leaves other words alone: a bare grant word, other grants, anything else', () => {
    for (const w of ['补助', '补贴', '一次性奖补', '交通津贴', '稳岗就业', "' OR 1=1"]) expect(variantsOf(w)).toEqual([w]);
  });
});
