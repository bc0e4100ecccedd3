import type { CompareRow } from './rows.js';

/**
 * The overview's columns, in one place: the report's sortable table, `compare --format csv` and
 * `compare --format html` all print these. `text` is the cell as read; `sort` the value a column
 * sorts by (numbers sort numerically, null last).
 */
export interface OverviewColumn {
  key: string;
  label: string;
  text: (r: CompareRow) => string;
  sort: (r: CompareRow) => number | string | null;
  /** how the cell reads: a single number, a short value, or a list of phrases */
  shape: 'number' | 'value' | 'list';
}

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
const place = (r: CompareRow) => r.province ?? (r.level === 'national' ? '全国' : '');

const column = (key: string, label: string, shape: OverviewColumn['shape'], text: OverviewColumn['text'], sort: OverviewColumn['sort'] = text): OverviewColumn => ({ key, label, shape, text, sort });
const clauseColumn = (status: keyof NonNullable<CompareRow['clauses']>, label: string) =>
  column(status, label, 'number', (r) => num(r.clauses?.[status]), (r) => r.clauses?.[status] ?? null);
const findingColumn = (severity: keyof CompareRow['findings'], key: string, label: string) =>
  column(key, label, 'number', (r) => String(r.findings[severity]), (r) => r.findings[severity]);

export const OVERVIEW_COLUMNS: OverviewColumn[] = [
  column('province', '省份', 'value', place),
  column('fileNumber', '文号', 'value', (r) => r.fileNumber ?? ''),
  column('date', '日期', 'value', (r) => r.date ?? '', (r) => r.date),
  column('targets', '目标', 'list', (r) => r.targets.join('; '), (r) => r.headlineTarget),
  column('allocation', '国家下达（万人）', 'list', (r) => r.allocations.map((a) => `${a.allocated} (${a.table.split(' ')[0]})`).join('; '), (r) => r.allocations[0]?.allocated ?? null),
  column('ratio', '目标/下达', 'list', (r) => r.allocations.map((a) => (a.ratio === null ? '' : `${a.target}/${a.allocated} = ${a.ratio}`)).join('; '), (r) => r.ratio),
  column('subsidiesByKind', '补贴（按类）', 'list', (r) => r.subsidiesByKind.map((k) => `${k.kind}: ${k.amounts.join(', ')}`).join('; '), (r) => (r.subsidyAmounts.length ? Math.max(...r.subsidyAmounts) : null)),
  column('keyRegions', '重点地区', 'list', (r) => r.keyRegions.join('; '), (r) => r.keyRegions.length),
  column('parent', '上级文件', 'value', (r) => (r.parent ? `${r.parent}${r.parentBy ? ` (${r.parentBy})` : ''}` : ''), (r) => r.parent),
  column('similarity', '相似度', 'number', (r) => num(r.similarity), (r) => r.similarity),
  clauseColumn('unchanged', '未改'),
  clauseColumn('modified', '修改'),
  clauseColumn('added', '新增'),
  clauseColumn('removed', '删除'),
  findingColumn('error', 'errors', '错误'),
  findingColumn('warning', 'warnings', '警告'),
  findingColumn('info', 'infos', '提示'),
];
