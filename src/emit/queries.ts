/**
 * Example queries over the SQLite store (src/emit/sqlite.ts). docs/loading.md prints each one
 * verbatim and test/sqlite.test.ts runs them on the seeds, so the documentation cannot drift.
 * Plain SQL without parameters or newer syntax, so they also run in the stock `sqlite3` shell
 * (3.37+, for STRICT tables).
 */
export interface ExampleQuery {
  title: string;
  /** what to know when reading the result (printed under the title in docs/loading.md) */
  note?: string;
  sql: string;
}

export const QUERIES = {
  documents: {
    title: 'Documents in the store',
    sql: `SELECT file_number, level, region_name, signed_date, title
FROM documents
ORDER BY level <> 'national', region_code, file_number;`,
  },

  targetsPerProvince: {
    title: 'Numeric targets stated in the body text, per province (the national notice as 全国)',
    sql: `SELECT coalesce(d.region_name, '全国') AS region,
       d.file_number,
       t.metric, t.comparator, t.value, t.unit, t.scope
FROM targets t
JOIN documents d ON d.id = t.document_id
ORDER BY d.level <> 'national', d.region_code, t.position;`,
  },

  provinceAllocations: {
    title: "Each province's row in the national annex tables, with the provincial notice loaded for it (if any)",
    sql: `SELECT r.region, nt.label, nt.title, r.column_name, r.value, nt.unit,
       p.file_number AS provincial_notice
FROM table_rows r
JOIN tables_ nt ON nt.id = r.table_id
JOIN documents n ON n.id = nt.document_id AND n.level = 'national'
LEFT JOIN documents p ON p.level = 'provincial' AND p.region_name LIKE r.region || '%'
WHERE r.is_total = 0
ORDER BY p.file_number IS NULL, nt.label, r.row_index;`,
  },

  subsidies: {
    title: 'Every subsidy amount, in the order printed',
    sql: `SELECT d.file_number, s.position, s.name, s.amount, s.unit, s.per, s.recipient,
       s.one_time, s.cap
FROM subsidies s
JOIN documents d ON d.id = s.document_id
ORDER BY d.file_number, s.position;`,
  },

  subsidiesByRecipient: {
    title: 'Subsidy amounts by recipient',
    sql: `SELECT coalesce(s.recipient, '(not stated)') AS recipient,
       count(*) AS subsidies,
       min(s.amount) AS min_amount,
       max(s.amount) AS max_amount,
       sum(s.amount) AS total_amount,
       group_concat(DISTINCT d.file_number) AS documents
FROM subsidies s
JOIN documents d ON d.id = s.document_id
GROUP BY s.recipient
ORDER BY total_amount DESC, recipient;`,
  },

  tableTotals: {
    title: 'Every annex table × column: the sum of its rows against the declared total (合计)',
    note:
      'Blank cells (`value` NULL) are not counted: `rows_filled` says how many were. `rounding_bound` is half a unit ' +
      'of the last printed digit of each row plus that of the total (`table_rows.half_unit`).',
    sql: `WITH sums AS (
  SELECT table_id, column_name,
         count(value) AS rows_filled,
         round(sum(value), 6) AS row_sum,
         sum(half_unit) AS rows_rounding
  FROM table_rows
  WHERE is_total = 0
  GROUP BY table_id, column_name
)
SELECT d.file_number, t.label, t.title, s.column_name, s.rows_filled, s.row_sum,
       tot.value AS declared,
       round(s.row_sum - tot.value, 6) AS gap,
       round(s.rows_rounding + tot.half_unit, 6) AS rounding_bound
FROM sums s
JOIN table_rows tot ON tot.table_id = s.table_id AND tot.column_name = s.column_name AND tot.is_total = 1
JOIN tables_ t ON t.id = s.table_id
JOIN documents d ON d.id = t.document_id
ORDER BY d.file_number, t.position, s.column_name;`,
  },

  tableSumMismatches: {
    title: "Tables whose rows don't add up to the declared total",
    note:
      'The tolerance 0.000001 only absorbs float noise, so every gap is listed; `beyond_rounding` is 1 when the gap is ' +
      'larger than half a unit of the last printed digit of every row plus that of the total, i.e. when rounding cannot ' +
      'explain it (the rule `table-sum-mismatch` of `notices check` uses the same bound). Add `AND beyond_rounding` to ' +
      'the WHERE clause to keep only those.',
    sql: `WITH sums AS (
  SELECT table_id, column_name,
         round(sum(value), 6) AS row_sum,
         sum(half_unit) AS rows_rounding
  FROM table_rows
  WHERE is_total = 0
  GROUP BY table_id, column_name
)
SELECT d.file_number, t.label, s.column_name, s.row_sum,
       tot.value AS declared,
       round(s.row_sum - tot.value, 6) AS gap,
       abs(s.row_sum - tot.value) > s.rows_rounding + tot.half_unit + 0.000001 AS beyond_rounding
FROM sums s
JOIN table_rows tot ON tot.table_id = s.table_id AND tot.column_name = s.column_name AND tot.is_total = 1
JOIN tables_ t ON t.id = s.table_id
JOIN documents d ON d.id = t.document_id
WHERE abs(s.row_sum - tot.value) > 0.000001
ORDER BY beyond_rounding DESC, abs(s.row_sum - tot.value) DESC;`,
  },

  subtotals: {
    title: 'Every 小计 against the sum of the rows of its group',
    note:
      'A subtotal adds up the rows `from_row` up to, not including, `to_row` (`table_subtotals`, layout 6); each row ' +
      'names its group in `table_rows.group_name`. `beyond_rounding` uses the bound of the totals query above (the rule ' +
      '`table-sum-mismatch` checks each 小计 the same way); a 小计 cell printed blank is left out.',
    sql: `SELECT d.file_number, t.label, st.position AS subtotal, st.group_name, st.column_name,
       count(r.value) AS rows_filled,
       round(sum(r.value), 6) AS row_sum,
       st.value AS declared,
       round(coalesce(sum(r.value), 0) - st.value, 6) AS gap,
       abs(coalesce(sum(r.value), 0) - st.value) > coalesce(sum(r.half_unit), 0) + st.half_unit + 0.000001 AS beyond_rounding
FROM table_subtotals st
JOIN tables_ t ON t.id = st.table_id
JOIN documents d ON d.id = t.document_id
LEFT JOIN table_rows r ON r.table_id = st.table_id AND r.column_name = st.column_name
     AND r.is_total = 0 AND r.row_index >= st.from_row AND r.row_index < st.to_row
WHERE st.value IS NOT NULL
GROUP BY st.id
ORDER BY d.file_number, t.position, st.position, st.column_name;`,
  },

  findingsByRule: {
    title: 'Findings per rule and severity',
    note:
      '`origin` tells the findings the extractors attached to a record (`extract`) from those of `notices check` ' +
      'passed to the loader (`check`); a check run may repeat some of the former.',
    sql: `SELECT rule, severity, origin, count(*) AS findings
FROM findings
GROUP BY rule, severity, origin
ORDER BY severity = 'error' DESC, findings DESC, rule;`,
  },

  clauseSearch: {
    title: "Every notice's clause on 交通补助 (transport subsidies), with its file number and position",
    note:
      '`text_search` is an FTS5 index (trigram tokenizer) over clause, section and table text: any run of 3+ characters ' +
      'is found. The same subsidy is written 交通补助, 交通费补助 or 交通费补贴, so the query asks for both stems. ' +
      '`kind` is `clause`, `section` (a notice written in 一、二、 without clauses) or `table`; `line`/`col` its position.',
    sql: `SELECT coalesce(d.region_name, '全国') AS region, d.file_number,
       s.kind, s.number, s.line, s.col,
       snippet(text_search, 0, '[', ']', '…', 16) AS excerpt
FROM text_search s
JOIN documents d ON d.id = s.document_id
WHERE text_search MATCH '"交通补助" OR "交通费补"'
ORDER BY d.level <> 'national', d.region_code, s.line;`,
  },

  figures: {
    title: 'Figures of each notice against its parent: restated, lower, a part of the total, dropped',
    note:
      '`diff_figures` holds `figures[]` of every stored diff: the base figure, the target figure for the same metric and ' +
      'how they compare (`same`, `higher`, `lower`, `converted`, `part`, `dropped`, `added`), with where each side prints it. ' +
      '`parents` says how the parent was chosen when the store was loaded.',
    sql: `SELECT t.region_name AS region, t.file_number AS target, b.file_number AS base, p.chosen_by,
       f.metric, f.base_value, f.unit, f.target_value, f.target_unit, f.status,
       f.target_line, f.target_col
FROM diff_figures f
JOIN diffs x ON x.id = f.diff_id
JOIN documents t ON t.id = x.document_id
LEFT JOIN documents b ON b.id = x.base_document_id
LEFT JOIN parents p ON p.document_id = t.id AND p.diff_id = x.id
WHERE f.status <> 'added'
ORDER BY t.region_code, f.position;`,
  },
} as const satisfies Record<string, ExampleQuery>;

export type QueryName = keyof typeof QUERIES;
