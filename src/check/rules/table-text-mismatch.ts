import type { Finding } from '../../../schemas/finding.js';
import type { Span } from '../../../schemas/common.js';
import type { NoticeRecord, Table } from '../../../schemas/notice.js';
import { QUANTITY_UNIT, unitInfo, unitsAgree } from '../../lexicon/units.js';
import { decimalsOf, halfUnit } from '../../util/precision.js';
import { round } from '../rounding.js';
import type { DocumentRule } from '../rule.js';
import { fits, tableReadings } from './target-table-mismatch.js';
import { tablesOfTarget } from '../../figures/province.js';
import { isCountColumn, summedRows } from './table-sum-mismatch.js';
import { provinceByShortOrName, divisionsForShortName } from '../../lexicon/regions.js';

/** A figure with its unit in a sentence of the body, and what it is compared with. */
interface Stated {
  value: number;
  printed: string;
  unit: string;
  comparator: '>=' | '<=' | '=';
  phrase: string;
  span: Span;
  /** 第3项: the figure follows 第, an ordinal, not a quantity */
  ordinal?: boolean;
}

const FIGURE = new RegExp(String.raw`(不少于|不低于|至少|超过|不超过|不高于|共计|合计|总计|共|累计)?\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*(${QUANTITY_UNIT.source})(以上|以下|以内|左右)?`, 'g');

function comparatorOf(before: string | undefined, after: string | undefined): Stated['comparator'] {
  if (/不少于|不低于|至少|超过/.test(before ?? '') || after === '以上') return '>=';
  if (/不超过|不高于/.test(before ?? '') || after === '以下' || after === '以内') return '<=';
  return '=';
}

/** The body's passages that speak about an annex table, each with the tables it names (target tables; `any`: every table but a blank form). */
function passages(record: NoticeRecord, any = false): { text: string; span: Span; tables: Table[] }[] {
  const tables = record.tables.filter((t) => (any ? t.kind !== 'form' : t.kind === 'target'));
  if (!tables.length) return [];
  const parts = record.sections.flatMap((s) => [{ text: s.text, span: s.span }, ...s.clauses.map((c) => ({ text: c.text, span: c.span }))]);
  return parts.flatMap((p) => {
    if (!/附件|附表|见表|下表/.test(p.text)) return [];
    const labels = [...p.text.matchAll(/附件\s*(\d+|[一二三四五六七八九十]+)/g)].map((m) => `附件${m[1]}`);
    const named = tables.filter((t) => t.label && labels.includes(t.label.replace(/\s+/g, '')));
    return [{ ...p, tables: named.length ? named : tables }];
  });
}

/** 「共计15.19」: a total stated without a unit, compared with the tables in whatever unit they count. */
const BARE_TOTAL = /(共计|合计|总计)\s*(\d+(?:,\d{3})*(?:\.\d+)?)(?![\d.,，、]*\s*(?:[十百千万亿%％]|[\u4e00-\u9fa5]{0,2}(?:元|人|户|个|年|月|日|号|项|家|次)))/g;

/** The figures of a passage stated in a unit some of its tables count in, or as a bare 共计. */
function statedFigures(passage: { text: string; span: Span }): Stated[] {
  const out: Stated[] = [];
  for (const m of passage.text.matchAll(BARE_TOTAL)) {
    out.push({ value: Number(m[2].replace(/,/g, '')), printed: m[2], unit: '', comparator: '=', phrase: m[0].trim(), span: passage.span });
  }
  for (const m of passage.text.matchAll(FIGURE)) {
    if (m.index === undefined) continue;
    // part of a date or a file number (2022年), a rate (元/人) or a share: not a quantity of the table
    if (/^[/／]/.test(passage.text.slice(m.index + m[0].length))) continue;
    const ordinal = passage.text[m.index + m[0].indexOf(m[2]) - 1] === '第';
    out.push({ value: Number(m[2].replace(/,/g, '')), printed: m[2], unit: m[3], comparator: comparatorOf(m[1], m[4]), phrase: m[0].trim(), span: passage.span, ...(ordinal ? { ordinal } : {}) });
  }
  return out;
}

