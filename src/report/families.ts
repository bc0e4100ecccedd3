import type { AdoptionCell, Family, FamilyNode } from '../compare/families.js';
import { escapeHtml as esc } from '../diff/format/html.js';
import type { ReportEntry } from './model.js';

/**
 * The report's families section: each family's chain as a tree (who adapts whom, how the parent
 * was found, adoption share, changed figures) and its adoption matrix at the level where the text
 * lives (items where clauses hold items). Kept apart from html.ts, which only places the section.
 */

const pct = (x: number) => `${Math.round(x * 100)}%`;
const BY = { fileNumber: '引用文号', title: '引用标题', titleSimilarity: '标题相似', content: '内容相似', given: '指定' } as const;
const STATUS = { unchanged: '未改', modified: '修改', removed: '删除' } as const;

export const FAMILIES_CSS = `
ul.family,ul.family ul{list-style:none;margin:0;padding-left:1.2rem;border-left:1px solid var(--line)}
ul.family{padding-left:.4rem}
ul.family li{margin:.25rem 0}
ul.family .figures{color:var(--mute);font-size:.85rem}
table.family-matrix{border-collapse:collapse;background:#fff;font-size:.85rem}
table.family-matrix th,table.family-matrix td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top;text-align:left}
table.family-matrix td.removed{color:var(--mute)}
`;

function label(r: FamilyNode, entries: ReportEntry[]): string {
  const e = entries.find((x) => x.record === r.record);
  const name = e ? `<a href="#${e.id}">${esc(e.label)}</a>` : esc(r.record.title ?? r.record.source.path);
  return `${name} <small>${esc(r.record.fileNumber?.normalized ?? '')} ${esc(r.record.level ?? '')}</small>`;
}

function nodeHtml(n: FamilyNode, entries: ReportEntry[]): string {
  const how = n.pairing
    ? ` — 采用 ${pct(n.adoption ?? 0)} · ${BY[n.pairing.diff.pairing?.by ?? 'given']}${n.pairing.choice.similarity !== null ? ` ${n.pairing.choice.similarity}` : ''}`
    : '';
  const figures = n.changedFigures.length ? `<div class="figures">${n.changedFigures.map(esc).join('；')}</div>` : '';
  const children = n.children.length ? `<ul>${n.children.map((c) => nodeHtml(c, entries)).join('')}</ul>` : '';
  return `<li data-adoption="${n.adoption ?? ''}">${label(n, entries)}${esc(how)}${figures}${children}</li>`;
}

function cellHtml(c: AdoptionCell | null): string {
  if (!c) return '<td>—</td>';
  const paths = c.paths.length ? ` <small>→ ${esc(c.paths.join('、'))}</small>` : '';
  return `<td class="${c.status}" data-status="${c.status}">${STATUS[c.status]}${c.status === 'removed' ? '' : ` ${pct(c.similarity)}`}${paths}</td>`;
}

function familyHtml(f: Family, entries: ReportEntry[]): string {
  const head = f.members.map((m) => `<th scope="col">${label(m, entries)}</th>`).join('');
  const rows = f.rows.map((r) => `<tr data-path="${esc(r.path)}"><th scope="row">${esc(r.path)} ${esc(r.heading ?? '')}</th>${r.cells.map(cellHtml).join('')}</tr>`);
  return `<h3>${esc(f.root.record.title ?? f.root.record.source.path)}</h3>
<ul class="family">${nodeHtml(f.root, entries)}</ul>
<div class="scroll"><table class="family-matrix"><thead><tr><th scope="col">条款 / 项</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

/** The section, heading included; a note when no notice of the inputs adapts another. */
export function familiesHtml(families: Family[], entries: ReportEntry[]): string {
  const body = families.length
    ? families.map((f) => familyHtml(f, entries)).join('\n')
    : '<p class="note">输入中没有贯彻另一份文件的文件。</p>';
  return `<h2 id="families">文件家族</h2>
<p class="note">上级文件（国家、省或市级）及逐级贯彻它的文件：按所引文号或标题确定，否则按标题或内容相似度（注明数值）。采用：保留上级文件条款和项的比例。矩阵沿根文件的条款和项逐级追到每份文件。</p>
<style>${FAMILIES_CSS}</style>
${body}`;
}
