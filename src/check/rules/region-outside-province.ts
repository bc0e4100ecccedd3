import type { Finding } from '../../../schemas/finding.js';
import { divisionsForShortName } from '../../lexicon/regions.js';
import type { DocumentRule } from '../rule.js';

/**
 * A provincial table that allocates figures to a city of another province: a row that names a
 * GB/T 2260 city or county found only outside the issuing province is probably a copy error.
 * Names that are no division at all (省直, 其他) are left alone.
 */
export const regionOutsideProvince: DocumentRule = {
  id: 'region-outside-province',
  severity: 'warning',
  summary: 'A table row names a city or county that is not in the issuing province.',
  check(record) {
    if (!record.region || record.level === 'national') return [];
    const province = record.region.code.slice(0, 2);
    const out: Finding[] = [];
    for (const t of record.tables.filter((x) => x.kind === 'target')) {
      for (const row of t.rows) {
        const matches = divisionsForShortName(row.region);
        if (!matches.length || matches.some((d) => d.provinceCode === province)) continue;
        out.push({
          rule: 'region-outside-province',
          severity: 'warning',
          message: `${t.label ?? 'table'}: ${row.region} is not in ${record.region.name} (it is ${matches.map((d) => d.name + ' ' + d.code).join(', ')})`,
          span: row.span,
          data: { table: t.label, region: row.region, province: record.region.name, found: matches.map((d) => d.code) },
        });
      }
    }
    return out;
  },
};
