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

let byCode: Map<string, Division> | null = null;

/** A prefecture- or county-level division by its six-digit code. */
export function divisionByCode(code: string): Division | null {
  if (!byCode) byCode = new Map(allDivisions().map((d) => [d.code, d]));
  return byCode.get(code) ?? null;
}

/**
 * The division's name with the names above it, as a reader outside the province needs it:
 * 浙江省宁波市, 上海市徐汇区 (a municipality has no city level), 浙江省宁波市海曙区.
 */
export function fullDivisionName(d: Division): string {
  const province = provinceByCode(d.code);
  const city = d.kind === 'county' ? divisionByCode(d.code.slice(0, 4) + '00') : null;
  return (province?.name ?? '') + (city?.name ?? '') + d.name;
}

/**
 * Cities whose standard one-character abbreviation starts their file numbers (甬政办发 is
 * Ningbo's). Only abbreviations no province and no other common city uses: 宁 (宁夏/南京),
 * 青 (青海/青岛), 长 (长春/长沙), 嘉 (嘉兴/嘉定区) are left to the issuers.
 */
export const CITY_ABBREVIATIONS: Record<string, string> = {
  甬: '330200', 杭: '330100', 温: '330300', 绍: '330600', 舟: '330900', 衢: '330800',
  穗: '440100', 深: '440300', 珠: '440400', 汕: '440500', 佛: '440600', 莞: '441900', 湛: '440800',
  厦: '350200', 榕: '350100', 泉: '350500', 漳: '350600', 莆: '350300',
  蓉: '510100', 邕: '450100', 筑: '520100', 昆: '530100', 并: '140100', 郑: '410100', 洛: '410300', 汴: '410200',
  哈: '230100', 沈: '210100', 兰: '620100', 乌: '650100', 呼: '150100', 石: '130100', 唐: '130200', 秦: '130300', 廊: '131000',
  济: '370100', 烟: '370600', 潍: '370700', 淄: '370300', 威: '371000', 芜: '340200', 蚌: '340300', 合: '340100',
  洪: '360100', 株: '430200', 潭: '430300', 岳: '430600', 衡: '430400', 襄: '420600',
  锡: '320200', 徐: '320300', 扬: '321000', 盐: '320900',
};

export function provinceByCode(code: string): Province | null {
  return PROVINCES.find((p) => p.code.startsWith(code.slice(0, 2))) ?? null;
}
