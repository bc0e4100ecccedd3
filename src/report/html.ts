import { basename } from 'node:path';
import type { LocatedFinding } from '../../schemas/finding.js';
import { OVERVIEW_COLUMNS } from '../compare/columns.js';
import { escapeHtml as esc, numbersHtml, pairHtml, PAIR_CSS } from '../diff/format/html.js';
import { CJK_FONT, SEVERITY_COLOURS, type Chart } from './charts.js';
import { excerptAt, positionText } from './excerpt.js';
import { familiesHtml } from './families.js';
import type { ClauseMatrix, MatrixCell } from './matrix.js';
import type { ReportEntry, ReportModel } from './model.js';

const STATUS_LABEL = { unchanged: '未改', modified: '修改', removed: '删除' } as const;
const pct = (x: number) => `${Math.round(x * 100)}%`;
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
main{padding:0 1.5rem 2rem;max-width:1500px}
h2{font-size:1.15rem;margin:2rem 0 .6rem}
.note{color:var(--mute);font-size:.85rem;margin:.2rem 0 .6rem}
.scroll{overflow-x:auto;max-width:100%}
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
table.matrix td.removed{background:var(--del);color:var(--del-ink)}
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

function overviewHtml(entries: ReportEntry[]): string {
  const head = OVERVIEW_COLUMNS.map((c) => `<th scope="col" data-key="${c.key}" title="${c.key}"><button type="button">${esc(c.label)}</button></th>`).join('');
  const rows = entries.map((e, i) => {
    const cells = OVERVIEW_COLUMNS.map((c) => {
      const text = esc(c.text(e.row)).replace(/; /g, '\n');
      const value = c.sort(e.row);
      const shown = c.key === 'province' ? `<a href="#${e.id}">${esc(e.label)}</a>` : text;
      return `<td data-key="${c.key}" data-sort="${attr(value)}" class="${c.shape}">${shown}</td>`;
    });
    return `<tr data-id="${e.id}" data-order="${i}">${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table class="overview" id="overview"><thead><tr>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function chartsHtml(charts: Chart[]): string {
  return `<div class="charts">
${charts.map((c) => `<figure id="${c.id}"><figcaption>${esc(c.title)}</figcaption>${c.svg ?? `<p class="note">${esc(c.empty)}</p>`}</figure>`).join('\n')}
</div>`;
}

function cellHtml(column: ReportEntry, cell: MatrixCell | null): string {
  if (!cell) return '<td class="cell">—</td>';
  const href = `#${column.id}-pair-${cell.pair}`;
  const targets = cell.targets.length ? `<small>→ ${cell.targets.map((t) => `（${esc(t)}）`).join('')}</small>` : '';
  const sim = cell.status === 'removed' ? '' : ` ${pct(cell.similarity)}`;
  const style = cell.status === 'modified' ? ` style="--sim:${cell.similarity}"` : '';
  return `<td class="cell ${cell.status}" data-status="${cell.status}" data-similarity="${cell.similarity}"${style}><a href="${href}">${STATUS_LABEL[cell.status]}${sim}${targets}</a></td>`;
}

function matrixHtml(m: ClauseMatrix): string {
  const head = m.columns.map((e) => `<th scope="col" data-id="${e.id}"><a href="#${e.id}">${esc(e.label)}</a><br><small>${esc(fileNumberOf(e))}</small></th>`).join('');
  const rows = m.rows.map((r) => `<tr data-clause="${esc(r.number)}"><th scope="row" class="clause">${esc(r.label)}</th>${m.columns.map((e, i) => cellHtml(e, r.cells[i])).join('')}</tr>`);
  const added = m.added.map((list, i) =>
    list.length ? `<td><ul>${list.map((a) => `<li><a href="#${m.columns[i].id}-pair-${a.pair}">（${esc(a.number)}）${esc(a.words)}</a></li>`).join('')}</ul></td>` : '<td>—</td>',
  );
  return `<h3>${esc(m.national.record.title ?? UNTITLED)} <small>${esc(fileNumberOf(m.national))}</small></h3>
<div class="scroll"><table class="matrix" data-national="${esc(fileNumberOf(m.national))}"><thead><tr><th scope="col">国家条款</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot><tr><th scope="row">新增条款</th>${added.join('')}</tr></tfoot></table></div>`;
}

function findingsHtml(e: ReportEntry): string {
  if (!e.findings.length) return '<p class="note">No findings.</p>';
  const rows = e.findings.map((f: LocatedFinding) => {
    const ex = excerptAt(e.record, f.span);
    const excerpt = ex ? `<blockquote><small>${esc(ex.where)}</small><br>${esc(ex.text)}</blockquote>` : '';
    return `<tr data-rule="${esc(f.rule)}"><td><span class="sev sev-${f.severity}">${f.severity}</span></td><td>${esc(f.rule)}</td><td>${esc(positionText(f.span))}</td><td>${esc(f.message)}${excerpt}</td></tr>`;
  });
  return `<table class="findings"><thead><tr><th>severity</th><th>rule</th><th>position</th><th>message and source excerpt</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function diffHtml(e: ReportEntry): string {
  if (!e.pairing) {
    return e.record.level === 'national' ? '' : '<p class="note">No national notice among the inputs: listed without a diff.</p>';
  }
  const d = e.pairing.diff;
  return `<details class="diff" open><summary>Diff against ${esc(d.base ?? d.basePath)}: similarity ${pct(d.similarity)}, unchanged ${d.counts.unchanged}, modified ${d.counts.modified}, added ${d.counts.added}, removed ${d.counts.removed}</summary>
${d.clauses.map((c, i) => pairHtml(c, i, `${e.id}-`)).join('\n')}
${numbersHtml(d)}
</details>`;
}

function noticeHtml(e: ReportEntry): string {
  const r = e.record;
  const meta: [string, string][] = [
    ['title', r.title ?? UNTITLED],
    ['file number', r.fileNumber?.normalized ?? '—'],
    ['date', e.row.date ?? '—'],
    ['file', `${basename(r.source.path)}${r.source.documentIndex ? ` #${r.source.documentIndex}` : ''}`],
  ];
  if (e.pairing) meta.push(['implements', `${e.pairing.national.title ?? UNTITLED} (${e.pairing.national.fileNumber?.normalized ?? basename(e.pairing.national.source.path)})`]);
  return `<section class="notice" id="${e.id}" data-level="${attr(r.level)}">
<h2>${esc(e.label)} <small>${esc(fileNumberOf(e))}</small></h2>
<dl>${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<h3>Findings</h3>
${findingsHtml(e)}
${diffHtml(e)}
</section>`;
}

/** The whole report: one page, inline CSS, SVG and script, nothing fetched. */
export function reportHtml(model: ReportModel, charts: Chart[]): string {
  const nationals = model.entries.filter((e) => e.record.level === 'national');
  const subtitle = `${model.entries.length} notices: ${nationals.length} national, ${model.entries.length - nationals.length} other`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Notices report</title>
<style>${CSS}</style>
</head>
<body>
<header class="top">
<h1>Notices report</h1>
<p class="note">${esc(subtitle)}</p>
<nav class="toc"><a href="#overview-section">Overview</a><a href="#charts">Charts</a><a href="#matrix">Clause adoption</a><a href="#families">Families</a><a href="#notices">Per notice</a></nav>
</header>
<main>
<h2 id="overview-section">Overview</h2>
<p class="note">Click a column header to sort. Ratio: the province's target over the national allocation it is read against.</p>
${overviewHtml(model.entries)}
<h2 id="charts">Charts</h2>
${chartsHtml(charts)}
<h2 id="matrix">Clause adoption</h2>
<p class="note">Rows: the national notice's clauses; columns: the notices that implement it. A cell links to the clause in that notice's diff; modified cells are shaded from orange (little kept) to green (nearly all kept).</p>
${model.matrices.length ? model.matrices.map(matrixHtml).join('\n') : '<p class="note">No national notice among the inputs.</p>'}
${familiesHtml(model.families, model.entries)}
<h2 id="notices">Per notice</h2>
${model.entries.map(noticeHtml).join('\n')}
</main>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
