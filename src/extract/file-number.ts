import type { FileNumber } from '../../schemas/notice.js';
import { ANNOUNCEMENT_NUMBER, DATE, FILE_NUMBER, parseDate, YEAR_FIRST_FILE_NUMBER } from '../lexicon/patterns.js';
import { chineseToInt } from '../lexicon/numerals.js';
import { isOrderMark, isOrderNumber, ORDER_NUMBER } from '../segment/classify.js';
import { lineText } from '../segment/lines.js';
import { metadataSpan, spanAt, type DocumentContext } from './context.js';

const LEADING_WORDS = /^(根据|按照|依据|依照|参照|落实|执行|贯彻|详见|见|和|及|与|或|并|的|文号|字号|发文字号)+/;

/** Parses one 发文字号 match into its parts; `人社部发[2022]13号` → `人社部发〔2022〕13号`. */
export function parseFileNumber(m: RegExpExecArray): Omit<FileNumber, 'span'> {
  const prefix = trimPrefix(m[1].replace(LEADING_WORDS, '') || m[1]);
  const year = Number(m[2]);
  const serial = Number(m[3]);
  return { raw: m[0].slice(m[1].length - prefix.length), normalized: `${prefix}〔${year}〕${serial}号`, prefix, year, serial };
}

/**
 * Prefixes are short (人社部发, 沪公积金管委会). A long one swallowed the text before it — in
 * run-on text, the agency names of the header: keep what follows the last agency name.
 */
function trimPrefix(prefix: string): string {
  if (prefix.length <= 8) return prefix;
  const m = /^.*(?:厅|局|委员会|政府|办公室|文件|通知|号)(.{2,8})$/.exec(prefix);
  return m ? m[1] : prefix.slice(-8);
}

/** The patterns read with exec from lastIndex 0 to the end: compiled once, reset before each scan. */
const FILE_NUMBERS = new RegExp(FILE_NUMBER.source, 'g');
const YEAR_FIRST_FILE_NUMBERS = new RegExp(YEAR_FIRST_FILE_NUMBER.source, 'g');
const ANNOUNCEMENT_NUMBERS = new RegExp(ANNOUNCEMENT_NUMBER.source, 'g');

/** Every 发文字号 in a string, with the index where each starts. */
export function findFileNumbers(s: string): { index: number; value: Omit<FileNumber, 'span'> }[] {
  const out: { index: number; value: Omit<FileNumber, 'span'> }[] = [];
  // every pattern below ends in 号: a paragraph without one skips them (most of a notice's paragraphs)
  if (!s.includes('号')) return out;
  const re = FILE_NUMBERS;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const value = parseFileNumber(m);
    out.push({ index: m.index + (m[0].length - value.raw.length), value });
  }
  if (out.length) return out;
  const yearFirst = YEAR_FIRST_FILE_NUMBERS;
  yearFirst.lastIndex = 0;
  for (let m = yearFirst.exec(s); m; m = yearFirst.exec(s)) out.push({ index: m.index, value: parseYearFirst(m) });
  if (out.length) return out;
  const announcements = ANNOUNCEMENT_NUMBERS;
  announcements.lastIndex = 0;
  for (let m = announcements.exec(s); m; m = announcements.exec(s)) out.push({ index: m.index, value: parseAnnouncementNumber(m) });
  return out;
}

/** `（87）国发12号` → `国发〔1987〕12号`: the year first, in two digits, as numbers were printed until about 1990. */
function parseYearFirst(m: RegExpExecArray): Omit<FileNumber, 'span'> {
  const prefix = m[2];
  const year = 1900 + Number(m[1]);
  const serial = Number(m[3]);
  return { raw: m[0], normalized: `${prefix}〔${year}〕${serial}号`, prefix, year, serial };
}

/** `财政部 税务总局公告2023年第61号` → normalized `财政部税务总局公告2023年第61号` (no brackets were printed). */
function parseAnnouncementNumber(m: RegExpExecArray): Omit<FileNumber, 'span'> {
  const prefix = m[1].replace(/\s+/g, '');
  const year = Number(m[2]);
  const serial = Number(m[3]);
  return { raw: m[0], normalized: `${prefix}${year}年第${serial}号`, prefix, year, serial };
}

/**
 * An order's 令号 under its mark: 第15号 below 河北省人民政府令 is cited as 河北省人民政府令第15号, the
 * mark being the prefix. An order numbered without a year (the usual form) takes the year it was
 * signed — the first date of its header or closing — so that `year` stays a number.
 */
function orderNumber(ctx: DocumentContext, line: string): { index: number; value: Omit<FileNumber, 'span'> } | null {
  const flat = line.replace(/\s+/g, '');
  const inner = /^[（(]([^（()）]+)[）)]$/.exec(flat)?.[1] ?? flat;
  const m = isOrderNumber(inner) ? ORDER_NUMBER.exec(inner) : null;
  const mark = m?.[1] ?? ctx.lines.slice(0, 40).find((l) => l.kind === 'issuerMark' && isOrderMark(l.flat))?.flat;
  if (!m || !mark) return null;
  const year = m[2] ? Number(m[2]) : signingYear(ctx);
  if (year === null) return null;
  const serial = /^\d+$/.test(m[3]) ? Number(m[3]) : chineseToInt(m[3]);
  if (!serial) return null;
  const index = line.search(/\S/);
  const raw = line.trim();
  return { index, value: { raw, normalized: `${mark}${m[2] ? `〔${year}〕` : ''}第${m[3]}号`, prefix: mark, year, serial } };
}

/** The year of the first date line of a document (an order's 成文日期 under its signature). */
function signingYear(ctx: DocumentContext): number | null {
  for (const l of ctx.lines) {
    if (l.kind !== 'date') continue;
    const m = new RegExp(DATE.source).exec(l.flat);
    const date = m && parseDate(m);
    if (date) return Number(date.slice(0, 4));
  }
  return null;
}

/**
 * The document's own 发文字号: the standalone line in the header (above or below the title), else
 * the scraper's front matter (文号), else none. Numbers in the body are references, not this.
 */
export function extractFileNumber(ctx: DocumentContext): FileNumber | null {
  const candidates = [...ctx.zones.header, ...ctx.lines.slice(0, 40)].filter((l) => l.kind === 'fileNumber');
  for (const line of candidates) {
    const t = lineText(ctx.text, line);
    const hit = findFileNumbers(t.value)[0] ?? orderNumber(ctx, t.value);
    if (hit) {
      const start = t.map[hit.index];
      const end = t.map[hit.index + hit.value.raw.length - 1] + 1;
      return { ...hit.value, raw: ctx.source.text.slice(start, end), span: spanAt(ctx, t, hit.index) };
    }
  }
  const fm = ctx.frontMatter;
  const key = ['发文字号', '文号'].find((k) => fm?.fields[k]);
  if (fm && key && ctx.documentIndex === 0) {
    const hit = findFileNumbers(fm.fields[key])[0];
    if (hit) return { ...hit.value, span: metadataSpan(ctx, key) };
  }
  return null;
}
