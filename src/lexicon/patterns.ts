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
