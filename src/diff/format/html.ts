import type { ClauseAlignment, DiffRecord } from '../../../schemas/diff.js';
import type { NoticeRecord } from '../../../schemas/notice.js';
import { unitLabel, type UnitRow } from './text.js';
import { COUNT_LABEL, DIFF_LABELS as L, DIFF_STATUS_LABEL, FIGURE_STATUS_LABEL, NUMBER_STATUS_LABEL, pairingLabel, TAG_LABEL } from './labels.js';

export interface HtmlOptions {
  /** the two records, for their titles; the page works without them */
  base?: NoticeRecord;
  target?: NoticeRecord;
}

import { escapeHtml } from '../../util/escape-html.js';

export { escapeHtml };

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Styles of the clause pairs and the figures table: shared with the report, which embeds them. */
export const PAIR_CSS = `
.status{font-size:.8rem;padding:0 .45rem;border-radius:3px;background:#eee}
.pair{background:#fff;border:1px solid var(--line);border-left:4px solid var(--line);border-radius:4px;margin:0 0 1rem;padding:.6rem .9rem}
.pair[data-status=modified]{border-left-color:var(--mod)}
.pair[data-status=added]{border-left-color:var(--ins-ink)}
.pair[data-status=removed]{border-left-color:var(--del-ink)}
.pair h2{font-size:1rem;margin:0 0 .4rem;display:flex;gap:.8rem;align-items:center;flex-wrap:wrap}
[data-status=modified] .status{background:#fff1dc;color:var(--mod)}
[data-status=added] .status{background:var(--ins);color:var(--ins-ink)}
[data-status=removed] .status{background:var(--del);color:var(--del-ink)}
.tag{font-size:.75rem;color:var(--mute);border:1px solid var(--line);border-radius:3px;padding:0 .35rem}
.sim{display:inline-flex;align-items:center;gap:.4rem;font-size:.85rem;color:var(--mute);font-variant-numeric:tabular-nums}
.bar{width:80px;height:6px;background:#eee;border-radius:3px;overflow:hidden}
.bar i{display:block;height:100%;background:#4a7fd6}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.side>div{min-width:0}
.side .label,.inline .label{font-size:.75rem;color:var(--mute);margin-bottom:.15rem}
.text{white-space:pre-wrap;word-break:break-all;margin:0}
del{background:var(--del);color:var(--del-ink);text-decoration:line-through}
ins{background:var(--ins);color:var(--ins-ink);text-decoration:none}
.empty{color:var(--mute);font-style:italic}
table.numbers{border-collapse:collapse;background:#fff;font-size:.9rem}
table.numbers th,table.numbers td{border:1px solid var(--line);padding:.3rem .6rem;text-align:left}
table.numbers td.num{text-align:right;font-variant-numeric:tabular-nums}
.match{color:var(--ins-ink)}.differs{color:var(--del-ink)}.missing{color:var(--mod)}
@media (max-width:800px){.side{grid-template-columns:1fr}}
`;

const CSS = `
:root{--del:#fbe4e4;--del-ink:#a3201b;--ins:#def5e1;--ins-ink:#17622a;--mute:#666;--line:#ddd;--mod:#b26a00}
*{box-sizing:border-box}
body{margin:0;font:15px/1.75 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#222;background:#fafafa}
header{padding:1rem 1.5rem;background:#fff;border-bottom:1px solid var(--line)}
h1{font-size:1.2rem;margin:0 0 .3rem}
.meta{color:var(--mute);font-size:.9rem;margin:0}
.summary{display:flex;gap:1.2rem;flex-wrap:wrap;margin:.6rem 0 0;padding:0;list-style:none;font-size:.9rem}
.summary b{font-variant-numeric:tabular-nums}
.views{position:sticky;top:0;z-index:1;background:#fafafa;padding:.5rem 1.5rem;border-bottom:1px solid var(--line)}
.views label{cursor:pointer;padding:.2rem .7rem;border:1px solid var(--line);border-radius:4px;background:#fff;margin-right:.4rem;font-size:.9rem}
#view-side:checked~.views label[for=view-side],#view-inline:checked~.views label[for=view-inline]{background:#222;color:#fff;border-color:#222}
input[name=view]{position:absolute;opacity:0}
#view-side:checked~main .inline{display:none}
#view-inline:checked~main .side{display:none}
main{padding:1rem 1.5rem;max-width:1400px}
` + PAIR_CSS;

function opsHtml(c: UnitRow, side: 'base' | 'target' | 'inline'): string {
  const parts = c.ops
    .filter((o) => (side === 'base' ? o.op !== 'insert' : side === 'target' ? o.op !== 'delete' : true))
    .map((o) => {
      const t = escapeHtml(o.text);
      if (o.op === 'equal') return t;
      if (o.op === 'delete') return `<del>${t}</del>`;
      return `<ins>${t}</ins>`;
    })
    .join('');
  return parts || '<span class="empty">—</span>';
}

