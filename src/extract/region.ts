import type { FileNumber } from '../../schemas/notice.js';
import { isCentralAgency } from '../lexicon/agencies.js';
import { MUNICIPALITIES, provinceOfAbbreviation, provinceOfName, type Province } from '../lexicon/regions.js';

export type Level = 'national' | 'provincial' | 'municipal' | 'county';

export interface RegionInfo {
  level: Level | null;
  region: { name: string; code: string } | null;
}

/**
 * Level and region from who issued the notice: a province named by the issuers, else by the
 * file-number prefix (粤 吉 鲁 …); central bodies make it national. Below the province, a city
 * makes it municipal and a district or county makes it county level.
 */
export function inferRegion(issuers: string[], fileNumber: FileNumber | null, title: string): RegionInfo {
  const names = issuers.length ? issuers : [title];
  let province: Province | null = null;
  for (const n of names) province ??= provinceOfName(n);
  if (!province && issuers.length && issuers.every(isCentralAgency)) return { level: 'national', region: null };
  if (!province && fileNumber && !/^(国|中)/.test(fileNumber.prefix)) province = provinceOfAbbreviation(fileNumber.prefix);
  if (!province && (issuers.some(isCentralAgency) || (fileNumber && /部|^国/.test(fileNumber.prefix)))) return { level: 'national', region: null };
  if (!province) {
    const n = names[0] ?? '';
    if (/^[\u4e00-\u9fa5]{2,6}?(区|县|旗)/.test(n)) return { level: 'county', region: null };
    if (/^[\u4e00-\u9fa5]{2,6}?市/.test(n)) return { level: 'municipal', region: null };
    return { level: null, region: null };
  }
  const region = { name: province.name, code: province.code };
  const first = names.find((n) => provinceOfName(n) === province) ?? names[0] ?? '';
  const rest = first.replace(/\s+/g, '').replace(province.name, '');
  if (/^[\u4e00-\u9fa5]{1,8}?(区|县|旗)(人民政府|政府|[\u4e00-\u9fa5]*(委员会|局|办|厅|室|处|街道|镇))/.test(rest) && !/^(自治区)/.test(rest)) return { level: 'county', region };
  if (!MUNICIPALITIES.has(province.name) && /^[\u4e00-\u9fa5]{1,6}?(市|自治州|州|盟)/.test(rest)) return { level: 'municipal', region };
  return { level: 'provincial', region };
}
