import type { DiffRecord } from '../../schemas/diff.js';
import type { Finding, LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord, Subsidy, Target } from '../../schemas/notice.js';
import { provincialFigures } from '../check/rules/allocation-mismatch.js';
import { readAllocations } from '../figures/province.js';
import { nationalFor } from './national.js';
import { sameDocument } from '../util/same-document.js';

/** One row of a national annex table that allocates a figure to the province, with the province's own figure set against it. */
export interface AllocationPair {
  /** the national annex table: `附件1 2022年度各省（区、市）脱贫人口务工目标任务表` */
  table: string;
  column: string;
  /** what the national notice allocates (in the table's unit, 万人) */
  allocated: number;
  /** the province's figure paired with it: the target closest to it in ratio, else its table total */
  target: number | null;
  /** target ÷ allocated, 3 decimals */
  ratio: number | null;
  /** the province's figure against the allocation: same (within printed precision), higher, lower, or missing */
  status: 'same' | 'higher' | 'lower' | 'missing';
  /** the province's annex column that restates the allocation as it is (山东 附件1 国定标准 17.88) */
  adopted: { what: string; total: number } | null;
  /** how the province's annex makes up its figure (国定标准 + 省定标准 = 40.56) */
  composed: { what: string; total: number } | null;
}

export interface SubsidyKind {
  kind: string;
  /** `1000元/人/年`, in the order printed */
  amounts: string[];
  /** the same amounts as numbers */
  values: number[];
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** The researcher's view of one notice, side by side with the others. */
export interface CompareRow {
  path: string;
  /** the notice this one adapts (any level: pairWithParents), by file number or path; null when none among the inputs */
  parent: string | null;
  /** how that parent was found, with the similarity when a similarity decided it: `content 0.402` */
  parentBy: string | null;
  documentIndex: number;
  fileNumber: string | null;
  title: string | null;
  level: string | null;
  province: string | null;
  date: string | null;
  /** targets as printed: `>= 11.29万人 (脱贫人口务工规模)` */
  targets: string[];
  /** the first 万人 target (or table total): what the province sets itself */
  headlineTarget: number | null;
  /** the province's row(s) in the national annex tables */
  allocated: number[];
  /** the same rows, each with the province's figure and the ratio */
  allocations: AllocationPair[];
  /** the ratio of the pair holding the headline target (else the first pair's) */
  ratio: number | null;
  /** file number (else path) of the national notice the row was compared with */
  national: string | null;
  subsidies: string[];
  subsidyAmounts: number[];
  subsidiesByKind: SubsidyKind[];
  keyRegions: string[];
  policyMentions: number;
  similarity: number | null;
  clauses: DiffRecord['counts'] | null;
  findings: FindingCounts;
}

const targetText = (t: Target) =>
  `${t.comparator} ${t.value}${t.max !== null ? `–${t.max}` : ''}${t.unit}${t.metric ? ` (${t.scope ? t.scope + ' ' : ''}${t.metric})` : ''}`;

const subsidyAmount = (s: Subsidy) => `${s.amount}${s.unit}${s.per ? '/' + s.per : ''}${s.cap ? ' (cap)' : ''}`;


/**
 * One row per record. `findings` are the batch's located findings (`checkAll`), so the
 * cross-document ones count too; without them each record's own findings are counted.
 */
export function compareRows(records: NoticeRecord[], diffs: Map<NoticeRecord, DiffRecord>, findings?: LocatedFinding[]): CompareRow[] {
  const nationals = records.filter((r) => r.level === 'national');
  return records.map((r) => {
    const diff = diffs.get(r) ?? null;
    const national = nationalFor(r, nationals);
    const pairs = national && r.region ? pairAllocations(r, national) : [];
    const headline = provincialFigures(r)[0]?.value ?? null;
    return {
      path: r.source.path,
      parent: diff ? (diff.base ?? diff.basePath) : null,
      parentBy: diff?.pairing ? `${diff.pairing.by}${diff.pairing.similarity !== null ? ` ${diff.pairing.similarity}` : ''}` : null,
      documentIndex: r.source.documentIndex,
      fileNumber: r.fileNumber?.normalized ?? null,
      title: r.title,
      level: r.level,
      province: r.region?.name ?? null,
      date: r.signedDate ?? r.printedDate,
      targets: r.targets.map(targetText),
      headlineTarget: headline,
      allocated: pairs.map((p) => p.allocated),
      allocations: pairs,
      ratio: (pairs.find((p) => p.target === headline) ?? pairs[0])?.ratio ?? null,
      national: national ? (national.fileNumber?.normalized ?? national.source.path) : null,
      subsidies: r.subsidies.map((s) => `${s.name ?? '补助'} ${subsidyAmount(s)}`),
      subsidyAmounts: r.subsidies.map((s) => s.amount),
      subsidiesByKind: subsidiesByKind(r.subsidies),
      keyRegions: r.keyRegions.map((k) => (k.count === null ? k.kind : `${k.count}个${k.kind}`)),
      policyMentions: r.policyMentions.length,
      similarity: diff?.similarity ?? null,
      clauses: diff?.counts ?? null,
      findings: countFindings(findings ? findings.filter((f) => sameDocument(r.source, f)) : r.findings),
    };
  });
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Subsidies grouped by what they are called (first appearance first). */
export function subsidiesByKind(subsidies: readonly Subsidy[]): SubsidyKind[] {
  const kinds = new Map<string, SubsidyKind>();
  for (const s of subsidies) {
    const kind = s.name ?? '补助';
    const k = kinds.get(kind) ?? { kind, amounts: [], values: [] };
    k.amounts.push(subsidyAmount(s));
    k.values.push(s.amount);
    kinds.set(kind, k);
  }
  return [...kinds.values()];
}

/**
 * Each national allocation with the province's figure it is read against: the one reading of
 * src/figures/province.ts (`readAllocations`), which the check, the chart and the diff share.
 */
export function pairAllocations(province: NoticeRecord, national: NoticeRecord): AllocationPair[] {
  return readAllocations(province, national).map((r) => ({
    table: r.allocation.table,
    column: r.allocation.column,
    allocated: r.allocation.value,
    target: r.value,
    ratio: r.ratio,
    status: r.status,
    adopted: r.adopted ? { what: r.adopted.what, total: r.adopted.total } : null,
    composed: r.composed ? { what: r.composed.what, total: r.composed.total } : null,
  }));
}

/** Exposed for callers that want the headline figure of a province (its first target or table total). */
export const headlineFigure = (r: NoticeRecord): number | null => provincialFigures(r)[0]?.value ?? null;
