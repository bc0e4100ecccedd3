import type { NoticeRecord, Verdict } from '../../schemas/notice.js';
import type { DocumentContext } from './context.js';

/**
 * The verdict on a document: which signals of an official document (GB/T 9704 elements) and of a
 * policy text it carries, and so whether it is a whole notice, a partial copy of one, or a policy
 * body without its frame (a spreadsheet cell of a policy dataset, a pasted 办法). The one place
 * that decides whether a text is kept or refused.
 */

/** Elements of the notice's frame (GB/T 9704 版头, 主体, 版记): their absence is what `missing` lists. */
export const FRAME_SIGNALS = ['版头', '发文字号', '标题', '发文机关', '主送', '落款', '成文日期', '印发'] as const;
/** Signs of a policy text in the body itself. */
export const BODY_SIGNALS = ['正文编号', '层次结构', '条款', '总则', '制定目的', '结束语', '政策用语'] as const;
export type Signal = (typeof FRAME_SIGNALS)[number] | (typeof BODY_SIGNALS)[number];

/** 通知如下 / 特此通知 / 现将…印发给你们 …: the set phrases only an official document uses. */
const CLOSING_FORMULA =
  /(通知|通告|公告|意见|决定|批复|函告|报告)如下[：:]|特此(通知|通告|公告|函告|批复|函复|报告|决定)|现将[^。]{0,80}(印发|转发|下达|公布)给你们|请[^。]{0,20}(认真)?(贯彻执行|遵照执行|贯彻落实|抓好落实)/;
/** 为…，制定本办法 / 为深入贯彻落实《…》: the purpose clause a regulation or a plan opens with. */
const PURPOSE = /^[^\S\n]*(第[一二三四五六七八九十]+条[^\S\n]*)?(为|为了)[^。\n]{2,200}?(制定本(办法|规定|细则|条例|规则|方案|意见|实施方案|措施|通知|准则|标准)|(深入)?贯彻(落实)?[^。\n]{0,40}《[^》]{2,80}》)/m;
// line starts with the m flag and horizontal space only: `\s*` after a newline would run over every
// blank line that follows, once per newline (quadratic on a long run of blank lines)
const CHAPTER_ONE = /^[^\S\n]*第一章[^\S\n]*总[^\S\n]*则/m;
const ARTICLE = /^[^\S\n]*第[一二三四五六七八九十百零〇]+条/gm;
/** Words that direct bodies to act: a rule or a plan speaks in them, a news story or a price list does not. */
const DIRECTIVE = /各(地|级|市|县|区|部门|单位|有关部门)|(应当|不得|须|要)(按照|加强|落实|建立|做好|严格|及时|确保|推动|完善|健全|组织|开展)|按(照)?(有关)?规定|鼓励|支持|落实|加强|推动|推进|严禁|负责/g;
const DIRECTIVE_MIN = 4;

/**
 * Whether a global pattern matches `s` at least `n` times: the scan stops at the n-th match (a long
 * body reaches the few it needs early) instead of collecting every one. Its matches are never empty.
 */
function hasMatches(re: RegExp, s: string, n: number): boolean {
  re.lastIndex = 0;
  let count = 0;
  while (count < n && re.exec(s)) count++;
  re.lastIndex = 0;
  return count >= n;
}

/** Whether some signal of a policy text was seen: text without any is refused. */
export function isPolicyText(signals: readonly Signal[]): boolean {
  const has = (s: Signal) => signals.includes(s);
  // numbered points alone are also how news and READMEs are written
  if (has('标题')) return signals.length > 1;
  if (has('发文字号') || has('主送') || has('结束语') || (has('落款') && has('成文日期'))) return true;
  return has('条款') || has('总则') || has('制定目的') || (has('层次结构') && has('政策用语'));
}

type Fields = Pick<NoticeRecord, 'title' | 'fileNumber' | 'sections' | 'addressees' | 'signedDate' | 'printedDate' | 'issuers'>;

