import { escapeHtml as esc, PAIR_CSS } from '../diff/format/html.js';
import { LIMITS, withParams, type ListParams } from './params.js';
import type { FacetName, Facets } from './queries.js';

/**
 * The page frame and the pieces every page shares. Every value from the store or the request goes
 * through `esc` (the one escaper, shared with the report and the diff page) before it is written.
 */

export { esc };

/** The report's CJK font stack (src/report/charts.ts) and WenQuanYi Micro Hei (Debian's smallest CJK font), repeated here so the server does not load the chart renderer. */
const CJK_FONT = '"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei","WenQuanYi Micro Hei",sans-serif';

const CSS = `
:root{--del:#fbe4e4;--del-ink:#a3201b;--ins:#def5e1;--ins-ink:#17622a;--mute:#666;--line:#ddd;--mod:#b26a00;--accent:#1f5fbf}
*{box-sizing:border-box}
body{margin:0;font:15px/1.7 ${CJK_FONT};color:#222;background:#fafafa}
a{color:var(--accent)}
header.top{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap;padding:.6rem 1.5rem;background:#fff;border-bottom:1px solid var(--line)}
header.top .brand{font-weight:700;color:#222;text-decoration:none}
form.search{display:flex;gap:.4rem;flex:1;max-width:40rem}
form.search input[type=search]{flex:1;font:inherit;padding:.25rem .5rem;border:1px solid #bbb;border-radius:4px}
form.search button{font:inherit;padding:.25rem .8rem;border:1px solid #bbb;border-radius:4px;background:#f3f3f3;cursor:pointer}
main{padding:1rem 1.5rem 3rem;max-width:1500px}
.layout{display:grid;grid-template-columns:16rem 1fr;gap:1.5rem}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
aside.facets h3{font-size:.9rem;margin:1rem 0 .2rem;color:var(--mute)}
aside.facets ul{list-style:none;margin:0;padding:0;font-size:.88rem}
aside.facets li{display:flex;justify-content:space-between;gap:.5rem}
aside.facets li.on a{font-weight:700;color:#222}
aside.facets .n{color:var(--mute);font-variant-numeric:tabular-nums}
h1{font-size:1.3rem;margin:.4rem 0 .6rem}
h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.note{color:var(--mute);font-size:.85rem}
.chips a{display:inline-block;margin:0 .4rem .3rem 0;padding:0 .5rem;border:1px solid var(--line);border-radius:999px;background:#fff;font-size:.82rem;text-decoration:none}
.counts{display:flex;gap:1.5rem;flex-wrap:wrap;margin:.2rem 0 .8rem;padding:0;list-style:none}
.counts b{font-size:1.2rem;font-variant-numeric:tabular-nums}
table.list,table.grid{border-collapse:collapse;background:#fff;font-size:.86rem;margin:.3rem 0 1rem}
table.list th,table.list td,table.grid th,table.grid td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
table.list thead th,table.grid thead th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.flag{background:#fff3cd;outline:2px solid #e0a800}
ol.hits{padding-left:1.4rem}
ol.hits li{margin:0 0 .8rem}
.hit{font-size:.9rem;white-space:pre-wrap;word-break:break-all}
mark{background:#ffe58a;color:inherit}
.pager{display:flex;gap:1rem;align-items:center;margin:1rem 0}
.twins{font-size:.85rem}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;font-size:.92rem;margin:.4rem 0}
dl.fields dt{color:var(--mute)}
dl.fields dd{margin:0}
.where{font-size:.78rem;color:var(--mute);margin-left:.4rem}
.sev{font-size:.78rem;padding:0 .4rem;border-radius:3px;color:#fff;background:#777}
.sev-error{background:#c0392b}.sev-warning{background:#d98b00}.sev-info{background:#2c7fb8}
ul.tree{padding-left:1.2rem}
ul.tree li{margin:.2rem 0}
.clause{white-space:pre-wrap;word-break:break-all}
pre.source{background:#fff;border:1px solid var(--line);padding:.5rem 0;font:13px/1.6 ${CJK_FONT};white-space:pre-wrap;word-break:break-all;max-height:40rem;overflow:auto}
pre.source span.l{display:block;padding:0 .6rem 0 4.2rem;text-indent:-3.6rem}
pre.source span.l::before{content:attr(data-n);display:inline-block;width:3rem;margin-right:.6rem;text-align:right;color:#aaa;text-indent:0}
pre.source span.hl{background:#eef4ff;box-shadow:inset 3px 0 var(--accent)}
pre.source span.l:target{background:#ffe58a}
details.diff>summary{cursor:pointer;font-weight:600;margin:.6rem 0}
.inline{display:none}
${PAIR_CSS}`;

