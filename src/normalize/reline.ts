import { chineseToInt } from '../lexicon/numerals.js';
import { DATE, DOC_TYPES, FILE_NUMBER, PAGE_CHROME, TITLE_END } from '../lexicon/patterns.js';
import { isCentralAgency, splitAgencies } from '../lexicon/agencies.js';
import { allDivisions, divisionAtStart, provinceOfName } from '../lexicon/regions.js';
import { applyEdits, type Edit, type Text } from './offsets.js';

// 支队/大队 and 所 sign too: a traffic police 通告 (…交通警察支队), a 派出所's notice
const AGENCY_END = /(厅|局|委员会|委|部|办公室|办公厅|人民政府|政府|中心|办|署|行|队|所)$/;

/** A name that may sign a notice: an agency's form of name (…厅, …局, …人民政府), or a central body (国务院). */
const isSigningBody = (name: string): boolean => (AGENCY_END.test(name) && name.length >= 3) || isCentralAgency(name);

/** A first line this long holding several numbered items is a whole notice run together. */
const RUN_ON_HEAD = 800;
/**
 * A first line at least this long that opens with a title glued to its 发文字号 (…的通知国办发〔1996〕2号)
 * is a whole notice run together too, numbered or not: a 批复 or a short 通知 has no 一、 to count.
 */
const RUN_ON_TITLED_HEAD = 150;
/**
 * 一、 and （一） in one pass, in the order they stand. The two kinds never overlap (a section mark
 * holds no （, a clause mark's numeral is followed by ）, not 、), so this finds what a pass per kind
 * found, without building, filtering and sorting two lists per line.
 */
const MARKER = /([一二三四五六七八九十]{1,3})、|（([一二三四五六七八九十]{1,3})）/g;
const LINE_SECTION = /^[ \u3000]*([一二三四五六七八九十]{1,3})、/;
const LINE_CLAUSE = /^[ \u3000]*（([一二三四五六七八九十]{1,3})）/;
/** What may stand right before a numbered item that starts a new line of its own. */
const BOUNDARY = /^[。；：！？”」）!?;:]$/;
/** The first 发文字号 of a text (FILE_NUMBER without its global flag: no lastIndex to reset, compiled once). */
const FIRST_FILE_NUMBER = new RegExp(FILE_NUMBER.source);
/** What may follow a date that ends the body of a run-on notice. */
const AFTER_DATE = /[\s\u3000]*(?:（此件|（本文|附件|印发|$)/y;

/**
 * Text that lost its line breaks (a web page without paragraphs, a copy-paste) gets its
 * structural breaks back: before each 一、 and （一） that continues the document's numbering, and,
 * when the whole notice is one line, around the 发文字号, after the title and the 主送机关, and
 * before the closing elements. The numbering is followed across the whole text (a line that starts
 * with （四） makes （五） the next one), so an enumeration inside a sentence — （一）…；（二）…
 * within clause （三） — is never split.
 */
