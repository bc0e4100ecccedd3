import { DIVISIONS } from './divisions.js';

/** GB/T 2260 provincial-level divisions: full name, short name, one-character abbreviation, code. */
export interface Province {
  name: string;
  short: string;
  abbr: string;
  code: string;
}

export const PROVINCES: Province[] = [
  ['北京市', '北京', '京', '110000'],
  ['天津市', '天津', '津', '120000'],
  ['河北省', '河北', '冀', '130000'],
  ['山西省', '山西', '晋', '140000'],
  ['内蒙古自治区', '内蒙古', '蒙', '150000'],
  ['辽宁省', '辽宁', '辽', '210000'],
  ['吉林省', '吉林', '吉', '220000'],
  ['黑龙江省', '黑龙江', '黑', '230000'],
  ['上海市', '上海', '沪', '310000'],
  ['江苏省', '江苏', '苏', '320000'],
  ['浙江省', '浙江', '浙', '330000'],
  ['安徽省', '安徽', '皖', '340000'],
  ['福建省', '福建', '闽', '350000'],
  ['江西省', '江西', '赣', '360000'],
  ['山东省', '山东', '鲁', '370000'],
  ['河南省', '河南', '豫', '410000'],
  ['湖北省', '湖北', '鄂', '420000'],
  ['湖南省', '湖南', '湘', '430000'],
  ['广东省', '广东', '粤', '440000'],
  ['广西壮族自治区', '广西', '桂', '450000'],
  ['海南省', '海南', '琼', '460000'],
  ['重庆市', '重庆', '渝', '500000'],
  ['四川省', '四川', '川', '510000'],
  ['贵州省', '贵州', '黔', '520000'],
  ['云南省', '云南', '云', '530000'],
  ['西藏自治区', '西藏', '藏', '540000'],
  ['陕西省', '陕西', '陕', '610000'],
  ['甘肃省', '甘肃', '甘', '620000'],
  ['青海省', '青海', '青', '630000'],
  ['宁夏回族自治区', '宁夏', '宁', '640000'],
  ['新疆维吾尔自治区', '新疆', '新', '650000'],
].map(([name, short, abbr, code]) => ({ name, short, abbr, code }));

/** Municipalities are provincial units whose name also reads as a city. */
export const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** The province a name starts with (河北省…, 河北…, 新疆生产建设兵团 → 新疆). */
export function provinceOfName(name: string): Province | null {
  const s = name.replace(/\s+/g, '');
  for (const p of PROVINCES) if (s.startsWith(p.name)) return p;
  for (const p of PROVINCES) if (s.startsWith(p.short)) return p;
  return null;
}

/** 鲁人社字 → 山东省. Ambiguous one-character uses (云 in 云计算) are not a concern in a file-number prefix. */
export function provinceOfAbbreviation(prefix: string): Province | null {
  const first = prefix.replace(/\s+/g, '')[0];
  // 新 and 青 also start national prefixes rarely; 国/中 never map to provinces.
  return PROVINCES.find((p) => p.abbr === first) ?? null;
}

export function provinceByShortOrName(s: string): Province | null {
  const t = s.replace(/\s+/g, '');
  return PROVINCES.find((p) => p.name === t || p.short === t) ?? null;
}

/** A prefecture-level (code ends in 00) or county-level division from GB/T 2260. */
export interface Division {
  code: string;
  name: string;
  kind: 'municipal' | 'county';
  provinceCode: string;
}

let divisions: Division[] | null = null;

/** Parsed on first use: the 3,300 names matter only for notices from below the province. */
export function allDivisions(): Division[] {
  divisions ??= parseDivisions(DIVISIONS);
  return divisions;
}

let byName: Map<string, Division[]> | null = null;
let longestName = 0;

/** The prefixes of `s` at least 2 long and no longer than the longest division name. */
function prefixesOf(s: string): string[] {
  divisionsNamed('');
  const out: string[] = [];
  for (let n = 2; n <= Math.min(s.length, longestName); n++) out.push(s.slice(0, n));
  return out;
}

/** Divisions by name (朝阳区 is in Beijing and in Changchun, so a name maps to a list). */
export function divisionsNamed(name: string): Division[] {
  if (!byName) {
    byName = new Map();
    for (const d of allDivisions()) {
      const same = byName.get(d.name);
      if (same) same.push(d);
      else byName.set(d.name, [d]);
      longestName = Math.max(longestName, d.name.length);
    }
  }
  return byName.get(name) ?? [];
}

/** 济南 → 济南市, 大兴安岭 → 大兴安岭地区: the divisions a table row's short name can stand for. */
export function divisionsForShortName(name: string): Division[] {
  return ['', '市', '地区', '州', '盟', '区', '县', '自治州'].flatMap((suffix) => divisionsNamed(name + suffix));
}

export function parseDivisions(packed: string): Division[] {
  return packed.split('|').map((e) => {
    const code = e.slice(0, 6);
    return { code, name: e.slice(6), kind: code.endsWith('00') ? 'municipal' : 'county', provinceCode: code.slice(0, 2) };
  });
}

/**
 * The city or county a name starts with (`广州市人力资源…` → 广州市, `松江区人民政府…` → 松江区),
 * within a province when one is known; without one, only a name unique in the country counts.
 */
export function divisionAtStart(list: Division[], name: string, province: Province | null): Division | null {
  const s = name.replace(/\s+/g, '');
  const inProvince = (d: Division) => !province || d.provinceCode === province.code.slice(0, 2);
  // the whole list is indexed by name: look the prefixes of the name up instead of testing every division
  const candidates =
    list === allDivisions()
      ? prefixesOf(s).flatMap((prefix) => divisionsNamed(prefix)).filter(inProvince)
      : list.filter((d) => s.startsWith(d.name) && d.name.length >= 2 && inProvince(d));
  if (!candidates.length) return null;
  const longest = Math.max(...candidates.map((d) => d.name.length));
  const best = candidates.filter((d) => d.name.length === longest);
  return best.length === 1 ? best[0] : null;
}

export function provinceByCode(code: string): Province | null {
  return PROVINCES.find((p) => p.code.startsWith(code.slice(0, 2))) ?? null;
}
