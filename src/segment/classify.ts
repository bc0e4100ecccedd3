import { ANNOUNCEMENT_NUMBER, DATE, DATE_LINE, FILE_NUMBER, PAGE_CHROME, TITLE_END, YEAR_FIRST_FILE_NUMBER } from '../lexicon/patterns.js';
import type { Line } from './lines.js';

/** What a single line looks like, before any context is applied. */
export type LineKind =
  | 'blank'
  | 'fileNumber' // 人社部发〔2022〕13号 alone on its line
  | 'issuerMark' // 广东省财政厅文件 / 文件
  | 'date' // 2022年4月21日
  | 'printed' // 2022年3月18日印发 (版记)
  | 'disclosure' // （此件主动公开） / 公开方式：主动公开
  | 'contactNote' // （联系单位：…）
  | 'attachmentNote' // 附件：1.…
  | 'annexHeading' // 附件 / 附件1 / 附件 2：
  | 'copyTo' // 抄送：
  | 'section' // 一、
  | 'clause' // （一）
  | 'tableRow' // cells separated by tabs
  | 'agency' // a short line that names an organisation
  | 'noise' // web-page chrome: breadcrumbs, 打印本页, 扫一扫 …
  | 'meta' // a policy page's metadata block: 发文机关：… 成文日期：… 发文字号：…
  | 'text';

/**
 * The metadata block government policy pages print above a notice (gov.cn: 索引号, 发文机关, 成文日期 …),
 * and the fields law databases print (发文标题, 发文文号, 发文部门, 颁布时间 …). A scraped table keeps its
 * cell borders (`索引号 | …`) or a list bullet (`- 发文字号:…`), and often several fields on one line.
 */
export const META_KEYS = [
  '索引号', '主题分类', '主题词', '信息分类', '组配分类', '公文种类', '法规类型', '所属行业', '所属区域',
  '发文机关', '发文单位', '发布机构', '发文部门', '颁布部门',
  '成文日期', '发布日期', '发布时间', '生成日期', '发文日期', '发文时间', '颁布时间', '生效日期', '生效时间', '实施时间', '废止日期', '废止时间', '失效时间',
  '施行日期', '实施日期', '公布日期', '失效日期', '效力级别',
  '发文标题', '法规标题', '标题', '名称', '发文字号', '发文文号', '文书编号', '文号',
  '来源', '信息来源', '法规来源', '有效性', '时效性', '关键词', '内容概述',
];
export const META_KEY = new RegExp(`^[-•·●▪*]*(${META_KEYS.join('|')})[：:|｜]\\s*(.*)$`);

/** A line whose only pipe is a table border at its end, after a space. */
/** Text, then one or more scraped table borders, each after a space (`…的通知 |`, `…的决定 | |`: nested cells). */
const LONE_BORDER = /^[^|｜]+(?:\s[|｜])+$/;
const TRAILING_BORDERS = /(?:\s*[|｜])+$/;

/** A line without a scraped table's right borders after its text (`…的通知 |`, `一九八七年三月七日 |`). */
export const withoutLoneBorder = (line: string): string => (LONE_BORDER.test(line.trimEnd()) ? line.trimEnd().replace(TRAILING_BORDERS, '') : line);

/** A document-sharing site's blurb about the file (《….docx》由会员分享，可在线阅读…请在…上搜索。): page matter, however long. */
const DOC_SITE = /由会员分享|可在线阅读，更多相关|请在\S{1,12}上搜索。?$/;

/**
 * Keys that name a notice's own particulars. A scraped metadata table that lost its colons and cell
 * borders (normalising removes the spaces between Chinese characters too) reads `发布机构自治区人民政府文号内政发〔2013〕62号`:
 * only these keys, which no sentence or title starts with, are read there.
 */
