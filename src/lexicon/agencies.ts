import { FORMER_BODIES, FULL_NAME_OF_FORM, NATIONAL_PREFIX } from './central-bodies.js';
import { PROVINCES } from './regions.js';

/** Short forms two former bodies shared (国家计委): central, but which body depends on the year. */
const AMBIGUOUS_FORMER_FORMS = FORMER_BODIES.flatMap((b) => b.short).filter((f) => !(f in FULL_NAME_OF_FORM));

/** 中华人民共和国住房和城乡建设部 → 住房和城乡建设部 (the state's name before a central body). */
export const withoutNationalPrefix = (name: string): string => (name.startsWith(NATIONAL_PREFIX) && name.length > NATIONAL_PREFIX.length + 1 ? name.slice(NATIONAL_PREFIX.length) : name);

/**
 * Central (national) bodies as they sign notices, full and short forms, current and former:
 * generated from the State Council's own list (src/lexicon/central-bodies.ts, which names its
 * sources). Longest first, so 国家发展和改革委员会 wins over 发展改革委 when a run is split.
 */
export const CENTRAL_AGENCIES = Object.keys(FULL_NAME_OF_FORM)
  .concat(AMBIGUOUS_FORMER_FORMS)
  .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

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
    const prefixed = s.startsWith(NATIONAL_PREFIX, i) ? NATIONAL_PREFIX.length : 0;
    const body = CENTRAL_AGENCIES.find((a) => s.startsWith(a, i + prefixed));
    const hit = body ? s.slice(i, i + prefixed) + body : undefined;
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
  const n = withoutNationalPrefix(localPart(name));
  return CENTRAL_AGENCIES.some((a) => n === a || n.startsWith(a)) || /^(国家|中共中央|国务院|中央|全国)/.test(n);
}