export function relineRunOnText(text: Text): Text {
  const edits: Edit[] = [];
  const counters = { section: 1, clause: 1, sectionOpened: false };
  let pos = 0;
  // only blank lines or page chrome so far (a repost's 来源/作者 line, breadcrumbs): the first line
  // with content may be a whole notice run together
  let atHead = true;
  // index loops here and below, not for…of: this runs once per line of every document, mostly as
  // unoptimised code, where each for…of step allocates an iterator result
  const lines = text.value.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const points = numberedBreaks(line, counters);
    const articles = line.length > RUN_ON_HEAD ? articleBreaks(line) : [];
    points.push(...articles);
    // a page's empty fields glued after the last sentence (…2013年12月27日作者：信息来源：) go on a line
    // of their own, and the closing elements are looked for before them
    const chrome = emptyFieldsAtEnd(line);
    if (chrome > 0) points.push(chrome);
    const closing = chrome > 0 ? line.slice(0, chrome) : line;
    if (closing.length <= 100) points.push(...signatureDateBreak(closing));
    else if (closing.includes('附件')) points.push(...annexCoverBreaks(closing));
    points.push(...closingAtLineEnd(closing));
    if (line.length <= 160) points.push(...numberTitleBreak(line));
    if (atHead && isRunOnHead(line, points.length)) points.push(...headBreaks(line, points));
    else if (line.length <= 160) points.push(...titleNumberBreak(line));
    // each line that starts here or at a break placed above may open with a title glued to its addressee
    const starts = atHead ? points.slice() : [0, ...points];
    for (let i = 0; i < starts.length; i++) {
      const found = titleAddresseeBreak(line, starts[i]);
      for (let k = 0; k < found.length; k++) points.push(starts[i] + found[k]);
    }
    // most lines get no break: no set to build for them
    if (points.length) for (const at of new Set(points)) if (at > 0 && at < line.length) edits.push({ start: pos + at, end: pos + at, insert: '\n' });
    pos += line.length + 1;
    atHead &&= line.trim() === '' || (line.length <= 80 && PAGE_CHROME.test(line));
  }
  return applyEdits(text, edits);
}

function numberedBreaks(line: string, counters: { section: number; clause: number; sectionOpened: boolean }): number[] {
  // a line that starts with a number sets the sequence (numbering restarts in a second document)
  const s0 = LINE_SECTION.exec(line);
  const c0 = LINE_CLAUSE.exec(line);
  const startAt = s0 ? s0[0].length : c0 ? c0[0].length : 0;
  if (s0) {
    counters.section = (chineseToInt(s0[1]) ?? 0) + 1;
    counters.sectionOpened = true;
  } else if (c0) {
    counters.clause = (chineseToInt(c0[1]) ?? 0) + 1;
    counters.sectionOpened = false;
  }
  const points: number[] = [];
  let lastBreak = 0;
  const markers = markersOf(line, startAt);
  for (let i = 0; i < markers.length; i++) {
    const m = markers[i];
    // the last character before the marker, spaces skipped ('' at the line's start)
    const prev = line[lastNonSpace(line, m.at)] ?? '';
    const atBoundary = prev === '' || BOUNDARY.test(prev);
    if (m.kind === 'section' && m.n === counters.section && !/[一二三四五六七八九十第]/.test(prev) && atBoundary) {
      points.push(m.at);
      counters.section++;
      counters.sectionOpened = true;
      lastBreak = m.at;
    } else if (m.kind === 'clause' && (m.n === counters.clause || (counters.sectionOpened && m.n === 1))) {
      // after a section heading without a full stop (一、明确目标任务（一）…) or after a sentence
      const headingBefore = counters.sectionOpened && m.at - lastBreak <= 40 && !/[。；]/.test(line.slice(lastBreak, m.at));
      if (!(atBoundary || headingBefore)) continue;
      points.push(m.at);
      counters.clause = m.n + 1;
      counters.sectionOpened = false;
      lastBreak = m.at;
    }
  }
  return points;
}

interface Marker {
  at: number;
  kind: 'section' | 'clause';
  n: number;
}

/** The section and clause marks of a line from `startAt` on; a line without 、 or （ holds none (most lines of a notice that kept its breaks). */
function markersOf(line: string, startAt: number): Marker[] {
  const markers: Marker[] = [];
  if (!line.includes('、') && !line.includes('（')) return markers;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(line); m; m = MARKER.exec(line)) {
    if (m.index < startAt) continue;
    markers.push(m[1] !== undefined ? { at: m.index, kind: 'section', n: chineseToInt(m[1]) ?? 0 } : { at: m.index, kind: 'clause', n: chineseToInt(m[2]) ?? 0 });
  }
  return markers;
}

