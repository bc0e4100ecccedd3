import type { Severity } from '../../schemas/common.js';
import type { Finding } from '../../schemas/finding.js';
import type { Table } from '../../schemas/notice.js';
import type { DocumentContext } from '../extract/context.js';
import { readTables, type UnreadTable } from '../extract/tables.js';
import type { ClassifiedLine } from '../segment/documents.js';

/**
 * Findings that reading and extraction add to a record themselves (not `notices check` rules):
 * listed here so SARIF can describe them and the docs have one place to name them.
 */
export interface ReadingFinding {
  id: string;
  severity: Severity;
  summary: string;
}

export const encodingRepaired: ReadingFinding = {
  id: 'encoding-repaired',
  severity: 'warning',
  summary: 'the text needed repair to decode: cut inside a UTF-8 character, GBK lines inside UTF-8, or undecodable bytes replaced',
};

export const tableRepaired: ReadingFinding = {
  id: 'table-repaired',
  severity: 'info',
  summary: "blank cells the PDF text layer lost were placed using the table's own totals, so table-sum-mismatch cannot check those columns",
};

export const tableUnrepaired: ReadingFinding = {
  id: 'table-unrepaired',
  severity: 'warning',
  summary: 'a table row has fewer cells than columns and the totals do not tell where the blanks go: its cells may be under the wrong columns',
};

export const tableUnread: ReadingFinding = {
  id: 'table-unread',
  severity: 'warning',
  summary: 'an annex holds a table (a 合计 row or a 单位 line among many figures) whose layout could not be read: its sums were not checked',
};

export const recordInvalid: ReadingFinding = {
  id: 'record-invalid',
  severity: 'error',
  summary: 'the record the extractors built does not match the NoticeRecord schema (a bug to report): it is emitted as built, with the schema paths that failed',
};

export const readingFindings: ReadingFinding[] = [encodingRepaired, tableRepaired, tableUnrepaired, tableUnread, recordInvalid];

const FIGURE_ONLY = /^[\d.,，、%％]+$/;

/**
 * Annexes that look like a table but gave none: many lines that are only figures, and a 合计 row
 * or a 单位 line. Reported, so a layout the reader cannot parse never hides a wrong total.
 */
export function unreadTableFindings(ctx: DocumentContext, tables: Table[]): Finding[] {
  const findings: Finding[] = [];
  // the reader's own reason when it found the cells but could not lay them out
  let reasons: UnreadTable[] | null = null;
  const reasonFor = (heading: ClassifiedLine) => (reasons ??= readTables(ctx).unread).find((u) => u.annex.start === heading.start);
  for (const annex of ctx.zones.annexes) {
    const figures = annex.lines.filter((l) => FIGURE_ONLY.test(l.flat));
    if (figures.length < 6 || !annex.lines.some((l) => /^(合计|总计|小计|单位[：:])/.test(l.flat))) continue;
    const first = ctx.locate(ctx.text.map[annex.heading.start]);
    const last = ctx.locate(ctx.text.map[annex.lines[annex.lines.length - 1]?.start ?? annex.heading.start]);
    if (tables.some((t) => t.span && t.span.line >= first.line && t.span.line <= last.line)) continue;
    const why = reasonFor(annex.heading);
    const at = ctx.locate(ctx.text.map[(why?.line ?? figures[0]).start]);
    findings.push({
      rule: tableUnread.id,
      severity: tableUnread.severity,
      message: `${annex.heading.flat.replace(/[：:]$/, '') || '附件'} holds a table (${figures.length} figure cells) whose layout could not be read${why ? ` (${why.reason})` : ''}: its rows and totals were not checked`,
      span: at,
      data: { label: annex.heading.flat, figures: figures.length, ...(why ? { reason: why.reason } : {}) },
    });
  }
  return findings;
}

/**
 * The table findings of one document: a table whose cells the totals placed (its sums prove
 * nothing there), and a table block the totals could not place (its cells may be misaligned).
 */
export function tableRepairFindings(ctx: Pick<DocumentContext, 'tableRepairs' | 'text' | 'lines' | 'locate'>, tables: Table[]): Finding[] {
  const findings: Finding[] = [];
  for (const t of tables) {
    if (t.repairedFrom !== 'totals') continue;
    const rows = t.rows.filter((r) => r.inferred).map((r) => r.region);
    findings.push({
      rule: tableRepaired.id,
      severity: tableRepaired.severity,
      message: `${t.label ?? 'table'}: the text layer lost blank cells in ${rows.length} row(s) (${rows.slice(0, 5).join('、')}${rows.length > 5 ? '…' : ''}); the 合计 placed them, so its columns add up by construction`,
      span: t.span,
      data: { label: t.label, rows },
    });
  }
  if (!ctx.tableRepairs?.length || ctx.lines.length === 0) return findings;
  const from = ctx.text.map[ctx.lines[0].start];
  const to = ctx.text.map[ctx.lines[ctx.lines.length - 1].start];
  for (const repair of ctx.tableRepairs) {
    if (repair.kind !== 'unplaced' || repair.start < from || repair.start > to) continue;
    findings.push({
      rule: tableUnrepaired.id,
      severity: tableUnrepaired.severity,
      message: `${repair.rows.length} table row(s) have fewer cells than the table has columns, and the 合计 does not tell where the blanks go: their cells may sit under the wrong columns`,
      span: ctx.locate(repair.start),
      data: { rows: repair.rows.length },
    });
  }
  return findings;
}
