import type { FileNumber } from '../../schemas/notice.js';
import { isCentralAgency } from '../lexicon/agencies.js';
import { allDivisions, divisionAtStart, provinceByCode, provinceOfAbbreviation, provinceOfName, type Province } from '../lexicon/regions.js';

export type Level = 'national' | 'provincial' | 'municipal' | 'county';

export interface RegionInfo {
  level: Level | null;
  region: { name: string; code: string } | null;
}

/**
 * Level and region from who issued the notice: a province named by the issuers, else by the
 * file-number prefix (粤 吉 鲁 …); central bodies make it national. Below the province, a city
 * (GB/T 2260 prefecture level) makes it municipal, a district or county makes it county level,
 * with that division as the region.
 */
export function inferRegion(issuers: string[], fileNumber: FileNumber | null, title: string): RegionInfo {
  const names = (issuers.length ? issuers : [title]).map((n) => n.replace(/\s+/g, ''));
  let province: Province | null = null;
  for (const n of names) province ??= provinceOfName(n);
  if (!province && issuers.length && issuers.every(isCentralAgency)) return { level: 'national', region: null };
  if (!province && fileNumber && !/^(国|中)/.test(fileNumber.prefix)) province = provinceOfAbbreviation(fileNumber.prefix);
  if (!province && (issuers.some(isCentralAgency) || (fileNumber && /部|^国/.test(fileNumber.prefix)))) return { level: 'national', region: null };

  const first = (province && names.find((n) => provinceOfName(n) === province)) || names[0] || '';
  // 吉林市… is the city, not 吉林(省) + 市…: try the whole name before the name without its province
  const rest = province ? first.replace(new RegExp(`^${province.name}`), '') : first;
  const division = divisionAtStart(allDivisions(), first, province) ?? divisionAtStart(allDivisions(), rest, province);
  if (division) {
    const home = province ?? provinceByCode(division.provinceCode);
    if (division.kind === 'municipal') return { level: 'municipal', region: { name: division.name, code: division.code } };
    const parent = allDivisions().find((d) => d.kind === 'municipal' && d.code.slice(0, 4) === division.code.slice(0, 4));
    const prefix = parent?.name ?? home?.name ?? '';
    return { level: 'county', region: { name: prefix + division.name, code: division.code } };
  }
  if (!province) {
    if (/^[\u4e00-\u9fa5]{2,6}?(区|县|旗)/.test(first)) return { level: 'county', region: null };
    if (/^[\u4e00-\u9fa5]{2,6}?市/.test(first)) return { level: 'municipal', region: null };
    return { level: null, region: null };
  }
  return { level: 'provincial', region: { name: province.name, code: province.code } };
}
