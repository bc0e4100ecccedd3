import type { FileNumber } from '../../schemas/notice.js';
import { isCentralAgency, localPart } from '../lexicon/agencies.js';
import {
  allDivisions, CITY_ABBREVIATIONS, divisionAtStart, divisionByCode, fullDivisionName, MUNICIPALITIES, provinceByCode,
  provinceOfAbbreviation, provinceOfName, type Division, type Province,
} from '../lexicon/regions.js';

export type Level = 'national' | 'provincial' | 'municipal' | 'county' | 'township';

export interface RegionInfo {
  level: Level | null;
  region: { name: string; code: string } | null;
}

/** A town or street office below a district or county: 头桥街道办事处, 朱家角镇人民政府, 某某乡. */
const TOWNSHIP = /^(?:人民政府)?[\u4e00-\u9fa5]{1,10}?(?:镇|乡|街道)(?:人民政府|政府|办事处|党委|委员会|$)/;

/**
 * Level and region from who issued the notice: a province named by the issuers, else by the
 * file-number prefix (粤 吉 鲁 …, or a city's own abbreviation such as 甬); central bodies make it
 * national. Below the province, a city (GB/T 2260 prefecture level) makes it municipal, a district
 * or county makes it county level, a town or street office below one township level (with the
 * district as its region). A municipality's own bureaus (上海市绿化和市容管理局) are provincial.
 * The addressees decide the level when nothing else does.
 */
export function inferRegion(issuers: string[], fileNumber: FileNumber | null, title: string, addressees: string[] = [], chain: string[] = []): RegionInfo {
  // a branch of a vertically managed system (国家税务总局江苏省税务局) is placed by its local part
  // a Party committee (中共闵行区七宝镇委员会) is placed like the government it stands beside
  const names = (issuers.length ? issuers : [title]).map((n) => localPart(n).replace(/^(?:中国共产党|中共)/, ''));
  let province: Province | null = null;
  for (const n of names) province ??= provinceOfName(n);
  if (!province && issuers.length && issuers.every(isCentralAgency)) return { level: 'national', region: null };
  const prefix = fileNumber && !/^(国|中)/.test(fileNumber.prefix) ? fileNumber.prefix : null;
  // a city or county the issuer names (南京市人民政府) places the notice before any file-number
  // abbreviation does (宁政发 is Nanjing's, not 宁夏's)
  const named = province ? null : divisionOf(names[0] ?? '', null);
  if (named) return belowProvince(named, names[0]);
  if (!province && prefix) province = provinceOfAbbreviation(prefix);
  if (!province && (issuers.some(isCentralAgency) || (fileNumber && /部|^国/.test(fileNumber.prefix)))) return { level: 'national', region: null };

  const first = (province && names.find((n) => provinceOfName(n) === province)) || names[0] || '';
  const division = divisionOf(first, province) ?? (province || !prefix ? null : cityOfPrefix(prefix, first));
  if (division) return belowProvince(division, first);
  if (!province) {
    const level = levelFromWords(first) ?? levelFromAddressees(addressees);
    const above = level === 'township' ? divisionAbove([...names.slice(1), ...chain, ...addressees]) : null;
    return { level, region: above ? { name: fullDivisionName(above), code: above.code } : null };
  }
  return { level: 'provincial', region: { name: province.name, code: province.code } };
}

/**
 * A city's own file-number abbreviation (沈 for 沈阳) places the notice in that city, and a district
 * the issuer names that several cities have (和平区: 天津 and 沈阳) is the one of that city.
 */
function cityOfPrefix(prefix: string, issuer: string): Division | null {
  const city = divisionByCode(CITY_ABBREVIATIONS[prefix[0]] ?? '');
  if (!city) return null;
  const ofCity = allDivisions().filter((d) => d.code !== city.code && d.code.slice(0, 4) === city.code.slice(0, 4));
  return divisionAtStart(ofCity, issuer, null) ?? city;
}

/** 吉林市… is the city, not 吉林(省) + 市…: try the whole name before the name without its province. */
function divisionOf(name: string, province: Province | null): Division | null {
  const rest = province && name.startsWith(province.name) ? name.slice(province.name.length) : name;
  const found = divisionAtStart(allDivisions(), name, province) ?? divisionAtStart(allDivisions(), rest, province);
  return found && countyNamedAfter(found, name) || found;
}