/** Every signal the document carries, in the order of FRAME_SIGNALS then BODY_SIGNALS. */
export function signalsOf(ctx: DocumentContext, r: Fields): Signal[] {
  const z = ctx.zones;
  const nonBlank = (ls: { kind: string }[]) => ls.some((l) => l.kind !== 'blank');
  const bodyText = z.body.map((l) => l.text).join('\n');
  // every article holds 条 and a 总则 chapter 第一章: a body without the word is not scanned line by line
  const articles = bodyText.includes('条') && hasMatches(ARTICLE, bodyText, 2);
  const seen: Record<Signal, boolean> = {
    版头: z.header.some((l) => l.kind === 'issuerMark' || l.kind === 'agency'),
    发文字号: !!r.fileNumber,
    标题: !!r.title,
    发文机关: r.issuers.length > 0,
    主送: r.addressees.length > 0,
    落款: nonBlank(z.signature) || (r.issuers.length > 0 && !!r.signedDate),
    成文日期: !!r.signedDate,
    印发: !!r.printedDate || [...z.colophon, ...z.closing].some((l) => l.kind === 'printed'),
    正文编号: r.sections.some((s) => s.number !== null),
    层次结构: r.sections.some((s) => s.number !== null && s.clauses.length > 0) || articles,
    条款: articles,
    总则: bodyText.includes('第一章') && CHAPTER_ONE.test(bodyText),
    制定目的: PURPOSE.test(bodyText),
    结束语: CLOSING_FORMULA.test(ctx.lines.map((l) => l.text).join('\n')),
    政策用语: hasMatches(DIRECTIVE, bodyText, DIRECTIVE_MIN),
  };
  return [...FRAME_SIGNALS, ...BODY_SIGNALS].filter((s) => seen[s]);
}

/** A whole notice shows its title and who issued it under which number or signature, and when. */
function kindOf(signals: readonly Signal[]): Verdict['kind'] {
  const has = (s: Signal) => signals.includes(s);
  if (has('标题') && (has('发文字号') || has('落款')) && (has('成文日期') || has('发文字号'))) return 'notice';
  const frame = FRAME_SIGNALS.filter(has);
  // a body with only a heading above it (a 办法 pasted with its title) is still a body
  if (frame.length === 0 || (frame.length === 1 && has('标题') && !has('结束语'))) return 'body';
  return 'partial';
}

/** Confidence bands per kind: a body is never more certain than a partial copy, nor that than a notice. */
const BAND: Record<Verdict['kind'], { base: number; span: number; of: readonly Signal[] }> = {
  notice: { base: 0.7, span: 0.3, of: FRAME_SIGNALS },
  partial: { base: 0.4, span: 0.3, of: FRAME_SIGNALS },
  body: { base: 0.1, span: 0.3, of: BODY_SIGNALS },
};

/** The verdict: kind, a confidence within the kind's band (1 only for a notice with every frame element), signals, missing frame elements. */
export function verdictOf(signals: readonly Signal[]): Verdict {
  const kind = kindOf(signals);
  const band = BAND[kind];
  const share = band.of.filter((s) => signals.includes(s)).length / band.of.length;
  return {
    kind,
    confidence: Math.round((band.base + band.span * share) * 100) / 100,
    signals: [...signals],
    missing: FRAME_SIGNALS.filter((s) => !signals.includes(s)),
  };
}

/** The refusal: what was looked for, and what was found. */
export function notPolicyReason(signals: readonly Signal[]): string {
  const wanted: [string, Signal | null][] = [
    ['title', '标题'],
    ['发文字号', '发文字号'],
    ['主送机关', '主送'],
    ['closing formula', '结束语'],
    ['signature with a date', null],
  ];
  const hasSignature = signals.includes('落款') && signals.includes('成文日期');
  const missing = wanted.filter(([, s]) => (s ? !signals.includes(s) : !hasSignature)).map(([name]) => name);
  const found = FOUND_ORDER.filter((s) => signals.includes(s)).map((s) => FOUND_NAME[s] ?? s);
  return (
    `not a notice (no ${missing.join(', no ')}${found.length ? `; found only: ${found.join(', ')}` : ''}; ` +
    'no policy body either: no 第X条 articles, no 第一章 总则, no purpose clause 为…制定本办法, no clause tree with directive language)'
  );
}

/** The order the refusal lists what it found in (the notice's elements first, as earlier versions did). */
const FOUND_ORDER: Signal[] = ['标题', '发文字号', '主送', '正文编号', '结束语', '落款', '发文机关', '成文日期', '印发', '版头', '层次结构', '条款', '总则', '制定目的', '政策用语'];

const FOUND_NAME: Partial<Record<Signal, string>> = {
  正文编号: 'numbered sections',
  层次结构: 'clause tree',
  政策用语: 'directive language',
  成文日期: 'date',
  落款: 'signature',
  标题: 'title',
  发文机关: 'issuer',
};
