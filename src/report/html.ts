import { basename } from 'node:path';
import type { LocatedFinding } from '../../schemas/finding.js';
import { OVERVIEW_COLUMNS } from '../compare/columns.js';
import { escapeHtml as esc, numbersHtml, pairHtml, PAIR_CSS } from '../diff/format/html.js';
import { COUNT_LABEL, DIFF_LABELS } from '../diff/format/labels.js';
import { CJK_FONT, SEVERITY_COLOURS, type Chart } from './charts.js';
import { excerptAt, positionText } from './excerpt.js';
import { familiesHtml } from './families.js';
import { ALLOCATION_KIND_LABEL, allocationKind, COLUMN_HELP, percent as pct, SEVERITY_LABEL, STATUS_HELP, STATUS_LABEL, targetText, unitNumber, forwardsInFull } from './labels.js';
import type { ClauseMatrix, MatrixCell } from './matrix.js';
import type { ReportEntry, ReportModel } from './model.js';
import { unitsOf } from '../diff/index.js';

const attr = (v: string | number | null) => (v === null ? '' : esc(String(v)));
const UNTITLED = '（无标题）';
const fileNumberOf = (e: ReportEntry) => e.record.fileNumber?.normalized ?? basename(e.record.source.path);

const CSS = `
:root{--del:#fbe4e4;--del-ink:#a3201b;--ins:#def5e1;--ins-ink:#17622a;--mute:#666;--line:#ddd;--mod:#b26a00}
*{box-sizing:border-box}
body{margin:0;font:15px/1.7 ${CJK_FONT};color:#222;background:#fafafa}
header.top{padding:1rem 1.5rem;background:#fff;border-bottom:1px solid var(--line)}
header.top h1{font-size:1.3rem;margin:0 0 .3rem}
nav.toc a{margin-right:1rem}
main{padding:0 1.5rem 2rem;max-width:2200px}
h2{font-size:1.15rem;margin:2rem 0 .6rem}
.note{color:var(--mute);font-size:.85rem;margin:.2rem 0 .6rem}
.scroll{overflow-x:auto;max-width:100%}
.frame{overflow:auto;max-width:100%;max-height:80vh;border:1px solid var(--line);background:#fff}
.frame table.overview{border:0}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.8rem;margin:.3rem 0 .6rem;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:.35rem}
.legend .swatch{display:inline-block;width:1.6rem;height:.9rem;border:1px solid var(--line)}
.legend .ramp{background:linear-gradient(90deg,#f6c978,#7cc493)}
ol.clauses{font-size:.85rem;padding-left:1.2rem}
ol.clauses li:target{background:#fff7d6}
table.overview,table.matrix,table.findings{border-collapse:collapse;background:#fff;font-size:.85rem}
table.overview th,table.overview td,table.matrix th,table.matrix td,table.findings th,table.findings td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top;text-align:left}
table.overview thead th{background:#f3f3f3;position:sticky;top:0;z-index:2}
table.overview th button{all:unset;cursor:pointer;font-weight:600}
table.overview th[aria-sort=ascending] button::after{content:" ▲"}
table.overview th[aria-sort=descending] button::after{content:" ▼"}
table.overview td.list{white-space:pre-line;min-width:11rem}
table.overview td.value{white-space:nowrap}
table.overview td.number{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
.charts figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:4px;padding:.6rem}
.charts figcaption{font-weight:600;margin-bottom:.3rem}
table.matrix th.clause{max-width:22rem;font-weight:normal}
table.matrix td.cell{text-align:center;white-space:nowrap;min-width:6rem}
table.matrix td.cell a{color:inherit;text-decoration:none;display:block}
table.matrix td.unchanged{background:#cfe9d6}
table.matrix td.modified{background:color-mix(in srgb,#7cc493 calc(var(--sim) * 100%),#f6c978)}
table.matrix td.removed,.legend .removed{background:var(--del);color:var(--del-ink)}
table.matrix td.forwarded,.legend .forwarded{background:#b9d7f0}
.legend .unchanged{background:#cfe9d6}
table.matrix th.clause a{color:inherit}
table.matrix td small{display:block;color:#555}
table.matrix tfoot td{font-size:.8rem;vertical-align:top}
table.matrix tfoot ul{margin:0;padding-left:1rem}
section.notice{border-top:2px solid var(--line);margin-top:2rem}
section.notice dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;font-size:.9rem;margin:.4rem 0}
section.notice dt{color:var(--mute)}
section.notice dd{margin:0}
.sev{font-size:.8rem;padding:0 .4rem;border-radius:3px;color:#fff}
.sev-error{background:${SEVERITY_COLOURS.error}}.sev-warning{background:${SEVERITY_COLOURS.warning}}.sev-info{background:${SEVERITY_COLOURS.info}}
blockquote{margin:0;padding:0 .5rem;border-left:3px solid var(--line);color:#333}
details.diff>summary{cursor:pointer;font-weight:600;margin:.8rem 0}
details.diff .inline{display:none}
${PAIR_CSS}`;