/**
 * A name chains its divisions from the top (温州市鹿城区山福镇人民政府): a district or county of the
 * city named right after the city is where the body sits.
 */
function countyNamedAfter(city: Division, name: string): Division | null {
  if (city.kind !== 'municipal') return null;
  const at = name.indexOf(city.name);
  if (at < 0) return null;
  const rest = name.slice(at + city.name.length);
  const ofCity = allDivisions().filter((d) => d.kind === 'county' && d.code.slice(0, 4) === city.code.slice(0, 4));
  return divisionAtStart(ofCity, rest, null) ?? districtOfBranch(ofCity, rest);
}

/**
 * A city bureau's 分局 named after one of the city's districts (枣庄市公安局台儿庄分局) is that
 * district's bureau: the body sits in the district (台儿庄区), named without its 区/县 as branches are.
 */
function districtOfBranch(ofCity: Division[], rest: string): Division | null {
  const branch = /^[\u4e00-\u9fa5]{2,16}?局([\u4e00-\u9fa5]{2,8}?)分局/.exec(rest)?.[1];
  if (!branch) return null;
  const named = ofCity.filter((d) => d.name === branch || d.name.replace(/(区|县|市|旗)$/, '') === branch);
  return named.length === 1 ? named[0] : null;
}

function belowProvince(division: Division, issuer: string): RegionInfo {
  const region = { name: fullDivisionName(division), code: division.code };
  if (division.kind === 'municipal') return { level: 'municipal', region };
  const after = issuer.slice(issuer.indexOf(division.name) + division.name.length);
  return { level: issuer.includes(division.name) && TOWNSHIP.test(after) ? 'township' : 'county', region };
}

/**
 * A town or street office signing without its district (七宝镇人民政府, 头桥街道办事处) sits in the
 * district or county that the rest of its chain names: a co-signing body (中共闵行区七宝镇委员会),
 * the page's 发布单位 (上海市闵行区七宝镇人民政府) or an addressee (闵行区各有关单位). The first
 * district, county or city found; never a province alone (that says nothing below it).
 */
function divisionAbove(candidates: string[]): Division | null {
  for (const c of candidates) {
    const name = c.replace(/^(?:中国共产党|中共)/, '');
    const d = divisionOf(name, provinceOfName(name));
    if (d) return d;
  }
  return null;
}

/** A name whose division the table does not know still tells its level by its ending. */
function levelFromWords(name: string): Level | null {
  if (/^[\u4e00-\u9fa5]{2,12}?(镇|乡|街道)(人民政府|政府|办事处)/.test(name)) return 'township';
  if (/^[\u4e00-\u9fa5]{2,6}?(区|县|旗)/.test(name)) return 'county';
  if (/^[\u4e00-\u9fa5]{2,6}?市/.test(name)) return 'municipal';
  return null;
}

/** 各省、自治区、直辖市 is addressed from the centre; 各市、县 from a province; 各区、县 from a city … */
function levelFromAddressees(addressees: string[]): Level | null {
  const a = addressees.join('、');
  if (/各省/.test(a)) return 'national';
  if (/各(地级以上)?市|各市（州）|各地市/.test(a)) return 'provincial';
  if (/各(县|区)|各县（市、区）|各区县/.test(a)) return 'municipal';
  if (/各(乡|镇|街道)/.test(a)) return 'county';
  if (/各(村|居委会|社区)/.test(a)) return 'township';
  return null;
}

/** The region's province, city and county (for resolving 省…/市…/区… abbreviations in issuer names). */
export function regionParts(region: { code: string } | null): { province: string | null; city: string | null; county: string | null } {
  if (!region) return { province: null, city: null, county: null };
  const province = provinceByCode(region.code)?.name ?? null;
  const cityDivision = region.code.endsWith('0000') ? null : divisionByCode(region.code.slice(0, 4) + '00');
  const city = province && MUNICIPALITIES.has(province) ? province : (cityDivision?.name ?? null);
  const countyDivision = region.code.endsWith('00') ? null : divisionByCode(region.code);
  return { province, city, county: countyDivision ? (city ?? '') + countyDivision.name : null };
}
