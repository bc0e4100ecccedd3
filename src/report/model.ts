import { basename } from 'node:path';
import type { LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { checkAll } from '../check/run.js';
import { familiesOf, type Family } from '../compare/families.js';
import { diffsOf, pairWithParents, type Pairing } from '../compare/national.js';
import { compareRows, type CompareRow } from '../compare/rows.js';
import { clauseMatrix, type ClauseMatrix } from './matrix.js';
import { sameDocument } from '../util/same-document.js';

/** One notice in the report: its overview row, the national notice it was diffed with, its findings. */
export interface ReportEntry {
  /** a stable anchor: `n0`, `n1` … in report order */
  id: string;
  /** what the notice is called in charts and headings: the province (全国 for a national notice), made unique */
  label: string;
  record: NoticeRecord;
  row: CompareRow;
  pairing: Pairing | null;
  findings: LocatedFinding[];
}

export interface ReportModel {
  entries: ReportEntry[];
  /** one per parent notice (any level) that some input was diffed against */
  matrices: ClauseMatrix[];
  /** parents with every notice adapting them, recursively (src/compare/families.ts) */
  families: Family[];
}

export interface ReportInput {
  records: NoticeRecord[];
  /** the batch's findings (checkAll); computed when absent */
  findings?: LocatedFinding[];
  /** each record's national notice and diff; computed when absent */
  pairs?: Map<NoticeRecord, Pairing>;
}

/** Report order: national notices first, then by file name and position in the file — never by arrival. */
function reportOrder(a: NoticeRecord, b: NoticeRecord): number {
  const national = Number(b.level === 'national') - Number(a.level === 'national');
  return national || basename(a.source.path).localeCompare(basename(b.source.path)) || a.source.path.localeCompare(b.source.path) || a.source.documentIndex - b.source.documentIndex;
}

function baseLabel(r: NoticeRecord): string {
  if (r.region) return r.region.name;
  if (r.level === 'national') return '全国';
  return r.fileNumber?.normalized ?? basename(r.source.path);
}

/** Labels made unique: a second notice of the same province gets its file number (or position) added. */
function uniqueLabels(records: NoticeRecord[]): string[] {
  const base = records.map(baseLabel);
  return records.map((r, i) => {
    if (base.filter((b) => b === base[i]).length === 1) return base[i];
    const more = r.fileNumber?.normalized ?? `${basename(r.source.path)}#${r.source.documentIndex}`;
    return `${base[i]} ${more}`;
  });
}


export function reportModel(input: ReportInput): ReportModel {
  const records = [...input.records].sort(reportOrder);
  const pairs = input.pairs ?? pairWithParents(records);
  const findings = input.findings ?? checkAll(records);
  const rows = compareRows(records, diffsOf(pairs), findings);
  const labels = uniqueLabels(records);
  const entries: ReportEntry[] = records.map((record, i) => ({
    id: `n${i}`,
    label: labels[i],
    record,
    row: rows[i],
    pairing: pairs.get(record) ?? null,
    findings: findings.filter((f) => sameDocument(record.source, f)),
  }));
  const nationals = entries.filter((n) => entries.some((e) => e.pairing?.national === n.record));
  const matrices = nationals.map((n) => clauseMatrix(n, entries.filter((e) => e.pairing?.national === n.record)));
  return { entries, matrices, families: familiesOf(records, pairs) };
}
