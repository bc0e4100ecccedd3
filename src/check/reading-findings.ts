import type { Severity } from '../../schemas/common.js';

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

export const readingFindings: ReadingFinding[] = [encodingRepaired, tableRepaired, tableUnrepaired];
