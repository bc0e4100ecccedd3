import type { NoticeRecord, Target } from '../../schemas/notice.js';

/**
 * The report's words: every label, legend, unit and tooltip a reader sees is Chinese, and none is
 * an internal key (`>=`, `allocation`, `removed`). The data keeps its keys (JSON, CSV, the store);
 * only the page says them this way.
 */

/** How a target binds, as notices print it: 不低于 11.29万人. */
const COMPARATOR_WORDS: Record<Target['comparator'], string> = { '>=': '不低于', '<=': '不超过', '>': '超过', '<': '低于', '=': '' };

/** `不低于 11.29万人（全省 脱贫人口务工规模）` */
export function targetText(t: Target): string {
  const value = `${t.value}${t.max !== null ? `–${t.max}` : ''}${t.unit}`;
  const what = [t.scope, t.metric].filter(Boolean).join(' ');
  return `${[COMPARATOR_WORDS[t.comparator], value].filter(Boolean).join(' ')}${what ? `（${what}）` : ''}`;
}

/**
 * A national allocation is a quota the province sends out to work (输出: 各省脱贫人口务工目标任务)
 * or one it takes in (吸纳: 东部地区吸纳脱贫人口务工目标任务); the table's title says which, by the
 * verb 吸纳 / 接收 the annexes use for taking people in.
 */
export type AllocationKind = 'outbound' | 'intake';
export const allocationKind = (tableTitle: string): AllocationKind => (/吸纳|接收/.test(tableTitle) ? 'intake' : 'outbound');
export const ALLOCATION_KIND_LABEL: Record<AllocationKind, string> = { outbound: '输出务工', intake: '吸纳务工' };

/** 59% for a similarity of 0.592 (one decision for the report's percentages). */
export const percent = (x: number | null) => (x === null ? '' : `${Math.round(x * 100)}%`);

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示', none: '无' } as const;

/** Clause adoption: what a province did with a national clause. */
export const STATUS_LABEL = { unchanged: '原文采纳', modified: '修改采纳', removed: '未采纳', forwarded: '转发全文' } as const;
export const STATUS_HELP = {
  unchanged: '省级文件逐字保留该条款',
  modified: '省级文件改写或细化了该条款（百分比为相似度）',
  removed: '省级文件没有对应条款',
  forwarded: '省级文件转发国家文件全文并要求一并贯彻落实：该条款随转发全文采纳',
} as const;

/** Tooltips of the overview's headers, by column key: what the column holds, in a sentence. */
export const COLUMN_HELP: Record<string, string> = {
  province: '发文地区（国家文件为全国）',
  fileNumber: '发文字号',
  date: '成文日期',
  targets: '文件正文中的数量目标',
  allocation: '国家文件附件表中下达给该省的任务数（万人），注明输出务工或吸纳务工',
  ratio: '省定目标与国家下达数之比',
  subsidiesByKind: '按补贴类别列出的金额',
  keyRegions: '文件点名的重点地区',
  similarity: '与国家文件的文本相似度（百分比）',
  unchanged: '原文保留的条款数',
  modified: '修改采纳的条款数',
  added: '新增的条款数',
  removed: '国家文件中没有对应条款的条款数',
  errors: '检查发现的错误数',
  warnings: '检查发现的警告数',
  infos: '检查给出的提示数',
};

/**
 * A notice that forwards the national notice whole (转发…请一并贯彻落实, a `forwards` reference to
 * it) adopts every clause of it, whatever its own short text restates: its own sections are
 * additions on top.
 */
export function forwardsInFull(record: NoticeRecord, national: NoticeRecord): boolean {
  const number = national.fileNumber?.normalized.replace(/\s+/g, '') ?? null;
  const title = national.title?.replace(/\s+/g, '') ?? null;
  return record.references.some(
    (ref) =>
      ref.relation === 'forwards' &&
      ((number !== null && ref.fileNumber?.replace(/\s+/g, '') === number) || (title !== null && ref.title?.replace(/\s+/g, '') === title)),
  );
}

/**
 * A unit number as the notice prints it: （三） for a clause, 三、 for a section of a notice that
 * has no clauses and is compared section by section (src/diff/align.ts unitsOf).
 */
export function unitNumber(record: NoticeRecord, number: string): string {
  return record.sections.some((s) => s.clauses.length) ? `（${number}）` : `${number}、`;
}
