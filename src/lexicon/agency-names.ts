/**
 * Official names of agencies and the standard short forms notices print them in. Central bodies
 * from the State Council's list of ministries, commissions and directly affiliated agencies; local
 * departments by the pattern every province, city and county uses (省人力资源社会保障厅 is the
 * 人力资源和社会保障厅 of that province). A name not listed stays as printed.
 */
import { FULL_NAME_OF_FORM } from './central-bodies.js';
import { withoutNationalPrefix } from './agencies.js';

/** Central short form → full official name (generated from the State Council's list: central-bodies.ts). */
export const CENTRAL_FULL_NAMES: Record<string, string> = FULL_NAME_OF_FORM;

/**
 * Local department short form → full form, said after the region (省/市/区/县 or a place name).
 * Longest first when matching: 人力资源社会保障厅 before 社会保障厅.
 */
export const LOCAL_FULL_FORMS: [string, string][] = (
  [
    ['人力资源社会保障厅', '人力资源和社会保障厅'], ['人力资源社会保障局', '人力资源和社会保障局'], ['人社厅', '人力资源和社会保障厅'], ['人社局', '人力资源和社会保障局'],
    ['发展改革委', '发展和改革委员会'], ['发改委', '发展和改革委员会'], ['发展改革局', '发展和改革局'], ['发改局', '发展和改革局'],
    ['住房城乡建设厅', '住房和城乡建设厅'], ['住房城乡建设局', '住房和城乡建设局'], ['住建厅', '住房和城乡建设厅'], ['住建局', '住房和城乡建设局'],
    ['住房城乡建设委', '住房和城乡建设委员会'], ['住房城乡建设管理委', '住房和城乡建设管理委员会'],
    ['卫生健康委', '卫生健康委员会'], ['卫健委', '卫生健康委员会'], ['教委', '教育委员会'], ['科委', '科学技术委员会'], ['经信委', '经济和信息化委员会'],
    ['经济信息化委', '经济和信息化委员会'], ['经信厅', '经济和信息化厅'], ['经信局', '经济和信息化局'], ['工信厅', '工业和信息化厅'], ['工信局', '工业和信息化局'],
    ['工业信息化厅', '工业和信息化厅'], ['工业信息化局', '工业和信息化局'], ['商务委', '商务委员会'], ['交通委', '交通委员会'], ['农业农村委', '农业农村委员会'],
    ['国资委', '国有资产监督管理委员会'], ['民宗委', '民族和宗教事务委员会'], ['民族宗教委', '民族和宗教事务委员会'], ['民委', '民族事务委员会'],
    ['市场监管局', '市场监督管理局'], ['规划资源局', '规划和自然资源局'], ['规划自然资源局', '规划和自然资源局'], ['绿化市容局', '绿化和市容管理局'],
    ['应急局', '应急管理局'], ['医保局', '医疗保障局'], ['退役军人局', '退役军人事务局'], ['退役军人厅', '退役军人事务厅'],
    ['文旅局', '文化和旅游局'], ['文化旅游局', '文化和旅游局'], ['文化旅游厅', '文化和旅游厅'], ['文旅厅', '文化和旅游厅'], ['科技厅', '科学技术厅'], ['科技局', '科学技术局'],
    ['生态环境厅', '生态环境厅'], ['自然资源厅', '自然资源厅'], ['编办', '机构编制委员会办公室'], ['网信办', '网络安全和信息化委员会办公室'],
    ['政府办公厅', '人民政府办公厅'], ['政府办公室', '人民政府办公室'], ['政府办', '人民政府办公室'], ['府办', '人民政府办公室'], ['政府', '人民政府'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

/** The region words a local name may start with instead of the place's name. */
const REGION_WORD = /^(省|市|区|县|州|自治区|自治州|旗)(?![长委])/;

/** Where a notice was issued, for resolving 省/市/区… in its issuers' names. */
export interface RegionNames {
  province: string | null;
  /** the city (for a municipality: the municipality itself) */
  city: string | null;
  /** the county or district with its city: 上海市松江区, 宁波市海曙区 */
  county: string | null;
}

/**
 * The full official name of an issuer as printed: 省财政厅 in a Zhejiang notice → 浙江省财政厅,
 * 市交通委 in a Shanghai notice → 上海市交通委员会, 发展改革委 → 国家发展和改革委员会. A printed
 * name the lexicon does not know and that names no region word stays as printed.
 */
export function officialName(printed: string, region: RegionNames): string {
  const name = printed.replace(/\s+/g, '');
  const central = CENTRAL_FULL_NAMES[withoutNationalPrefix(name)];
  if (central) return central;
  const word = REGION_WORD.exec(name)?.[1];
  const place = word ? placeFor(word, region) : null;
  const rest = place ? name.slice(word!.length) : name;
  const prefix = place ?? '';
  for (const [short, full] of LOCAL_FULL_FORMS) {
    if (rest.endsWith(short) && !rest.endsWith(full)) return prefix + rest.slice(0, rest.length - short.length) + full;
  }
  return prefix + rest;
}

function placeFor(word: string, region: RegionNames): string | null {
  if (word === '省' || word === '自治区') return region.province && region.province.endsWith(word) ? region.province : null;
  if (word === '市') return region.city;
  if (word === '区' || word === '县' || word === '旗') return region.county;
  return null;
}
