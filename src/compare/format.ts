import { stringify } from 'csv-stringify/sync';
import type { CompareRow } from './rows.js';

const cell = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k}=${x}`).join(' ') : String(v));

const COLUMNS: (keyof CompareRow)[] = ['path', 'documentIndex', 'fileNumber', 'province', 'level', 'date', 'title', 'targets', 'allocated', 'subsidies', 'keyRegions', 'policyMentions', 'similarity', 'clauses'];

export function formatCsv(rows: CompareRow[]): string {
  return stringify([COLUMNS, ...rows.map((r) => COLUMNS.map((c) => cell(r[c])))]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A standalone page: one row per notice, figures side by side. */
export function formatHtml(rows: CompareRow[]): string {
  const head = COLUMNS.filter((c) => c !== 'path' && c !== 'documentIndex').map((c) => `<th>${esc(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${COLUMNS.filter((c) => c !== 'path' && c !== 'documentIndex').map((c) => `<td>${esc(cell(r[c])).replace(/; /g, '<br>')}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>Notices compared</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:1.5rem}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;font-size:.9rem}th{background:#f3f3f3;position:sticky;top:0}</style>
</head><body><h1>Notices compared</h1>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
}
