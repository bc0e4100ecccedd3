import type { Finding } from '../../../schemas/finding.js';
import type { DocumentRule } from '../rule.js';

/** The same region twice in one annex table: one of the rows is probably mislabelled. */
export const duplicateRow: DocumentRule = {
  id: 'duplicate-row',
  severity: 'warning',
  summary: 'The same region appears twice in one table.',
  check(record) {
    const out: Finding[] = [];
    for (const t of record.tables) {
      const seen = new Map<string, number>();
      t.rows.forEach((r, index) => {
        if (seen.has(r.region)) {
          out.push({
            rule: 'duplicate-row',
            severity: 'warning',
            message: `${t.label ?? 'table'}: ${r.region} appears twice (rows ${seen.get(r.region)! + 1} and ${index + 1})`,
            span: r.span,
            data: { table: t.label, region: r.region },
          });
        } else seen.set(r.region, index);
      });
    }
    return out;
  },
};