/** A whole page: no script, no request to anywhere (inline CSS; `data:` favicon so the browser does not ask for one). */
export function layout(title: string, body: string, q = ''): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · notices</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body>
<header class="top"><a class="brand" href="/">policy-notices</a>
<form class="search" method="get" action="/search" role="search"><input type="search" name="q" value="${esc(q)}" maxlength="${LIMITS.query}" placeholder="全文检索：条款、章节、表格" aria-label="search"><button type="submit">检索</button></form>
<a href="/api/notices">JSON</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

const FACET_TITLES: Record<FacetName, string> = {
  province: '省份 province',
  level: '层级 level',
  year: '年份 year',
  issuer: '发文机关 issuer',
  verdict: '结论 verdict',
  findings: '有发现 findings',
};
const FACET_ORDER: FacetName[] = ['province', 'level', 'year', 'issuer', 'verdict', 'findings'];
/** the longest facet lists are cut: the rest are a click on the CSV away */
const FACET_MAX = 25;

/** The facet column: each value a link that adds (or, when on, removes) it from the filters of `path`. */
export function facetsHtml(path: string, p: ListParams, facets: Facets): string {
  const blocks = FACET_ORDER.filter((name) => facets[name]?.length).map((name) => {
    const current = name === 'year' ? (p.year === null ? '' : String(p.year)) : String(p[name] ?? '');
    const items = facets[name]!.slice(0, FACET_MAX).map((v) => {
      const on = current !== '' && (current === v.value || current === v.label);
      // a province is named (吉林), not coded, in the link: the URL a reader would type
      const value = name === 'province' && v.value ? v.label : v.value;
      const href = path + withParams(p, { [name]: on ? null : value || null });
      return `<li class="${on ? 'on' : ''}" data-facet="${name}" data-value="${esc(v.value)}"><a href="${esc(href)}">${esc(v.label)}</a><span class="n">${v.count}</span></li>`;
    });
    return `<h3>${FACET_TITLES[name]}</h3><ul>${items.join('')}</ul>`;
  });
  return `<aside class="facets" aria-label="facets">${blocks.join('\n')}</aside>`;
}

/** The filters in force, each a chip that removes it. */
export function activeFiltersHtml(path: string, p: ListParams): string {
  const on = (['q', 'province', 'level', 'year', 'issuer', 'verdict', 'findings'] as const).filter((k) => p[k] !== '' && p[k] !== null);
  if (!on.length) return '';
  const chips = on.map((k) => `<a href="${esc(path + withParams(p, { [k]: null }))}" title="remove">${k}: ${esc(String(p[k]))} ✕</a>`);
  return `<p class="chips">${chips.join('')}</p>`;
}

/** Previous / next links and where in the list this page is. */
export function pagerHtml(path: string, p: ListParams, total: number): string {
  const pages = Math.max(1, Math.ceil(total / p.size));
  const prev = p.page > 1 ? `<a rel="prev" href="${esc(path + withParams(p, { page: p.page - 1, size: p.size }))}">← 上一页</a>` : '';
  const next = p.page < Math.min(pages, LIMITS.maxPage) ? `<a rel="next" href="${esc(path + withParams(p, { page: p.page + 1, size: p.size }))}">下一页 →</a>` : '';
  return `<nav class="pager">${prev}<span>第 ${p.page} / ${pages} 页 · ${total} 条</span>${next}</nav>`;
}

/** Links to the CSV and JSON twins of a list page, with the same filters. */
export function twinsHtml(csv: string, json: string, p: ListParams): string {
  const qs = withParams(p, { page: p.page, size: p.size });
  return `<p class="twins">This list as <a href="${esc(csv + qs)}">CSV</a> · <a href="${esc(json + qs)}">JSON</a></p>`;
}

/** A snippet of `text` around the first search word, every word marked; escaped piece by piece. */
export function snippetHtml(text: string, terms: string[], width = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  const lower = flat.toLowerCase();
  const found = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0);
  const first = found.length ? Math.min(...found) : 0;
  const start = Math.max(0, first - width);
  const end = Math.min(flat.length, first + width * 2);
  const piece = flat.slice(start, end);
  const marked = markTerms(piece, terms);
  return `${start > 0 ? '…' : ''}${marked}${end < flat.length ? '…' : ''}`;
}

/** `text` escaped, with every occurrence of a search word in <mark>. */
export function markTerms(text: string, terms: string[]): string {
  const words = terms.filter(Boolean).map((t) => t.toLowerCase());
  if (!words.length) return esc(text);
  const lower = text.toLowerCase();
  let out = '';
  let at = 0;
  while (at < text.length) {
    let best = -1;
    let len = 0;
    for (const w of words) {
      const i = lower.indexOf(w, at);
      if (i >= 0 && (best < 0 || i < best || (i === best && w.length > len))) {
        best = i;
        len = w.length;
      }
    }
    if (best < 0) break;
    out += esc(text.slice(at, best)) + `<mark>${esc(text.slice(best, best + len))}</mark>`;
    at = best + len;
  }
  return out + esc(text.slice(at));
}