const PARTICULAR_KEYS = [
  '索引号', '主题分类', '发布机构', '发文机关', '成文日期', '发布日期', '发文日期', '施行日期', '实施日期', '生效日期', '公布日期',
  '发文字号', '文号', '时效性', '效力级别',
];
/** Keys whose value is a word of a short vocabulary (时效性现行有效, 效力级别国务院规范性文件), not a date or number. */
const WORD_VALUED_KEYS = new Set(['时效性', '效力级别']);
const BARE_FIELD = new RegExp(`(${PARTICULAR_KEYS.join('|')})(?![：:|｜])`, 'g');
const BARE_FIELD_AT_START = new RegExp(`^\\s*(?:${PARTICULAR_KEYS.join('|')})(?![：:|｜])`);
const DATE_OR_NUMBER = new RegExp(`^(${DATE.source}|\\d{4}-\\d{2}-\\d{2}|${FILE_NUMBER.source})$`);

/**
 * A metadata row printed without colons: it starts with a particular's key and either holds another
 * (`索引号主题分类综合政务\其他`, `发布机构自治区人民政府文号内政发〔2013〕62号`) or is a date or a
 * 发文字号 after its key (`成文日期2013-07-02`, `施行日期1986年07月07日`), or a short word after a key
 * that takes one (`时效性现行有效`). A sentence is never one.
 */
export function isBareMeta(t: string): boolean {
  // the first key must stand where the line starts: tried there alone first (most lines start with
  // none), the same answer as the leftmost of all its keys being at the first non-space character
  if (t.length > 160 || !BARE_FIELD_AT_START.test(t) || /[。；，：:]/.test(t)) return false;
  const keys = bareFields(t);
  if (keys.length >= 2) return true;
  const value = t.slice(keys[0].valueAt).replace(/\s+/g, '');
  return DATE_OR_NUMBER.test(value) || (WORD_VALUED_KEYS.has(keys[0].key) && value.length <= 16);
}

/** The keys of a colon-less metadata row, where each starts and where its value starts. */
export function bareFields(t: string): { key: string; at: number; valueAt: number }[] {
  return [...t.matchAll(BARE_FIELD)].map((m) => ({ key: m[1], at: m.index, valueAt: m.index + m[1].length }));
}

const FILE_NUMBER_AT_START = new RegExp(FILE_NUMBER.source, 'y');
const DATE_ANYWHERE = new RegExp(DATE_LINE.source.slice(1, -1));

/** An annex heading alone on its line: 附件, 附件1, 附件 2：, 附件1., 附件一 */
export const ANNEX_HEADING = /^附件([\d]+|[一二三四五六七八九十]{1,3})?[：:.．、]?$/;

export const SECTION_MARK = /^([一二三四五六七八九十百]+)、|^第([一二三四五六七八九十百]+)章/;
export const CLAUSE_MARK = /^（([一二三四五六七八九十百]+)）|^第([一二三四五六七八九十百]+)条(?![^\s（]{0,3}[，。；])/;
// 海关: the customs districts sign by their own name (中华人民共和国上海海关, 上海海关), the
// 直属海关 under 海关总署 (国务院直属机构) that co-sign local notices on trade and ports.
export const AGENCY_SUFFIX =
  /(厅|局|委员会|委|部|办公室|办公厅|人民政府|政府|中心|院|署|行|社|会|办|处|室|所|组|团|队|站|馆|公司|总局|集团|法院|检察院|联合会|工会|办事处|管委会|海关)$/;

