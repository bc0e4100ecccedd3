import { activeFiltersHtml, esc, facetsHtml, layout, pagerHtml, snippetHtml, twinsHtml } from './html.js';
import { withParams } from './params.js';
import { LIMITS, wordGroups, type ListParams } from './params.js';
import type { Facets, HitRow, NoticeRow, Paged, StoreQueries } from './queries.js';

/** The list pages: the corpus overview (`/`) and the search (`/search`), and the rows their twins serve. */

const LEVELS: Record<string, string> = { national: '国家', provincial: '省级', municipal: '市级', county: '县级', township: '乡镇' };
const levelText = (l: string | null) => (l ? `${LEVELS[l] ?? l}` : '—');

export const noticeHref = (id: number) => `/notice/${id}`;

const cutNote = (p: ListParams) => (p.cut ? `<p class="note">The query was cut to its first ${LIMITS.query} characters.</p>` : '');

function noticeTable(rows: NoticeRow[], showVerdict: boolean): string {
  if (!rows.length) return '<p class="note">No notice matches.</p>';
  const body = rows
    .map(
      (r) => `<tr data-id="${r.id}"><td><a href="${noticeHref(r.id)}">${esc(r.fileNumber ?? '（无文号）')}</a></td><td>${esc(r.title || '（无标题）')}</td><td>${esc(levelText(r.level))}</td><td>${esc(r.regionName ?? '—')}</td><td class="num">${r.year ?? '—'}</td><td>${esc(r.issuers.join('、') || '—')}</td>${showVerdict ? `<td>${esc(r.verdict ?? '—')}</td>` : ''}<td class="num">${r.findings}</td></tr>`,
    )
    .join('\n');
  return `<table class="list notices"><thead><tr><th>文号</th><th>标题</th><th>层级</th><th>地区</th><th>年份</th><th>发文机关</th>${showVerdict ? '<th>结论</th>' : ''}<th>发现</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
}

export function overviewPage(store: StoreQueries, p: ListParams): string {
  const totals = store.totals();
  const selection = store.select(p);
  const facets: Facets = store.facets(selection);
  const list: Paged<NoticeRow> = store.notices(selection, p.page, p.size);
  const counts = `<ul class="counts"><li><b>${totals.notices}</b> notices</li><li><b>${totals.clauses}</b> clauses</li><li><b>${totals.tables}</b> tables</li><li><b>${totals.findings}</b> findings</li><li><b>${totals.diffs}</b> diffs</li></ul>`;
  const byLevel = (facets.level ?? []).map((v) => `${esc(levelText(v.value || null))} ${v.count}`).join(' · ');
  const byProvince = (facets.province ?? []).map((v) => `${esc(v.label)} ${v.count}`).join(' · ');
  const byYear = (facets.year ?? []).map((v) => `${esc(v.label)} ${v.count}`).join(' · ');
  const body = `<h1>Corpus overview</h1>
${counts}
<p class="note">By level: ${byLevel || '—'}<br>By province: ${byProvince || '—'}<br>By year: ${byYear || '—'}</p>
<div class="layout">
${facetsHtml('/', p, facets)}
<section>
<form method="get" action="/"><input type="search" name="q" value="${esc(p.q)}" maxlength="${LIMITS.query}" aria-label="filter notices by text" placeholder="notices whose text holds…"> <button type="submit">Filter</button></form>
${cutNote(p)}${activeFiltersHtml('/', p)}
<h2>Notices</h2>
${noticeTable(list.rows, Boolean(store.verdictColumn))}
${pagerHtml('/', p, list.total)}
${twinsHtml('/notices.csv', '/api/notices', p)}
</section>
</div>`;
  return layout('Corpus overview', body);
}

/** Says which spellings were searched too, with a link to search the words only as typed (and back). */
function variantsNote(p: ListParams, groups: string[][]): string {
  if (p.exact) return `<p class="note">Searched as typed. <a href="${esc('/search' + withParams(p, { exact: null }))}">Also search spelling variants</a></p>`;
  const more = groups.filter((g) => g.length > 1);
  if (!more.length) return '';
  return `<p class="note">Also searched: ${more.map((g) => esc(g.slice(1).join('、'))).join('; ')}. <a href="${esc('/search' + withParams(p, { exact: true }))}">Search only as typed</a></p>`;
}

const KIND_LABEL: Record<HitRow['kind'], string> = { clause: '条款', section: '章节', table: '表格' };

/** Where a hit is on its notice page: the clause, section or table anchor. */
export const hitAnchor = (h: HitRow) => `${noticeHref(h.documentId)}#${h.kind}-${h.itemId}`;

export function searchPage(store: StoreQueries, p: ListParams): string {
  const groups = wordGroups(p.q, p.exact);
  const terms = groups.flat();
  if (!terms.length) {
    return layout('Search', `<h1>Search</h1><p class="note">Type words to find in clauses, sections and tables (three characters or more use the full-text index).</p>`, p.q);
  }
  const selection = store.select(p);
  const facets = store.facets(selection);
  const hits = store.hits(selection, p.page, p.size);
  const items = hits.rows
    .map(
      (h) => `<li data-document="${h.documentId}"><a href="${esc(hitAnchor(h))}">${esc(h.fileNumber ?? '（无文号）')} ${esc(h.title || '（无标题）')}</a> <span class="where">${KIND_LABEL[h.kind]}${h.number ? ` ${esc(h.number)}` : ''}${h.line ? ` · line ${h.line}` : ''}${h.regionName ? ` · ${esc(h.regionName)}` : ''}</span>
<div class="hit">${snippetHtml(h.text, terms)}</div></li>`,
    )
    .join('\n');
  const body = `<h1>Search: ${esc(p.q)}</h1>
${cutNote(p)}${variantsNote(p, groups)}<div class="layout">
${facetsHtml('/search', p, facets)}
<section>
${activeFiltersHtml('/search', p)}
${hits.rows.length ? `<ol class="hits" start="${(p.page - 1) * p.size + 1}">${items}</ol>` : '<p class="note">Nothing found.</p>'}
${pagerHtml('/search', p, hits.total)}
${twinsHtml('/search.csv', '/api/search', p)}
</section>
</div>`;
  return layout(`Search ${p.q}`, body, p.q);
}

/** A notice list row as the JSON and CSV twins give it. */
export const noticeJson = (r: NoticeRow) => ({
  id: r.id,
  url: noticeHref(r.id),
  sha256: r.sha256,
  documentIndex: r.documentIndex,
  path: r.path,
  format: r.format,
  fileNumber: r.fileNumber,
  title: r.title,
  docType: r.docType,
  level: r.level,
  region: r.regionName,
  regionCode: r.regionCode,
  year: r.year,
  signedDate: r.signedDate,
  issuers: r.issuers,
  findings: r.findings,
  verdict: r.verdict,
});

/** A search hit as the JSON and CSV twins give it. */
export const hitJson = (h: HitRow) => ({
  notice: h.documentId,
  url: hitAnchor(h),
  fileNumber: h.fileNumber,
  title: h.title,
  region: h.regionName,
  kind: h.kind,
  number: h.number,
  line: h.line,
  text: h.text,
});
