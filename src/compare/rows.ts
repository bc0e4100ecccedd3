import type { DiffRecord } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { allocations, provincialFigures } from '../check/rules/allocation-mismatch.js';

/** The researcher's view of one notice, side by side with the others. */
export interface CompareRow {
  path: string;
  documentIndex: number;
  fileNumber: string | null;
  title: string | null;
  level: string | null;
  province: string | null;
  date: string | null;
  /** targets as printed: `>= 11.29万人 (脱贫人口务工规模)` */
  targets: string[];
  /** the province's row(s) in the national annex tables */
  allocated: number[];
  subsidies: string[];
  subsidyAmounts: number[];
  keyRegions: string[];
  policyMentions: number;
  similarity: number | null;
  clauses: DiffRecord['counts'] | null;
}

export function compareRows(records: NoticeRecord[], diffs: Map<NoticeRecord, DiffRecord>): CompareRow[] {
  const national = records.find((r) => r.level === 'national');
  return records.map((r) => {
    const diff = diffs.get(r) ?? null;
    return {
      path: r.source.path,
      documentIndex: r.source.documentIndex,
      fileNumber: r.fileNumber?.normalized ?? null,
      title: r.title,
      level: r.level,
      province: r.region?.name ?? null,
      date: r.signedDate ?? r.printedDate,
      targets: r.targets.map((t) => `${t.comparator} ${t.value}${t.max !== null ? `–${t.max}` : ''}${t.unit}${t.metric ? ` (${t.scope ? t.scope + ' ' : ''}${t.metric})` : ''}`),
      allocated: national && r.region && r !== national ? allocations(national, r.region.name).map((a) => a.value) : [],
      subsidies: r.subsidies.map((s) => `${s.name ?? '补助'} ${s.amount}${s.unit}${s.per ? '/' + s.per : ''}${s.cap ? ' (cap)' : ''}`),
      subsidyAmounts: r.subsidies.map((s) => s.amount),
      keyRegions: r.keyRegions.map((k) => (k.count === null ? k.kind : `${k.count}个${k.kind}`)),
      policyMentions: r.policyMentions.length,
      similarity: diff?.similarity ?? null,
      clauses: diff?.counts ?? null,
    };
  });
}

/** Exposed for callers that want the headline figure of a province (first 万人 target or table total). */
export const headlineFigure = (r: NoticeRecord): number | null => provincialFigures(r)[0]?.value ?? null;