export function classifyLine(line: Line): LineKind {
  const raw = line.text.trimEnd();
  // a scraped table's right border left after the cell's text (`一九八七年三月七日 |`)
  const t = endsWithBorder(raw) && LONE_BORDER.test(raw) ? raw.replace(TRAILING_BORDERS, '') : raw;
  if (t.trim() === '') return 'blank';
  if (t === '') return 'blank';
  const flat = t.replace(/\s+/g, '');
  // a PDF text layer puts tabs between the pieces of one element (`国防部发〔2012〕21\t号`)
  if (isFileNumberLine(flat)) return 'fileNumber';
  if (flat.endsWith('印发') && DATE_ANYWHERE.test(flat)) return 'printed';
  // a law database prints the 成文日期 in brackets under the title: （一九八五年十一月二十五日）
  if (mayBeDate(flat) && (DATE_LINE.test(flat) || (flat.startsWith('（') && flat.endsWith('）') && DATE_LINE.test(flat.slice(1, -1))))) return 'date';
  if (t.includes('\t') && t.split('\t').filter((c) => c.trim() !== '').length >= 2) return 'tableRow';
  if (flat.length <= 80 && PAGE_CHROME.test(t)) return 'noise';
  if (flat.length <= 160 && META_KEY.test(flat)) return 'meta';
  if (isDocSiteBlurb(t) || isBareMeta(t)) return 'meta';
  if (flat.endsWith('文件') && /^(.{0,30}?)文件$/.test(flat) && !/[，。；：]/.test(flat)) return 'issuerMark';
  if (isOrderMark(flat)) return 'issuerMark';
  if (/^（此件.{0,12}公开）$|^（此件.{0,10}发布）$|^(信息)?公开(方式|属性|选项|类型)：/.test(flat)) return 'disclosure';
  if (/^（联系(单位|人|电话)/.test(flat)) return 'contactNote';
  // `附件：` alone introduces the 附件说明 list on the next lines; an annex itself is headed 附件 / 附件1
  if (/^附件[：:]$/.test(flat)) return 'attachmentNote';
  if (ANNEX_HEADING.test(flat)) return 'annexHeading';
  if (/^附件[：:]\S/.test(flat)) return 'attachmentNote';
  if (/^抄送[：:]/.test(flat)) return 'copyTo';
  if (SECTION_MARK.test(flat)) return 'section';
  if (CLAUSE_MARK.test(flat)) return 'clause';
  if (isAgencyLine(withoutSeal(flat.replace(GLUED_CLOSING, '')))) return 'agency';
  return 'text';
}

const endsWithBorder = (s: string) => s.endsWith('|') || s.endsWith('｜');

/** Every date form holds 年 or a separator of an ISO-like date (2013-07-02, 2013.7.2, 2013/7/2). */
const mayBeDate = (flat: string) => flat.includes('年') || flat.includes('-') || flat.includes('.') || flat.includes('/');

/** DOC_SITE, tried only on a line holding one of its words (its 请在…上搜索 form ends in 上搜索 or 上搜索。). */
const isDocSiteBlurb = (t: string) => (t.includes('由会员分享') || t.includes('可在线阅读，更多相关') || t.includes('上搜索')) && DOC_SITE.test(t);

/** The line without a seal placeholder at its end (SEAL_AFTER ends in a closing bracket: tried only then). */
const withoutSeal = (flat: string) => (flat.endsWith('）') || flat.endsWith(')') ? flat.replace(SEAL_AFTER, '') : flat);

/**
 * A line that is only a 发文字号: bare, in brackets below the title as web copies print it
 * (`（浙价费〔2007〕136号）`), or with 签发人 on the same line as upward documents do (GB/T 9704 7.2.4).
 */
function isFileNumberLine(flat: string): boolean {
  // every form below ends in 号: most lines skip the patterns
  if (!flat.includes('号')) return false;
  const inner = /^[（(]([^（()）]+)[）)]$/.exec(flat)?.[1] ?? flat;
  // only a 发文字号 at the start counts: try it there alone (the same match as the leftmost one
  // when it exists, without scanning every later position)
  FILE_NUMBER_AT_START.lastIndex = 0;
  const fn = FILE_NUMBER_AT_START.exec(inner);
  if (fn && fn.index === 0 && (fn[0].length === inner.length || /^签发人[：:]/.test(inner.slice(fn[0].length)))) return true;
  if (FILE_NUMBER_PLACEHOLDER.test(inner)) return true;
  if (YEAR_FIRST_LINE.test(inner)) return true;
  if (isOrderNumber(inner)) return true;
  ANNOUNCEMENT_NUMBER.lastIndex = 0;
  const an = ANNOUNCEMENT_NUMBER.exec(inner);
  return !!an && an.index === 0 && an[0].replace(/\s+/g, '').length === inner.length;
}

/**
 * The 发文机关标志 of an order (GB/T 9704-2012 10.2, 命令（令）格式): the issuing body's full name and
 * 令 or 命令 — 河北省人民政府令, 中华人民共和国国务院令, 中华人民共和国财政部令, 中华人民共和国主席令.
 */
