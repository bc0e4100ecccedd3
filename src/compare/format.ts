import { stringify } from 'csv-stringify/sync';
import { OVERVIEW_COLUMNS } from './columns.js';
import type { CompareRow } from './rows.js';
import { escapeHtml } from '../util/escape-html.js';

const cell = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k}=${x}`).join(' ') : String(v));

/** Where the row comes from, then the overview's columns (province and file number lead, as before). */
const SOURCE_COLUMNS: { key: string; text: (r: CompareRow) => string }[] = [
  { key: 'path', text: (r) => r.path },
  { key: 'documentIndex', text: (r) => String(r.documentIndex) },
  { key: 'fileNumber', text: (r) => r.fileNumber ?? '' },
  { key: 'province', text: (r) => r.province ?? '' },
  { key: 'level', text: (r) => r.level ?? '' },
  { key: 'title', text: (r) => r.title ?? '' },
  { key: 'national', text: (r) => r.national ?? '' },
];
/** Earlier releases' columns, kept so existing spreadsheets still find them. */
const LEGACY_COLUMNS: (keyof CompareRow)[] = ['allocated', 'subsidies', 'policyMentions', 'clauses'];

const CSV_COLUMNS = [
  ...SOURCE_COLUMNS,
  ...OVERVIEW_COLUMNS.filter((c) => !SOURCE_COLUMNS.some((s) => s.key === c.key)),
  ...LEGACY_COLUMNS.map((key) => ({ key, text: (r: CompareRow) => cell(r[key]) })),
];

/**
 * CSV for spreadsheets: UTF-8 with a BOM (so Excel reads it as UTF-8), one header row, and every
 * cell that starts with = + - @ (or a tab / CR) prefixed with ' — the text is scraped from web
 * pages, and a spreadsheet must never run it as a formula.
 */
export function formatCsv(rows: CompareRow[]): string {
  return stringify([CSV_COLUMNS.map((c) => c.key), ...rows.map((r) => CSV_COLUMNS.map((c) => c.text(r)))], { bom: true, escape_formulas: true });
}

const esc = escapeHtml;

/** A standalone page: one row per notice, figures side by side (the report's overview, without charts). */
export function formatHtml(rows: CompareRow[]): string {
  const head = OVERVIEW_COLUMNS.map((c) => `<th title="${esc(c.key)}">${esc(c.label)}</th>`).join('');
  const body = rows.map((r) => `<tr>${OVERVIEW_COLUMNS.map((c) => `<td>${esc(c.text(r)).replace(/; /g, '<br>')}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Notices compared</title>
<style>body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;font-size:.9rem}th{background:#f3f3f3;position:sticky;top:0}</style>
</head><body><h1>Notices compared</h1>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
}