/** One aligned pair; `idPrefix` keeps ids unique when several diffs share a page (the report). */
export function pairHtml(c: UnitRow, i: number, idPrefix = ''): string {
  const label = `${escapeHtml(unitLabel(c, 'target'))} ← ${escapeHtml(unitLabel(c, 'base'))}`;
  const sim = c.status === 'added' || c.status === 'removed' ? '' : `<span class="sim" title="${L.similarity}">${L.similarity}<span class="bar"><i style="width:${pct(c.similarity)}"></i></span>${pct(c.similarity)}</span>`;
  const tags = c.tags.map((t) => `<span class="tag" data-tag="${escapeHtml(t)}">${escapeHtml(TAG_LABEL[t] ?? t)}</span>`).join('');
  const side = (which: 'base' | 'target') =>
    `<div><div class="label">${L[which]}${c[which] ? ` ${escapeHtml(unitLabel(c, which))}` : ''}</div><p class="text">${c[which] ? opsHtml(c, which) : `<span class="empty">${L.noCounterpart}</span>`}</p></div>`;
  const attrs = `id="${idPrefix}pair-${i}" data-status="${c.status}" data-target="${escapeHtml(c.target ?? '')}" data-base="${escapeHtml(c.base ?? '')}" data-target-clause="${escapeHtml(c.targetClause ?? '')}" data-base-clause="${escapeHtml(c.baseClause ?? '')}" data-similarity="${c.similarity}"`;
  return `<section class="pair" ${attrs}>
<h2><span>${label}</span><span class="status">${DIFF_STATUS_LABEL[c.status]}</span>${sim}${tags}</h2>
<div class="side">${side('base')}${side('target')}</div>
<div class="inline"><div class="label">${L.redline}</div><p class="text">${opsHtml(c, 'inline')}</p></div>
</section>`;
}

export function numbersHtml(d: DiffRecord): string {
  if (!d.numbers.length) return '';
  const rows = d.numbers
    .map((n) => `<tr><td>${escapeHtml(n.region)}</td><td>${escapeHtml(n.metric)}</td><td class="num">${n.base ?? '—'}</td><td class="num">${n.target ?? '—'}</td><td class="${n.status}" data-status="${n.status}">${NUMBER_STATUS_LABEL[n.status]}</td></tr>`)
    .join('\n');
  return `<h2>${L.numbers}</h2>
<table class="numbers"><thead><tr>${L.numbersColumns.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** The base's targets against the target's figures (figures[]): one row each, in the same table style as the numbers. */
export function figuresHtml(d: DiffRecord): string {
  const figures = d.figures ?? [];
  if (!figures.length) return '';
  const side = (v: number | null, u: string | null) => (v === null ? '—' : `${v}${escapeHtml(u ?? '')}`);
  const rows = figures
    .map((f) => {
      const via = f.status === 'converted' && f.of ? ` (${f.of.value}${escapeHtml(f.of.unit)} × ${f.implied}${escapeHtml(f.unit)})` : '';
      return `<tr><td>${escapeHtml(f.metric)}</td><td class="num">${f.year ?? ''}</td><td class="num">${side(f.base, f.unit)}</td><td class="num">${side(f.target, f.targetUnit)}${via}</td><td class="${f.status}" data-status="${f.status}">${FIGURE_STATUS_LABEL[f.status]}</td></tr>`;
    })
    .join('\n');
  return `<h2>${L.figures}</h2>
<table class="numbers figures"><thead><tr>${L.figuresColumns.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** The summary line: similarity, then the units by status (相似度 62% · 原文保留 3 …). */
export function summaryItems(d: Pick<DiffRecord, 'similarity' | 'counts'>): string {
  const counts = (Object.keys(COUNT_LABEL) as (keyof DiffRecord['counts'])[]).map((k) => `<li data-count="${k}">${COUNT_LABEL[k]} <b>${d.counts[k]}</b></li>`);
  return [`<li>${L.similarity} <b>${pct(d.similarity)}</b></li>`, ...counts].join('\n');
}

/** A standalone page (inline CSS, no script, no external assets): side-by-side and inline views, clause by clause. */
export function formatHtml(d: DiffRecord, opts: HtmlOptions = {}): string {
  const title = `${d.target ?? d.targetPath} ↔ ${d.base ?? d.basePath}`;
  const name = (which: 'base' | 'target', r: NoticeRecord | undefined) => {
    const number = d[which];
    const path = which === 'base' ? d.basePath : d.targetPath;
    return `${L[which]}：${r ? `${escapeHtml(r.title ?? L.untitled)}${number ? `（${escapeHtml(number)}）` : ''}` : escapeHtml(number ?? path)}`;
  };
  const names = [name('target', opts.target), name('base', opts.base), ...(d.pairing ? [`${L.pairing}：${escapeHtml(pairingLabel(d.pairing))}`] : [])];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${names.join('<br>')}</p>
<ul class="summary">
${summaryItems(d)}
</ul>
</header>
<input type="radio" name="view" id="view-side" checked><input type="radio" name="view" id="view-inline">
<nav class="views"><label for="view-side">${L.sideBySide}</label><label for="view-inline">${L.inline}</label></nav>
<main>
${d.clauses.map((c, i) => pairHtml(c, i)).join('\n')}
${numbersHtml(d)}
${figuresHtml(d)}
</main>
</body>
</html>
`;
}