/** Click a header to sort by it (again to reverse); cells carry their sort value in data-sort. */
const SORT_SCRIPT = `
(() => {
  const table = document.getElementById('overview');
  const body = table.tBodies[0];
  const key = (td) => { const v = td.dataset.sort; return v === '' ? null : isNaN(Number(v)) ? v : Number(v); };
  const compare = (a, b) => a === null ? (b === null ? 0 : 1) : b === null ? -1 : typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh');
  table.querySelectorAll('thead th').forEach((th, col) => {
    th.querySelector('button').addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      table.querySelectorAll('thead th').forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', dir);
      const rows = [...body.rows];
      rows.sort((r, s) => { const a = key(r.cells[col]), b = key(s.cells[col]); const c = a === null || b === null ? compare(a, b) : compare(a, b) * (dir === 'ascending' ? 1 : -1); return c || Number(r.dataset.order) - Number(s.dataset.order); });
      body.append(...rows);
    });
  });
})();
`;

/**
 * The overview's cells as a reader reads them: targets in the notices' words (不低于, not `>=`),
 * each allocation named as a quota sent out or taken in, similarity as a percentage. The other
 * columns print as `compare` does (src/compare/columns.ts).
 */
const CELL_TEXT: Record<string, (e: ReportEntry) => string> = {
  targets: (e) => e.record.targets.map(targetText).join('\n'),
  allocation: (e) => e.row.allocations.map((a) => `${a.allocated}万人 ${ALLOCATION_KIND_LABEL[allocationKind(a.table)]}（${a.table.split(' ')[0]}）`).join('\n'),
  ratio: (e) =>
    e.row.allocations
      .map((a) => (a.ratio === null ? '' : `${ALLOCATION_KIND_LABEL[allocationKind(a.table)]}：${a.target} ÷ ${a.allocated} = ${a.ratio}`))
      .join('\n'),
  similarity: (e) => pct(e.row.similarity),
  removed: (e) => (forwardsWhole(e) ? '0（转发全文）' : e.row.clauses ? String(e.row.clauses.removed) : ''),
};

/** A notice that forwards the national one whole removes nothing: the clauses its cover text does not restate are adopted with it. */
const forwardsWhole = (e: ReportEntry) => e.pairing !== null && forwardsInFull(e.record, e.pairing.national);

/** Sort values where the report reads a cell differently from `compare` (the sort follows what is shown). */
const CELL_SORT: Record<string, (e: ReportEntry) => number | string | null> = {
  removed: (e) => (forwardsWhole(e) ? 0 : (e.row.clauses?.removed ?? null)),
};