/** A whole notice on one line: the 发文字号, the title's end, the 主送机关, the closing elements. */
function headBreaks(line: string, numbered: number[]): number[] {
  const points: number[] = [];
  const firstSection = numbered.reduce((a, b) => Math.min(a, b), line.length);
  const fn = FIRST_FILE_NUMBER.exec(line.slice(0, Math.min(firstSection, 400)));
  // a title glued to its 发文字号 ends where the number starts (…意见报告的通知|国办发〔1996〕2号)
  const numberAt = fn ? numberStart(line, fn) : -1;
  if (fn) {
    // printed in brackets below the title (（浙价费〔2007〕136号）): the brackets go with it
    const bracketed = /[（(]/.test(line[fn.index - 1] ?? '') && /[）)]/.test(line[fn.index + fn[0].length] ?? '');
    points.push(numberAt - Number(bracketed), fn.index + fn[0].length + Number(bracketed));
  }
  const head = line.slice(0, Math.min(firstSection, 600));
  // a title right before its number, glued or bracketed (…的通知（甬政办发〔2007〕153号）), ends there
  const numberFrom = fn ? numberAt - Number(/[（(]/.test(line[numberAt - 1] ?? '')) : -1;
  const titledByNumber = fn && TITLE_END.test(line.slice(0, numberFrom).trimEnd());
  const title = titledByNumber ? { index: 0, 0: line.slice(0, numberFrom) } : new RegExp(`(${TITLE_END.source.replace(/\$$/, '')})(?=[^。：]{2,160}：)`).exec(head);
  if (title) {
    const end = title.index + title[0].length;
    points.push(end);
    const colon = head.indexOf('：', end);
    if (colon > 0 && colon < end + 200 && !/[。]/.test(head.slice(end, colon))) points.push(colon + 1);
  }
  // a copy without its title starts at the 主送机关: 各县、自治县、区人民政府…：现将…
  if (!title) {
    const addressee = /^[^。；：:]{2,300}?[：:]/.exec(head);
    if (addressee && /^(各|省|市|区|县)|、/.test(addressee[0]) && !/如下|通知/.test(addressee[0])) points.push(addressee[0].length);
  }
  // signatures and dates glued after a sentence: a cover letter's before the document it issues
  // (印发…办法 run on after it), and the notice's own at its end
  points.push(...gluedSignatures(line));
  points.push(...datesAfterSentences(line));
  const tailFrom = numbered.reduce((a, b) => Math.max(a, b), 0);
  const tail = line.slice(tailFrom);
  for (const m of tail.matchAll(/附件[：:]|（此件[^）]{1,10}）|（联系(?:单位|人)/g)) points.push(tailFrom + m.index!);
  for (const m of tail.matchAll(new RegExp(DATE.source, 'g'))) {
    AFTER_DATE.lastIndex = m.index! + m[0].length;
    if (AFTER_DATE.test(tail)) points.push(tailFrom + m.index!);
  }
  // the signing bodies glued after the last sentence: 。吉林省人力资源和社会保障厅吉林省财政厅…
  const lastStop = line.lastIndexOf('。');
  if (lastStop > tailFrom) {
    const rest = line.slice(lastStop + 1);
    const names = /^[\u4e00-\u9fa5（）]+/.exec(rest)?.[0] ?? '';
    const parts = splitAgencies(names);
    if (names.length >= 4 && parts.length && parts.every(isSigningBody)) points.push(lastStop + 1, lastStop + 1 + names.length);
  }
  return points;
}

/** The first line of a text is a whole notice on one line: numbered items in a long line, or a title glued to its 发文字号. */
function isRunOnHead(line: string, numbered: number): boolean {
  if (line.length > RUN_ON_HEAD && numbered >= 2) return true;
  if (isShortNoticeLine(line)) return true;
  if (line.length < RUN_ON_TITLED_HEAD) return false;
  const fn = FIRST_FILE_NUMBER.exec(line.slice(0, 200));
  return !!fn && numberStart(line, fn) > fn.index;
}

/**
 * A short notice run onto one line (a 通告 of a few hundred characters, a page that dropped its
 * breaks): too short for the length test, it shows itself by its frame — a title ending in a
 * document type followed by a sentence that reaches a colon (the 主送机关, or 现通告如下：), and a
 * 成文日期 at the very end of the line.
 */
function isShortNoticeLine(line: string): boolean {
  if (line.length < 80 || line.length > RUN_ON_HEAD) return false;
  return DATE_AT_END.test(line) && TITLE_THEN_COLON.test(line.slice(0, 200));
}
const DATE_AT_END = new RegExp(`(?:${DATE.source})[\\s\\u3000]*$`);
const TITLE_THEN_COLON = new RegExp(`(${TITLE_END.source.replace(/\$$/, '')})(?=[^。：]{2,160}：)`);

/**
 * The 发文字号 pattern takes up to 14 characters before its 〔年〕 as the 机关代字; glued after a title
 * (…报告的通知国办发〔1996〕2号) those include the title's last words. A 机关代字 never holds a title's
 * 的 + 文种 (GB/T 9704-2012 7.2.4: 发文机关代字, 年份, 发文顺序号), so the number starts after the last
 * one that leaves a code of two characters or more; else where the pattern matched.
 */
function numberStart(line: string, fn: RegExpExecArray): number {
  const codeEnd = fn.index + fn[1].length;
  const from = Math.max(0, fn.index - 20);
  let start = fn.index;
  TITLE_WORD_END.lastIndex = 0;
  const window = line.slice(from, codeEnd);
  for (let m = TITLE_WORD_END.exec(window); m; m = TITLE_WORD_END.exec(window)) {
    const end = from + m.index + m[0].length;
    if (end > fn.index && codeEnd - end >= 2) start = end;
  }
  return start;
}
/** 的通知, 的 通 知 (a title printed with spaced letters): a title's last words. */
const TITLE_WORD_END = new RegExp(`的[\\s\\u3000]*(?:${DOC_TYPES.map((w) => [...w].join('[\\s\\u3000]*')).join('|')})`, 'g');

/**
 * A title and its 发文字号 printed on one line go on two, as the document prints them (GB/T 9704-2012,
 * 版头: the 发文字号 stands apart from the 标题): glued, `关于…的通知国办发〔1996〕2号`, or in brackets,
 * `…印发《…》的通知（岳办发〔2017〕2号）`.
 */
function titleNumberBreak(line: string): number[] {
  if (!line.includes('号')) return [];
  if (line.endsWith('号）')) {
    const m = TITLE_THEN_NUMBER.exec(line);
    return m && DOC_TYPE_END.test(m.groups!.title) && !/[。；：]/.test(m.groups!.title) ? [m.groups!.title.length] : [];
  }
  const fn = FIRST_FILE_NUMBER.exec(line);
  if (!fn || line.slice(fn.index + fn[0].length).trim() !== '') return [];
  const start = numberStart(line, fn);
  return start > fn.index ? [start] : [];
}
const TITLE_THEN_NUMBER = new RegExp(`^(?<title>.+?)[\\s\\u3000]*（[\\s\\u3000]*${FILE_NUMBER.source}[\\s\\u3000]*）$`);
const DOC_TYPE_END = new RegExp(`(${DOC_TYPES.join('|')})[\\s\\u3000]*$`);

/**
 * `关于…意见的报告国务院：自80年代…`: the title of a document printed inside another (a 转发 cover's
 * report) glued to its 主送机关 and first sentence gets its lines back: the title ends in 的 + 文种
 * and the addressee is a short run of names before a colon.
 */
function titleAddresseeBreak(line: string, from: number): number[] {
  // the part of the line from `from` (260 characters of it) is read: cut only when it holds 关于 near its start
  const about = line.indexOf('关于', from);
  if (about < 0 || about - from > 30) return [];
  const m = TITLE_THEN_ADDRESSEE.exec(line.slice(from, from + 260));
  return m ? [m[1].length, m[0].length] : [];
}
const TITLE_THEN_ADDRESSEE = new RegExp(`^([^。；：:，]{0,30}关于[^。；：:]{2,140}?的(?:${DOC_TYPES.join('|')}))[\\u4e00-\\u9fa5、，（）]{2,60}[：:]`);

/**
 * `盘政发〔2010〕22号 盘锦市人民政府关于…的决定`: a web page's title that starts with the 发文字号 gets
 * the number on a line of its own, as the document prints it above its title.
 */
function numberTitleBreak(line: string): number[] {
  // every 发文字号 ends in 号: most lines skip the pattern
  if (!line.includes('号')) return [];
  const m = NUMBER_THEN_TITLE.exec(line);
  const title = m?.groups?.title.trimEnd() ?? '';
  // the space between them is gone once Chinese text is normalised: then the title must say 关于/印发/转发
  const spaced = /\s$/.test(m?.groups?.number ?? '');
  return m && TITLE_END.test(title) && !/[。；]/.test(title) && (spaced || /关于|印发|转发/.test(title)) ? [m.groups!.number.length] : [];
}
const NUMBER_THEN_TITLE = new RegExp(`^(?<number>[\\s\\u3000]*${FILE_NUMBER.source}[\\s\\u3000]*)(?<title>[^\\s\\d（(].*)$`);

/**
 * `…敬请谅解。 特此通告 汕尾市公安局交通警察支队 2023年1月20日`: a last paragraph that runs on into the
 * closing formula, the 落款 and the 成文日期 (a page that kept its paragraphs but not the closing's
 * lines) gets them on lines of their own: before 特此…, before the signing bodies, before the date.
 */
function closingAtLineEnd(line: string): number[] {
  const last = line.trimEnd().slice(-1);
  if (last !== '日' && !(last >= '0' && last <= '9')) return [];
  const m = CLOSING_AT_END.exec(line);
  if (!m) return [];
  const names = m[2].trim();
  const parts = splitAgencies(names);
  if (!parts.length || !parts.every(isSigningBody)) return [];
  const formula = m.index + m[0].indexOf(m[1]) + (m[1] === '。' ? 1 : 0);
  const at = line.indexOf(names, formula);
  return [formula, at, at + names.length];
}
const CLOSING_AT_END = new RegExp(
  `(。|特此(?:通告|通知|公告|批复|函复|报告)|此复)[\\s\\u3000]*((?!特此|此复)[\\u4e00-\\u9fa5（）][\\u4e00-\\u9fa5（）\\s\\u3000]{2,80}?)[\\s\\u3000]*(?:${DATE.source})[\\s\\u3000]*$`,
);

/** Where a line's trailing run of a web page's empty fields (作者： 信息来源： 责任编辑：, a border after) starts, or -1. */
function emptyFieldsAtEnd(line: string): number {
  if (!line.includes('：') && !line.includes(':')) return -1;
  const m = EMPTY_FIELDS_AT_END.exec(line);
  return m ? m.index : -1;
}
const EMPTY_FIELDS_AT_END = /(?:(?:作者|信息来源|来源|责任编辑|编辑|发布时间|浏览次数|点击数)[：:][\s\u3000]*)+[|｜\s]*$/;

/** `国务院办公厅    2017年4月10日`: a signature and its date printed on one line go on two. */
function signatureDateBreak(line: string): number[] {
  // SIGNED_LINE ends with a date, 日 or the digit of an ISO date, then spaces only: most lines fail here
  const last = line.trimEnd().slice(-1);
  if (last !== '日' && !(last >= '0' && last <= '9')) return [];
  const m = SIGNED_LINE.exec(line);
  if (!m) return [];
  const parts = splitAgencies(m[1]);
  return parts.length && parts.every(isSigningBody) ? [line.indexOf(m[1]) + m[1].length + m[2].length] : [];
}
const SIGNED_LINE = new RegExp(`^[\\s\\u3000]*([\\u4e00-\\u9fa5（）、]{3,60}?)([\\s\\u3000]*)(?:${DATE.source})[\\s\\u3000]*$`);

/**
 * A cover letter run together with the document it issues: `…请遵照执行。附件：X预案（修订）某某镇人民政府
 * 2020年10月22日X预案（修订）1.总则…`. The 附件 line names the annex, the 落款 and 成文日期 follow,
 * and the annex starts with that same name (GB/T 9704-2012 7.3.4 附件说明, 7.3.5 署名和成文日期,
 * 7.3.7 附件): breaks before 附件, around the signing bodies and the date. The name printed twice is
 * what tells a 落款 from a date in a sentence — or the annex's own mark right after the date
 * (附件1, 附件1：, which 7.3.7 puts at the top of an annex's first page), or the line's end right after
 * the date (a copy of the cover letter without its annex). With several items on the
 * 附件 line (附件：1.…2.…浙江省物价局浙江省财政厅二○○七年五月八日附件1：…), the signing bodies are the
 * names at the end of the last item, read body by body from the date back.
 */
function annexCoverBreaks(line: string): number[] {
  const label = /附件(?:[：:][\s\u3000]*(?:1[.．、][\s\u3000]*)?|1[.．、])/.exec(line);
  if (!label) return [];
  const from = label.index + label[0].length;
  const re = new RegExp(DATE.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const before = line.slice(from, m.index).trimEnd();
    const dateEnd = m.index + m[0].length;
    const rest = line.slice(dateEnd).trimStart();
    // the annex's own mark after the date: 附件1 / 附件1： / 附件一 (not 附件所列… in a sentence)
    const marked = /^附件[\s\u3000]*[1一][.．、：:\s\u3000]*/.exec(rest);
    const after = marked ? rest.slice(marked[0].length) : rest;
    let n = 0;
    while (n < before.length && before[n] === after[n]) n++;
    // or nothing after the date: the notice ends there, without its annex (a web copy of the cover letter)
    if (!marked && n < 6 && rest !== '') continue;
    // the bodies ending the last item; else, with the annex's name printed again, all that follows it
    // (a body the place lexicon does not know: 某某镇人民政府)
    const whole = before.slice(n).trim();
    const names = signingTail(before) ?? (n >= 6 && /^[\u4e00-\u9fa5（）、\s\u3000]+$/.test(whole) && isSigningRun(whole) ? whole : null);
    if (!names) continue;
    const at = line.lastIndexOf(names, m.index);
    if (!marked) return [label.index, at, m.index, dateEnd];
    // the annex's mark is a line of its own (附件1), its title the next
    const markAt = line.indexOf(marked[0], dateEnd);
    const markEnd = markAt + /^附件[\s\u3000]*[1一][.．、：:]?/.exec(marked[0])![0].length;
    return [label.index, at, m.index, dateEnd, markAt, markEnd];
  }
  return [];
}

const isSigningRun = (names: string): boolean => {
  const parts = splitAgencies(names);
  return parts.length > 0 && parts.every(isSigningBody);
};

/**
 * The signing bodies at the end of an 附件 line's last item (…调查专家组意见国务院办公厅): the longest run
 * of characters at its end that splits into names that may sign (…厅/局/办公室, 国务院), the first
 * starting with a place or a central body's name, none holding a document's kind (意见, 标准 … name a
 * document, never a body). Null when no body ends the item.
 */
function signingTail(before: string): string | null {
  const end = before.trimEnd().length;
  for (let k = Math.max(0, end - 80); k <= end - 3; k++) {
    const names = before.slice(k, end).trim();
    if (names.length < 3 || !/^[\u4e00-\u9fa5（）、\s\u3000]+$/.test(names)) continue;
    const parts = splitAgencies(names);
    if (parts.length && startsWithPlace(parts[0]) && parts.every((p) => isSigningBody(p) && !NAMES_A_DOCUMENT.test(p))) {
      return names.length < before.trim().length ? names : null;
    }
  }
  return null;
}
/** Kinds of document a body's name never holds (规划, 计划, 标准 do: 自然资源和规划局, 国家标准化管理委员会). */
const NAMES_A_DOCUMENT = /通知|通报|意见|决定|决议|公告|通告|报告|请示|批复|议案|纪要|办法|方案|规定|细则|条例|规则|措施|清单|目录|要点|名单|名册/;

/** A name that starts with a province, a city or county, or is a central body's. */
const startsWithPlace = (name: string): boolean => {
  const n = name.replace(/^(?:中国共产党|中共)/, '');
  return isCentralAgency(n) || provinceOfName(n) !== null || divisionAtStart(allDivisions(), n, null) !== null;
};

/** 。安顺市人民政府2023年9月5日（此件公开发布）: breaks around the signing bodies, the date and the note after it. */
function gluedSignatures(text: string): number[] {
  const points: number[] = [];
  // the bodies may stand apart by spaces (国务院办公厅　中央军委办公厅), and so may the date
  const re = new RegExp(`。([\\u4e00-\\u9fa5（）][\\u4e00-\\u9fa5（）\\s\\u3000]{2,80}?)(${DATE.source})([\\s\\u3000]*（(?:此件|本文)[^）]{1,10}）)?`, 'g');
  for (const m of text.matchAll(re)) {
    const parts = splitAgencies(m[1].trim());
    if (!parts.length || !parts.every(isSigningBody)) continue;
    const names = m.index! + 1;
    const date = names + m[1].length;
    const dateEnd = date + m[2].length;
    points.push(names, date, dateEnd);
    const note = m[m.length - 1];
    if (note) points.push(dateEnd + note.length);
  }
  return points;
}

/**
 * 。二○○七年八月七日2007年…办法: a 成文日期 in Chinese numerals right after a sentence (a cover letter
 * dated without a signature, the document it issues run on after it) stands on a line of its own.
 * Body text writes the dates it speaks of in Arabic numerals (GB/T 9704-2012 7.3.5.1 keeps Chinese
 * numerals for the 成文日期 of the 1999 edition), so a sentence that opens with a date is left whole.
 */
function datesAfterSentences(line: string): number[] {
  const points: number[] = [];
  for (const m of line.matchAll(DATE)) {
    if (m[4] !== undefined && line[lastNonSpace(line, m.index!)] === '。') points.push(m.index!, m.index! + m[0].length);
  }
  return points;
}

/**
 * 第一章 … 第一条 … in a text that lost its line breaks: a break before each chapter and article
 * that continues its sequence and starts a sentence (after 。；： or a chapter heading, or — for a
 * chapter — after the title of the document it opens). A 第三条 cited inside a sentence is not
 * preceded by a full stop and is not the next number.
 */
function articleBreaks(line: string): number[] {
  const points: number[] = [];
  const next = { 章: 0, 条: 0 };
  let lastChapter = -1;
  for (const m of line.matchAll(/第([一二三四五六七八九十百零〇]{1,5})(章|条)/g)) {
    const kind = m[2] as '章' | '条';
    const n = chineseToInt(m[1]) ?? 0;
    const at = m.index!;
    const prev = line[lastNonSpace(line, at)] ?? '';
    const afterHeading = lastChapter >= 0 && at - lastChapter <= 30 && !/[。；]/.test(line.slice(lastChapter, at));
    // a regulation's name glued to its first chapter, or to its first article when it has no chapters
    const afterTitle = n === 1 && (kind === '章' || lastChapter < 0) && TITLE_END.test(line.slice(Math.max(0, at - 20), at));
    const starts = prev === '' || BOUNDARY.test(prev) || afterHeading || afterTitle;
    if (!starts || (next[kind] && n !== next[kind])) continue;
    points.push(at);
    next[kind] = n + 1;
    if (kind === '章') lastChapter = at;
  }
  return points;
}

/** Index of the last non-space character before `at` (-1 when there is none); linear in the spaces skipped. */
function lastNonSpace(line: string, at: number): number {
  let k = at - 1;
  while (k >= 0 && /\s/.test(line[k])) k--;
  return k;
}