/** What a table can say about a figure: each column's total, the sum of the columns, every row. */
function readingsWithRows(t: Table) {
  const rows = t.rows.flatMap((r) =>
    Object.entries(r.values)
      .filter((e): e is [string, number] => e[1] !== null)
      .map(([c, v]) => ({ what: `${t.label ?? 'table'} ${r.region} ${c}`, total: v, bound: halfUnit(r.printed[c] ?? v) })),
  );
  return [...tableReadings(t), ...rows];
}

/**
 * A figure the body states about an annex table (「面积135公顷」「建设绿道100公里」「共计15.19万人」)
 * against that table: it should be one of its totals or one of its rows, within the printed
 * precision: `info` when only the text's coarser printing explains the gap (135 for 135.5),
 * `warning` beyond. Targets are left to target-table-mismatch; this rule reads every other figure
 * of a passage that points at an annex, in a unit the table counts in.
 */
export const tableTextMismatch: DocumentRule = {
  id: 'table-text-mismatch',
  severity: 'warning',
  summary: 'A figure the body states about an annex table is neither its total nor one of its rows, or a count it states is not the count the table lists.',
  check(record) {
    const out: Finding[] = [...countFindings(record)];
    for (const p of passages(record)) {
      for (const s of statedFigures(p)) {
        if (record.targets.some((t) => t.value === s.value && (s.unit === '' || unitsAgree(t.unit, s.unit)) && t.comparator === s.comparator)) continue;
        const tables = p.tables.filter((t) => (s.unit === '' ? true : t.unit !== null && unitsAgree(t.unit, s.unit)));
        if (!tables.length) continue;
        const readings = tables.flatMap(readingsWithRows);
        // the table's own printed precision only: the text states the same figure
        if (readings.some((r) => fits(s.comparator, s.value, r.total, r.bound))) continue;
        const sb = halfUnit(s.printed);
        const rounded = readings.find((r) => fits(s.comparator, s.value, r.total, r.bound + sb));
        const totals = tables.flatMap(tableReadings);
        const nearest = rounded ?? totals.reduce((a, b) => (Math.abs(a.total - s.value) <= Math.abs(b.total - s.value) ? a : b));
        // a total of another order of magnitude counts something else: no evidence either way
        const ratio = nearest.total / s.value;
        if (!(ratio > 0.5 && ratio < 2)) continue;
        const sums = tables.map((t) => `${t.label ?? 'table'}: ${Object.entries(t.declaredTotal ?? {}).filter((e) => e[1] !== null).map(([c, v]) => `${c} ${v}`).join('、') || 'no 合计'}`);
        const total = round(nearest.total, decimalsOf(s.printed) + 2);
        out.push({
          rule: 'table-text-mismatch',
          severity: rounded ? 'info' : 'warning',
          message: rounded
            ? `the text states ${s.phrase} and ${nearest.what} is ${total}: the same figure at the text's coarser precision (bound ${round(nearest.bound + sb)})`
            : `the text states ${s.phrase} but ${nearest.what} is ${total} (${sums.join('; ')}), and no row of the table is ${s.value}${s.unit}`,
          span: s.span,
          data: { stated: s.value, unit: s.unit, comparator: s.comparator, phrase: s.phrase, nearest: nearest.what, total: nearest.total, bound: round(nearest.bound + sb), table: tables[0].label, tableSpan: tables[0].span },
        });
      }
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
// counts: 「改造提升老公园绿地30个」 against the rows the annex lists, or its 个数 column

/** A counter (个, 座, 处, 项, 家 …): a unit that counts things, each its own dimension (persons are not counted here). */
const isCounter = (unit: string) => {
  const u = unitInfo(unit);
  return u !== null && u.role === 'count' && u.dimension === u.name;
};

/** A count column of the table in the stated counter: 个数 for 个, 处数 or 数量（处） for 处, any count column of a table counting in it. */
function countColumns(t: Table, unit: string): string[] {
  const columns = Object.keys(t.declaredTotal ?? t.rows[0]?.values ?? {});
  return columns.filter((c) => isCountColumn(t, c) && (c.includes(unit) || (t.unit !== null && unitsAgree(t.unit, unit))));
}

/** Rows that are places (streets, districts, cities): a table of them lists places, not the things a count counts. */
function listsPlaces(t: Table): boolean {
  const places = t.rows.filter((r) => provinceByShortOrName(r.region) || /[省市区县州盟旗镇乡村]$|街道$|片区$|社区$/.test(r.region) || divisionsForShortName(r.region).length > 0);
  return places.length * 2 >= t.rows.length;
}

interface CountReading {
  what: string;
  /** the reading as a clause: 附件1 个数 合计 is 28, 附件1 lists 28 rows */
  says: string;
  count: number;
  table: Table;
  span: Span;
}

/** What a table says about a count in `unit`: its count columns' totals, else (a list of things, not places) its rows. */
function countReadings(t: Table, unit: string): CountReading[] {
  const label = t.label ?? t.title ?? 'table';
  const rows = summedRows(t.rows);
  const last = rows[rows.length - 1]?.span ?? t.span;
  const columns = countColumns(t, unit);
  if (columns.length) {
    return columns.map((c) => {
      const declared = t.declaredTotal?.[c];
      const count = declared ?? rows.reduce((n, r) => n + (r.values[c] ?? 0), 0);
      const what = `${label} ${c}${declared !== null && declared !== undefined ? ' 合计' : ' (sum of rows)'}`;
      return { what, says: `${what} is ${count}`, count, table: t, span: last };
    });
  }
  if (!rows.length || listsPlaces(t)) return [];
  return [{ what: `${label} rows`, says: `${label} lists ${rows.length} rows`, count: rows.length, table: t, span: last }];
}

/**
 * A count the body states about an annex (「改造提升老公园绿地30个」「新建口袋公园12座」) against the
 * count the annex gives: its count column in the same counter (个数 for 个, 处数 for 处), else the
 * rows it lists when they are things, not places. Counts are exact: any difference is a `warning`.
 * A count set as a target that target-table-mismatch compares with the table is left to it; a
 * count of another order of magnitude counts something else and is not compared.
 */
function countFindings(record: NoticeRecord): Finding[] {
  const out: Finding[] = [];
  // each table's readings once per counter: a long passage may state many counts
  const memo = new Map<Table, Map<string, CountReading[]>>();
  const readingsOf = (t: Table, unit: string) => {
    const byUnit = memo.get(t) ?? new Map<string, CountReading[]>();
    memo.set(t, byUnit);
    if (!byUnit.has(unit)) byUnit.set(unit, countReadings(t, unit));
    return byUnit.get(unit)!;
  };
  for (const p of passages(record, true)) {
    for (const s of statedFigures(p)) {
      if (!s.unit || !isCounter(s.unit) || !Number.isInteger(s.value) || s.ordinal) continue;
      const target = record.targets.find((t) => t.value === s.value && unitsAgree(t.unit, s.unit) && t.comparator === s.comparator);
      if (target && tablesOfTarget(record, target).some((t) => unitsAgree(t.unit, s.unit))) continue;
      // a target table counting in this counter: the figure is one of its amounts (read above)
      const tables = p.tables.filter((t) => !(t.kind === 'target' && t.unit !== null && unitsAgree(t.unit, s.unit)));
      const readings = tables.flatMap((t) => readingsOf(t, s.unit));
      if (!readings.length || readings.some((r) => fits(s.comparator, s.value, r.count, 0))) continue;
      const nearest = readings.reduce((a, b) => (Math.abs(a.count - s.value) <= Math.abs(b.count - s.value) ? a : b));
      const ratio = nearest.count / s.value;
      if (!(ratio > 0.5 && ratio < 2)) continue;
      out.push({
        rule: 'table-text-mismatch',
        severity: 'warning',
        message: `the text states ${s.phrase} but ${nearest.says}`,
        span: s.span,
        data: { stated: s.value, unit: s.unit, comparator: s.comparator, phrase: s.phrase, nearest: nearest.what, total: nearest.count, count: true, table: nearest.table.label, tableSpan: nearest.span },
      });
    }
  }
  return out;
}