function overviewHtml(entries: ReportEntry[]): string {
  const head = OVERVIEW_COLUMNS.map((c) => `<th scope="col" data-key="${c.key}" title="${esc(COLUMN_HELP[c.key] ?? c.label)}"><button type="button">${esc(c.label)}</button></th>`).join('');
  const rows = entries.map((e, i) => {
    const cells = OVERVIEW_COLUMNS.map((c) => {
      const text = CELL_TEXT[c.key] ? esc(CELL_TEXT[c.key](e)) : esc(c.text(e.row)).replace(/; /g, '\n');
      const value = CELL_SORT[c.key] ? CELL_SORT[c.key](e) : c.sort(e.row);
      const shown = c.key === 'province' ? `<a href="#${e.id}">${esc(e.label)}</a>` : text;
      return `<td data-key="${c.key}" data-sort="${attr(value)}" class="${c.shape}">${shown}</td>`;
    });
    return `<tr data-id="${e.id}" data-order="${i}">${cells.join('')}</tr>`;
  });
  // its own frame: scrolls both ways inside, the page never does; the sticky header stays in view
  return `<div class="frame" id="overview-frame"><table class="overview" id="overview"><thead><tr>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function chartsHtml(charts: Chart[]): string {
  return `<div class="charts">
${charts.map((c) => `<figure id="${c.id}"><figcaption>${esc(c.title)}</figcaption>${c.svg ?? `<p class="note">${esc(c.empty)}</p>`}</figure>`).join('\n')}
</div>`;
}

function cellHtml(column: ReportEntry, cell: MatrixCell | null): string {
  if (!cell) return '<td class="cell" title="无对应">—</td>';
  const href = cell.pair >= 0 ? `#${column.id}-pair-${cell.pair}` : `#${column.id}`;
  const numbers = cell.targets.map((t) => esc(unitNumber(column.record, t))).join('');
  const targets = cell.targets.length ? `<small>${cell.status === 'forwarded' ? '本文件另述 ' : '→ '}${numbers}</small>` : '';
  const sim = cell.status === 'unchanged' || cell.status === 'modified' ? ` ${pct(cell.similarity)}` : '';
  const style = cell.status === 'modified' ? ` style="--sim:${cell.similarity}"` : '';
  const title = `${STATUS_HELP[cell.status]}${sim ? `；相似度${sim}` : ''}`;
  return `<td class="cell ${cell.status}" data-status="${cell.status}" data-similarity="${cell.similarity}" title="${esc(title)}"${style}><a href="${href}">${STATUS_LABEL[cell.status]}${sim}${targets}</a></td>`;
}

/** The matrix's colour key: what each cell colour means. */
const MATRIX_LEGEND = `<ul class="legend" aria-label="图例">${(['unchanged', 'modified', 'forwarded', 'removed'] as const)
  .map((s) => `<li><span class="swatch ${s === 'modified' ? 'ramp' : s}"></span>${STATUS_LABEL[s]}${s === 'modified' ? '（橙→绿：保留越多越绿）' : ''}：${STATUS_HELP[s]}</li>`)
  .join('')}</ul>`;

/** The anchor of a national clause's text in the report (its notice section lists them). */
const clauseAnchor = (national: ReportEntry, index: number) => `${national.id}-clause-${index}`;

function matrixHtml(m: ClauseMatrix): string {
  const head = m.columns
    .map((e, i) => `<th scope="col" data-id="${e.id}"><a href="#${e.id}">${esc(e.label)}</a><br><small>${esc(fileNumberOf(e))}${m.forwards[i] ? ' · 转发全文' : ''}</small></th>`)
    .join('');
  const rows = m.rows.map(
    (r) =>
      `<tr data-clause="${esc(r.number)}"><th scope="row" class="clause"><a href="#${clauseAnchor(m.national, r.index)}">${esc(r.label)}</a></th>${m.columns.map((e, i) => cellHtml(e, r.cells[i])).join('')}</tr>`,
  );
  const added = m.added.map((list, i) =>
    list.length
      ? `<td><ul>${list.map((a) => `<li><a href="#${m.columns[i].id}-pair-${a.pair}">${esc(unitNumber(m.columns[i].record, a.number))}${esc(a.words)}</a></li>`).join('')}</ul></td>`
      : '<td>—</td>',
  );
  return `<h3>${esc(m.national.record.title ?? UNTITLED)} <small>${esc(fileNumberOf(m.national))}</small></h3>
${MATRIX_LEGEND}
<div class="scroll"><table class="matrix" data-national="${esc(fileNumberOf(m.national))}"><thead><tr><th scope="col">国家条款</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot><tr><th scope="row">新增条款</th>${added.join('')}</tr></tfoot></table></div>`;
}