export function isOrderMark(flat: string): boolean {
  if (!flat.endsWith('令')) return false;
  const m = ORDER_MARK.exec(flat);
  return !!m && (isAgencyLine(m[1]) || /^(中华人民共和国)?主席$/.test(m[1]));
}
const ORDER_MARK = /^([\u4e00-\u9fa5]{2,30}?)(?:命令|令)$/;

/**
 * An order's number on its own line below the mark (GB/T 9704-2012 10.2.2, 令号): 第15号, or with
 * the year as some provinces print it, 〔2010〕第15号; web copies run the mark into it
 * (上海市人民政府令第25号), or bracket the number after the mark (湖北省人民政府令（第52号）); the 主席令 counts in Chinese numerals (第八十四号), and some copies
 * name the term it counts in (主席令（九届第37号）). Groups: mark, year, serial. Orders are numbered per term of office, not per
 * year, so the bare form has no year.
 */
export const ORDER_NUMBER = /^([\u4e00-\u9fa5]{2,30}?(?:命令|令))?\s*[（(]?\s*(?:[〔［\[（(﹝](\d{4})[〕］\]）)﹞])?(?:[一二三四五六七八九十]{1,3}届)?第\s*(\d{1,5}|[一二三四五六七八九十百千零〇]{1,8})\s*号[）)]?$/;

/** A line that is only an order's number, with or without its mark before it (上海市人民政府令第25号). */
export function isOrderNumber(flat: string): boolean {
  const m = ORDER_NUMBER.exec(flat);
  return !!m && (!m[1] || isOrderMark(m[1]));
}

/** A line that is only an old-style 发文字号, the year first: `（87）国发12号`. */
const YEAR_FIRST_LINE = new RegExp(`^(?:${YEAR_FIRST_FILE_NUMBER.source})$`);

/** A template's placeholder 发文字号, `XXX〔2023〕X号`, `X人社发〔20XX〕X号`: header, not title. */
const FILE_NUMBER_PLACEHOLDER = /^[\u4e00-\u9fa5A-Za-zＸｘ]{1,14}[〔[［【（(﹝〖][\dXxＸｘ]{2,4}[〕\]］】）)﹞〗]第?[\dXxＸｘ]{1,5}号$/;

/**
 * 特此通知 glued to the signature that follows it (a copy that lost the line break):
 * `特此通知。市交通委员会` is the closing formula, then the first signing body.
 */
export const GLUED_CLOSING = /^特此(通知|通告|公告|函告|批复|函复|报告|决定)[。．.！!]?\s*/;

/** （印章） / （盖章） placeholders in a signature block. */
export const SEAL = /^（?(印章|盖章|章|签章)）?$/;
/** The same placeholder after the signing body on its line: `长沙市人民政府办公厅（盖章）`. */
export const SEAL_AFTER = /[（(](?:印章|盖章|公章|章|签章)[）)]$/;
/** Every such placeholder of a line that prints several bodies side by side (never part of a name). */
export const SEAL_MARKS = /[（(](?:印章|盖章|公章|章|签章)[）)]/g;

export function isAgencyLine(flat: string): boolean {
  if (flat.includes('、') && flat.length <= 60) return flat.split('、').every((part) => isAgencyLine(part));
  // a template's placeholder place name counts as one (XX省数据安全厅, ××市人民政府)
  return flat.length >= 3 && flat.length <= 40 && /^(?:[XxＸｘ×]{1,4})?[\u4e00-\u9fa5（）]+$/.test(flat) && AGENCY_SUFFIX.test(flat);
}

/** A line that could end a title: ends with a document-type word and is not a sentence. */
export function endsTitle(flat: string): boolean {
  // a web copy may print the title as a book title, 《…的通知》, alone on its line
  flat = /^《(.+)》$/.exec(flat)?.[1] ?? flat;
  return TITLE_END.test(flat) && !/[。；]/.test(flat) && !/^(特此|现将|各|附件)/.test(flat) && flat.length <= 120;
}
