import type { ClauseAlignment, DiffRecord, FigureComparison, NumberComparison } from '../../../schemas/diff.js';

/**
 * Every word the diff HTML shows a reader (`notices diff --format html`, `compare --format html`,
 * the report and the serve pages that embed its pairs), in Chinese like the rest of the report
 * (src/report/labels.ts). The data keeps its keys (status `modified`, tag `split`, in the JSON and
 * in data-* attributes); only the page says them this way. The base is the parent notice (上级文件),
 * the target the notice that adapts it (下级文件).
 */
export const DIFF_LABELS = {
  base: '上级文件',
  target: '下级文件',
  noCounterpart: '无对应内容',
  redline: '修订痕迹',
  similarity: '相似度',
  untitled: '（无标题）',
  pairing: '认定为上级文件的依据',
  sideBySide: '左右对照',
  inline: '合并显示',
  numbers: '附件表任务数对照',
  numbersColumns: ['地区', '上级附件表', '上级文件', '下级文件', '对照结果'],
  figures: '目标数对照',
  figuresColumns: ['指标', '年份', '上级文件', '下级文件', '对照结果'],
} as const;

/** What the target did with a unit, by status. */
export const DIFF_STATUS_LABEL: Record<ClauseAlignment['status'], string> = {
  // the words of the report's adoption matrix (src/report/labels.ts STATUS_LABEL), seen from the parent's units
  unchanged: '原文采纳',
  modified: '修改采纳',
  added: '新增',
  removed: '未采纳',
};

/** The summary's counts: 原文采纳 12 … */
export const COUNT_LABEL: Record<keyof DiffRecord['counts'], string> = DIFF_STATUS_LABEL;

/** How a pair relates beyond its status (ClauseAlignment.tags). */
export const TAG_LABEL: Record<string, string> = {
  implementation: '增加本地细则',
  merged: '合并',
  split: '拆分',
  moved: '调整顺序',
  promoted: '升格',
  demoted: '降格',
};

export const NUMBER_STATUS_LABEL: Record<NumberComparison['status'], string> = { match: '一致', differs: '不一致', missing: '缺一方' };

export const FIGURE_STATUS_LABEL: Record<FigureComparison['status'], string> = {
  same: '相同',
  higher: '高于上级',
  lower: '低于上级',
  converted: '换算表述',
  dropped: '未重述',
  added: '新增',
  // the base's figure is the total of its whole area, the target's its own region's share: not higher or lower
  part: '上级总数中的本地部分',
};

/** How the base was found as the parent (DiffRecord.pairing). */
const PAIRING_LABEL: Record<NonNullable<DiffRecord['pairing']>['by'], string> = {
  fileNumber: '引用其发文字号',
  title: '引用其标题',
  titleSimilarity: '标题相似',
  content: '条款内容相似',
  given: '由用户指定（无引用或相似关系）',
};

/** `条款内容相似 40%（阈值 20%）`, `引用其发文字号`. */
export function pairingLabel(p: NonNullable<DiffRecord['pairing']>): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (p.similarity === null) return PAIRING_LABEL[p.by];
  return `${PAIRING_LABEL[p.by]} ${pct(p.similarity)}${p.threshold !== null ? `（阈值 ${pct(p.threshold)}）` : ''}`;
}
