// Sources: GB/T 9704-2012 《党政机关公文格式》 (发文字号 with 〔〕, 成文日期, 版记 印发 line) and the
// 《党政机关公文处理工作条例》 (2012) list of 15 文种 (DOC_TYPES), plus the regulatory forms (办法, 规定,
// 细则 …) notices publish. Edit here by hand; no generator.
import { chineseDigitsToInt, chineseToInt } from './numerals.js';

/** Document-type words a title ends with (GB/T 9704 文种 and the usual regulatory forms). */
export const DOC_TYPES = [
  '通知', '通报', '意见', '决定', '决议', '命令', '公报', '公告', '通告', '报告', '请示', '批复', '议案', '函', '纪要',
  '办法', '方案', '规定', '细则', '指南', '规划', '要点', '计划', '条例', '规则', '措施', '标准', '目录', '清单',
];
export const TITLE_END = new RegExp(`(${DOC_TYPES.join('|')})(（[^）]{1,20}）)?$`);

// web copies type the 〇 of a year as the letter O or the digit 0 (二OO三年, 二0一三年)
const CN_DIGIT = '零〇○ＯOo0一二三四五六七八九';
const CN_SMALL = '一二三四五六七八九十';
/** Any written date; groups: arabic y/m/d, chinese y/m/d, iso y/m/d. */
export const DATE = new RegExp(
  `(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日` +
    `|([${CN_DIGIT}]{4})\\s*年\\s*([${CN_SMALL}]{1,3})\\s*月\\s*([${CN_SMALL}]{1,3})\\s*日` +
    `|(?<![\\d.])((?:19|20)\\d{2})[-./](\\d{1,2})[-./](\\d{1,2})(?![\\d.])`,
  'g',
);

export function parseDate(m: RegExpExecArray): string | null {
  let y: number | null;
  let mo: number | null;
  let d: number | null;
  if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (m[4]) [y, mo, d] = [chineseDigitsToInt(m[4]), chineseToInt(m[5]), chineseToInt(m[6])];
  else [y, mo, d] = [Number(m[7]), Number(m[8]), Number(m[9])];
  if (!y || !mo || !d || mo > 12 || d > 31 || y < 1949 || y > 2100) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is only a date (成文日期 / 印发日期 lines). */
export const DATE_LINE = new RegExp(`^(${DATE.source})$`);

/** 发文字号: prefix, 〔year〕, serial, 号 — any of the bracket forms printers use. */
export const FILE_NUMBER = /([\u4e00-\u9fa5]{1,14})\s*[〔[［【（(﹝〖]\s*((?:19|20)\d{2})\s*[〕\]］】）)﹞〗]\s*第?\s*(\d{1,5})\s*号/g;

/**
 * A 发文字号 in the form used until about 1990, the year first in two digits: `（87）国发12号`,
 * `(85)财税字第12号`; groups: year (two digits, 19xx), prefix, serial.
 */
export const YEAR_FIRST_FILE_NUMBER = /[（(]\s*([4-9]\d)\s*[）)]\s*([\u4e00-\u9fa5]{1,12}?)\s*第?\s*(\d{1,5})\s*号/g;

/**
 * The number of a 公告 or 令 printed without brackets: `国家税务总局公告2023年第1号`,
 * `财政部 税务总局公告2023年第61号`; groups: issuer and kind, year, serial.
 */
export const ANNOUNCEMENT_NUMBER = /([\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{0,30}?(?:公告|令))\s*((?:19|20)\d{2})\s*年\s*第\s*(\d{1,5})\s*号/g;

/**
 * Web-page chrome that scrapers keep around a notice: breadcrumbs, 打印本页, 扫一扫, a repost's 来源/作者
 * line (a line of at most ~80 characters; the segmenter calls it noise, reline reads past it).
 */
export const PAGE_CHROME =
  /^(\S{1,12}\s*[>＞»]\s*){2,}\S{1,16}$|首页\s*[>＞»]|当前位置[:：]|打印本页|关闭窗口|【(打印|关闭|字号|大|中|小)】|扫一扫|浏览次数|点击[数量率]|字号[:：]\s*[大中小]|版权所有|网站标识码|ICP备|分享到|返回顶部|^(上|下)一篇[:：]|^【?(纠错|收藏|关闭|打印)】?$|下载地址[:：]|下载本文|^[•·\s]*(设为首页|加入收藏|无障碍阅读|长者版|简体版|繁体版)$|(来源|作者)[:：].{0,40}(作者|来源|阅读|浏览)[:：]?|^[|｜\s]+$|^[【\[]?(责任编辑|责编|编辑|审核|校对|初审|复审|终审)[:：][^，。；]{1,12}[】\]]?$/;