function findingsHtml(e: ReportEntry): string {
  if (!e.findings.length) return '<p class="note">没有检查结果。</p>';
  const rows = e.findings.map((f: LocatedFinding) => {
    const ex = excerptAt(e.record, f.span);
    const excerpt = ex ? `<blockquote><small>${esc(ex.where)}</small><br>${esc(ex.text)}</blockquote>` : '';
    return `<tr data-rule="${esc(f.rule)}"><td><span class="sev sev-${f.severity}">${SEVERITY_LABEL[f.severity]}</span></td><td>${esc(f.rule)}</td><td>${esc(positionText(f.span))}</td><td>${esc(f.message)}${excerpt}</td></tr>`;
  });
  return `<table class="findings"><thead><tr><th>级别</th><th>规则</th><th>位置</th><th>说明与原文摘录</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function diffHtml(e: ReportEntry): string {
  if (!e.pairing) {
    return e.record.level === 'national' ? '' : '<p class="note">输入中没有它贯彻的国家文件：不作比对。</p>';
  }
  const d = e.pairing.diff;
  const counts = (Object.keys(COUNT_LABEL) as (keyof typeof COUNT_LABEL)[]).map((k) => `${COUNT_LABEL[k]} ${d.counts[k]}`).join('、');
  return `<details class="diff" open><summary>与 ${esc(d.base ?? d.basePath)} 比对：${DIFF_LABELS.similarity} ${pct(d.similarity)}，${counts} 条</summary>
${d.clauses.map((c, i) => pairHtml(c, i, `${e.id}-`)).join('\n')}
${numbersHtml(d)}
</details>`;
}

function noticeHtml(e: ReportEntry): string {
  const r = e.record;
  const meta: [string, string][] = [
    ['标题', r.title ?? UNTITLED],
    ['发文字号', r.fileNumber?.normalized ?? '—'],
    ['日期', e.row.date ?? '—'],
    ['文件', `${basename(r.source.path)}${r.source.documentIndex ? ` #${r.source.documentIndex}` : ''}`],
  ];
  if (e.pairing) meta.push(['贯彻', `${e.pairing.national.title ?? UNTITLED}（${e.pairing.national.fileNumber?.normalized ?? basename(e.pairing.national.source.path)}）`]);
  return `<section class="notice" id="${e.id}" data-level="${attr(r.level)}">
<h2>${esc(e.label)} <small>${esc(fileNumberOf(e))}</small></h2>
<dl>${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
${clausesHtml(e)}
<h3>检查结果</h3>
${findingsHtml(e)}
${diffHtml(e)}
</section>`;
}

/** A national notice's clauses, each with an anchor the adoption matrix's rows link to. */
function clausesHtml(e: ReportEntry): string {
  if (e.record.level !== 'national') return '';
  const items = unitsOf(e.record).map((u) => `<li id="${clauseAnchor(e, u.index)}" value="${u.index + 1}"><b>（${esc(u.number)}）</b>${esc(u.display)}</li>`);
  return `<details class="clauses"><summary>条款全文（${items.length} 条）</summary><ol class="clauses">${items.join('')}</ol></details>`;
}

/** The whole report: one page, inline CSS, SVG and script, nothing fetched. */
export function reportHtml(model: ReportModel, charts: Chart[]): string {
  const nationals = model.entries.filter((e) => e.record.level === 'national');
  const subtitle = `共 ${model.entries.length} 份文件：国家文件 ${nationals.length} 份，其他 ${model.entries.length - nationals.length} 份`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政策文件分析报告</title>
<style>${CSS}</style>
</head>
<body>
<header class="top">
<h1>政策文件分析报告</h1>
<p class="note">${esc(subtitle)}</p>
<nav class="toc"><a href="#overview-section">总览</a><a href="#charts">图表</a><a href="#matrix">条款采纳</a><a href="#families">文件家族</a><a href="#notices">逐份文件</a></nav>
</header>
<main>
<h2 id="overview-section">总览</h2>
<p class="note">点击列标题排序，再点一次倒序；鼠标停在列标题上可看说明。目标/下达：省定目标除以对应的国家下达数。输出务工与吸纳务工是两类任务，分列而不相比。</p>
${overviewHtml(model.entries)}
<h2 id="charts">图表</h2>
${chartsHtml(charts)}
<h2 id="matrix">条款采纳</h2>
<p class="note">行：国家文件的条款（点击看原文）；列：贯彻它的文件。单元格链接到该文件比对中的对应条款。</p>
${model.matrices.length ? model.matrices.map(matrixHtml).join('\n') : '<p class="note">输入中没有国家文件。</p>'}
${familiesHtml(model.families, model.entries)}
<h2 id="notices">逐份文件</h2>
${model.entries.map(noticeHtml).join('\n')}
</main>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
