import { PROVINCES } from './regions.js';

/** Central (national) bodies as they sign notices, long and short forms. */
export const CENTRAL_AGENCIES = [
  '中共中央办公厅', '国务院办公厅', '中共中央', '国务院', '全国人大常委会',
  '人力资源和社会保障部', '人力资源社会保障部', '国家发展和改革委员会', '国家发展改革委', '发展改革委', '财政部', '农业农村部',
  '国家乡村振兴局', '国务院扶贫办', '教育部', '民政部', '商务部', '工业和信息化部', '住房和城乡建设部', '住房城乡建设部',
  '交通运输部', '水利部', '国家卫生健康委员会', '国家卫生健康委', '卫生健康委', '退役军人事务部', '应急管理部', '生态环境部',
  '自然资源部', '科学技术部', '科技部', '公安部', '司法部', '文化和旅游部', '外交部', '国防部', '国家民委', '审计署',
  '国务院国资委', '国资委', '市场监管总局', '国家市场监督管理总局', '国家税务总局', '税务总局', '海关总署', '中国人民银行',
  '人民银行', '国家统计局', '国家医保局', '国家医疗保障局', '国家能源局', '国家林草局', '国家知识产权局', '国家移民局',
  '国家中医药局', '国家疾控局', '国家药监局', '国家邮政局', '中国气象局', '国家铁路局', '中国民航局', '民航局',
  '银保监会', '证监会', '金融监管总局', '全国总工会', '共青团中央', '全国妇联', '中国残联', '中国科协', '全国工商联',
  '中央组织部', '中央宣传部', '中央网信办', '中央编办', '国家广电总局', '体育总局', '国家体育总局', '国家粮食和储备局',
  '国家网信办', '国家数据局', '国家消防救援局', '国家矿山安监局', '国家文物局', '国家外汇局', '国家烟草专卖局',
].sort((a, b) => b.length - a.length);

/**
 * Splits a run of agency names printed without separators (a title's issuer prefix, a wrapped
 * signature block) into names. Local names split at each repetition of their region prefix
 * (山东省…厅山东省…局, 广州市…局广州市…局); central names by the lexicon. Text the lexicon does not
 * know stays whole: splitting at every 会 or 部 would cut 社会 and 内部 apart.
 */
export function splitAgencies(run: string): string[] {
  return separatedParts(run).flatMap(splitRun);
}

/**
 * Names printed with separators: 、，； always, spaces only when every part is a name of its own
 * (`重庆市粮食局 重庆市财政局`), not a header spaced out letter by letter (`广 东 省 财 政 厅`).
 */
function separatedParts(run: string): string[] {
  const parts = run.split(/[、，,；;]+/).filter((p) => p.trim());
  return parts.flatMap((p) => {
    const words = p.trim().split(/[\s\u3000]+/);
    return words.length > 1 && words.every((w) => w.length >= 3) ? words : [p];
  });
}

function splitRun(run: string): string[] {
  const s = run.replace(/\s+/g, '').replace(/文件$/, '');
  if (!s) return [];
  const lead = PROVINCES.find((p) => s.startsWith(p.name));
  const regionPrefix = lead
    ? (new RegExp(`^${lead.name}(?:[\\u4e00-\\u9fa5]{1,6}?(?:市|区|县|自治州|州|盟|旗))?`).exec(s)?.[0] ?? lead.name)
    : /^[\u4e00-\u9fa5]{1,8}?(?:自治区|自治州|省|市|州|盟|县|区|旗)/.exec(s)?.[0];
  if (regionPrefix) {
    // 上海市松江区…上海市松江区… splits at the district; 山东省…山东省… at the province
    const key = s.indexOf(regionPrefix, regionPrefix.length) > 0 ? regionPrefix : lead?.name;
    if (key && s.indexOf(key, key.length) > 0) return s.split(new RegExp(`(?=${key})`)).filter(Boolean);
    if (lead) return [s];
  }
  const branch = VERTICAL_BRANCH.exec(s);
  if (branch) return [branch[0], ...splitRun(s.slice(branch[0].length))];
  const out: string[] = [];
  let unknown = '';
  let i = 0;
  while (i < s.length) {
    const hit = CENTRAL_AGENCIES.find((a) => s.startsWith(a, i));
    if (hit) {
      if (unknown) out.push(unknown);
      unknown = '';
      out.push(hit);
      i += hit.length;
    } else {
      unknown += s[i];
      i++;
    }
  }
  if (unknown) out.push(unknown);
  return out;
}

/**
 * A local branch of a vertically managed central system is one body, not the central one plus a
 * local one: 国家税务总局江苏省税务局, 中国人民银行上海分行, 国家金融监督管理总局宁波监管局.
 */
const VERTICAL_SYSTEM = /^(?:国家税务总局|国家金融监督管理总局|中国人民银行|国家统计局|国家外汇管理局|中国银保监会|中国证监会|国家邮政局|中国气象局|国家烟草专卖局|国家能源局|国家药品监督管理局|国家矿山安全监察局|国家消防救援局)/;
const VERTICAL_BRANCH = new RegExp(
  VERTICAL_SYSTEM.source +
    `(?:${PROVINCES.map((p) => p.short).join('|')})[\u4e00-\u9fa5]{0,12}?(?:税务局|监管局|分局|分行|支行|营业管理部|调查总队|调查队|分局|管理局|邮政管理局|气象局|专卖局|监管办|监察局|总队|支队)`,
);

/** The local part of a vertically managed branch (江苏省税务局 of 国家税务总局江苏省税务局); other names whole. */
export function localPart(name: string): string {
  const n = name.replace(/\s+/g, '');
  const m = VERTICAL_BRANCH.exec(n);
  return m && m[0] === n ? n.replace(VERTICAL_SYSTEM, '') : n;
}

export function isCentralAgency(name: string): boolean {
  const n = localPart(name);
  return CENTRAL_AGENCIES.some((a) => n === a || n.startsWith(a)) || /^(国家|中共中央|国务院|中央|全国)/.test(n);
}
