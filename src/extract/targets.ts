import type { Target } from '../../schemas/notice.js';
import { chineseToInt } from '../lexicon/numerals.js';
import { isShare, unitInfo, unitPattern } from '../lexicon/units.js';
import { PROVINCES } from '../lexicon/regions.js';
import type { Text } from '../normalize/offsets.js';
import { spanAt, type DocumentContext } from './context.js';
import { extractDates } from './dates.js';
import { keyRegionKindAt } from './key-regions.js';
import { bodyParagraphs, NUM, RANGE_SEP, scaleDecimal, sentencesOf, stripParens, trimPhrase, phraseText, type BodyParagraph } from './numbers.js';

/**
 * Numeric targets in the body: `务工规模不低于3000万人` (>=, 3000 万人, persons 30000000),
 * `务工人数不低于387.6万` (counts people, so 万人), per-unit quotas `每个脱贫村至少培育1名劳务经纪人`
 * (scope 每个脱贫村), ranges `每个市（州）创建1—2个…` (value 1, max 2), `稳定在15.64万人以上`.
 *
 * A figure is a target only when the text sets it: a comparator (不低于/至少/不超过/…以上/…以内) or a
 * target verb (创建/新建/培育/…) right before it. Not targets: money (元 is not a target unit —
 * see subsidies), counts of places (`160个…重点帮扶县`, see key regions), durations (`3个月`),
 * and eligibility conditions (`吸纳…3人以上…可认定为…`, `…的，给予…`, `每吸纳1名…`), also when the
 * condition spans clauses (`企业吸纳脱贫人口10人以上，且签订1年以上劳动合同的，给予…`) or the figure
 * qualifies a noun (`带动脱贫人口就业5人以上的项目`).
 *
 * Also: `达到60万人左右` (=, 左右 kept out of the metric); Chinese numerals after a comparator, before
 * 以上, or after a target verb from two up (`至少建立两个`, `举办二十场`); a comparator with its verb
 * (`至少组织开展3场` is >=); the figure of a reference in brackets (`不低于上年规模（78.5万人）`); a
 * clause without a subject borrows it from the clause before (`不低于上年，力争达到85万人`).
 *
 * Decision — percentages: a percentage is a target only with a comparator (`务工就业率达到90%以上`,
 * `就业比重不低于30%`), and never when it is a share of money (`劳务报酬占中央资金比例不低于30%`,
 * `衔接资金用于产业发展的比例不低于55%`): that is a spending rule, not a result to reach.
 */
export function extractTargets(ctx: DocumentContext): Target[] {
  const out: Target[] = [];
  const conditions = conditionParagraphs(ctx);
  const noticeYear = Number(extractDates(ctx).signedDate?.slice(0, 4)) || null;
  for (const para of bodyParagraphs(ctx)) {
    if (conditions.has(para.text)) continue;
    readParagraph(ctx, para, out, noticeYear);
  }
  return out;
}

/**
 * Paragraphs that list who or what qualifies, not results to reach: the items under a lead that
 * announces conditions (`同时符合下列条件的家庭，可以申请…：` then `（三）家庭人均住房居住面积低于7平方米`),
 * and every paragraph of a section or article headed as conditions (`申请条件`, `第六条（申报条件）`).
 * A list stays conditional to the end of the section or article that announced it.
 */
function conditionParagraphs(ctx: DocumentContext): Set<Text> {
  const out = new Set<Text>();
  for (const s of ctx.outline?.sections ?? []) {
    let listed = CONDITION_HEADING.test(s.heading ?? '');
    for (const p of s.paragraphs ?? []) {
      if (listed) out.add(p);
      if (CONDITION_LEAD.test(p.value)) listed = true;
    }
    for (const c of s.clauses ?? []) {
      let inClause = listed || CONDITION_HEADING.test(c.heading ?? '');
      for (const p of c.paragraphs ?? []) {
        if (inClause) out.add(p);
        if (CONDITION_LEAD.test(p.value)) inClause = true;
      }
    }
  }
  return out;
}
/** A heading that names conditions: 申请条件, 申报条件, 准入条件, 享受条件, 基本条件, 资格条件. */
const CONDITION_HEADING = /(?:申请|申报|准入|享受|支持|补贴|补助|认定|参评|评选|入选|资助|奖励|扶持|基本|项目|申领|报名|适用|资格)条件|条件(?:和|与)?要求|^[（(]?条件[）)]?$/;
/** A sentence that opens a list of conditions and ends with its colon. */
const CONDITION_LEAD = /(?:符合|具备|满足|具有|达到)(?:下列|以下|如下)[^。；]{0,16}(?:条件|情形|要求|标准)[^。；]{0,30}[：:]\s*$|条件(?:如下|为)[：:]\s*$/;

/**
 * Units of what a target counts (people, households, places, length, land, energy, shares, and
 * aggregate money such as 产值 in 万元/亿元), from the one unit table; bare `万` after a count of
 * people is 万人 (see below). Durations, dates and 元 are absent on purpose.
 */
const UNIT = `${unitPattern((u) => u.role !== 'no')}|万(?![元亩吨千])`;
const FIGURE = new RegExp(`(?<![\\d.,\\-—/])(${NUM})(?:\\s*${RANGE_SEP}\\s*(${NUM}))?\\s*(${UNIT})`, 'g');
/** Chinese numerals count people and things only (两个, 二十场, 三座), never land or money. */
const CN_UNIT = unitPattern((u) => u.role === 'count' && u.factor === 1 && (u.dimension === u.name || u.dimension === 'persons') && !/^[期批]$/.test(u.name));
const CN_FIGURE = new RegExp(`(?<![一二两三四五六七八九十百])([一二两三四五六七八九十]{1,3})(${CN_UNIT})`, 'g');
/** What a sentence needs for FIGURE or CN_FIGURE to match in one of its clauses (CN_FIGURE without its lookbehind): most sentences have neither. */
const MAY_HOLD_FIGURE = new RegExp(`\\d|[一二两三四五六七八九十](?:${CN_UNIT})`);

/** A comparator, possibly with its verb between it and the figure: `至少培育1名`, `至少组织开展3场`. */
const GE = /(?:不低于|不少于|至少|不小于)(?:(?![每的对])[\u4e00-\u9fa5]){0,6}$/;
const LE = /(?:不超过|不高于|不多于|最多|至多|控制在)(?:(?![每的对])[\u4e00-\u9fa5]){0,6}$/;
const GT = /(?:超过|高于|多于|突破)$/;
const LT = /(?:低于|少于)$/;
const EQ = /(?:达到|稳定在|保持在|力争|确保|实现)$/;
/** A target verb, possibly with its object before the figure: `新建1个`, `新增城镇就业110万人`. */
const VERB = /(?<!每)(?:创建|新建|培育|培养|建设|建成(?!区)|打造|培训|开发|组建|设立|新增|增加|扶持|带动|帮助|转移|吸纳|招收|招募|选聘|选树|建立|发展|创设|开展|举办|组织|输出|安置|配备|认定|提供|完成)(?:(?![每的对])[\u4e00-\u9fa5]){0,12}$/;
const SUFFIX_GE = /^(?:及以上|以上)/;
const SUFFIX_LE = /^(?:及以下|以下|以内)/;

/** Sentences that state who qualifies, not what must be reached. */
const ELIGIBILITY = /认定为|视为|方可|可申请|可以申请|可享受|可以享受|予以认定|即可|可认定/;
/** What follows a `…的，` condition: the consequence (`…的，给予…`, `…的，可…`). */
const CONSEQUENCE = /^(?:可以|可|给予|按|予以|享受|纳入|优先|视为|认定|经|由|即|一次性|每人|每户|所需|并给予|均可|均给予)/;
/** A percentage of money (`资金…比例不低于30%`, `补贴比例不超过50%`): a spending rule, not a result to reach. */
const MONEY_WORD = /资金|经费|投入|预算|报酬|工资|薪酬|补助|补贴|奖补|贴息|费用|金额|投资|收入|贷款/;
const SHARE_WORD = /比例|占比|比重|占|利率|费率/;
/** `…左右`, `…上下`: the figure is approximate, the comparator stays `=`; the word is no part of the metric. */
const APPROX = /^(?:左右|上下|以上|以下|以内)/;

const LEAD = /^(?:推动|推进|确保|力争|实现|帮助|保持|促进|带动|争取|努力|使|让|其中|并|要|着力|全力|切实|进一步|年内|全年|当年|今年|每年|到\d{4}年底?|\d{4}年(?:底|末)?|截至\d{4}年底?|年底前|年底|前)+/;
const TIME = /^(?:年内|全年|当年|今年|每年|年底前|年底|\d{4}年(?:底|末)?)+|(?:年内|全年|当年|今年|每年|年底前|年底)+$/;
const SCOPE_WORD = /^(?:全国|全省|全市|全区|全县|全州|省内|市内|区内|县内|本省|本市|本区|本县|我省|我市|我区|我县|各省份|各省|各市（州）|各市州|各市|各地区|各地方|各地|各县（市、区）|各县市区|各县|各区)/;
const SCOPE_EACH = /^(?:每个|每一个|每)([\u4e00-\u9fa5]{0,6}?(?:市州|县市区|乡镇|街镇|县区|县市|市县|社区|街道|园区|家庭|企业|车间|基地|单位|学校|项目|地区|村|县|市|区|乡|镇|州|省|户))(（[^）]{1,6}）)?/;
const ITEM_MARK = /^(?:（[一二三四五六七八九十百\d]+）|[一二三四五六七八九十百]+、|\d+[.、．](?!\d)|第[一二三四五六七八九十百]+条)/;

function readParagraph(ctx: DocumentContext, para: BodyParagraph, out: Target[], noticeYear: number | null) {
  const s = para.text.value;
  // the years and a sentence's conditions matter only where a clause holds a figure (few do): read
  // each once, when first needed
  let years: YearMention[] | null = null;
  // index loops, not for…of or a destructuring callback: per sentence, clause and figure of every
  // paragraph, mostly as unoptimised code, where each of those allocates
  const sentences = sentencesOf(s);
  for (let n = 0; n < sentences.length; n++) {
    const sent = sentences[n];
    const sentence = s.slice(sent.start, sent.end);
    if (!MAY_HOLD_FIGURE.test(sentence)) continue;
    if (ELIGIBILITY.test(sentence)) continue;
    let conditional: Set<number> | null = null;
    for (let k = 0; k < sent.clauses.length; k++) {
      const ca = sent.clauses[k][0];
      const clause = s.slice(ca, sent.clauses[k][1]);
      const figures = figuresOf(clause);
      if (figures.length === 0) continue;
      if ((conditional ??= conditionClauses(s, sent.clauses)).has(k)) continue; // …的，给予… : a condition
      if (/^对/.test(clause)) continue;
      const previous = k > 0 ? s.slice(sent.clauses[k - 1][0], sent.clauses[k - 1][1]) : null;
      years ??= yearsOf(s);
      for (let i = 0; i < figures.length; i++) {
        const f = figures[i];
        const when = yearBefore(years, ca + f.at, sent.start);
        const t = targetOf(ctx, para, clause, ca, f, previous, when);
        if (t && !isPastFigure(t, when, noticeYear, sentence)) out.push(t);
      }
    }
  }
}

/** The figures of a clause: Arabic ones with a unit, and Chinese numerals that a comparator or a target verb sets. */
function figuresOf(clause: string): Figure[] {
  const figures: Figure[] = [];
  // FIGURE starts at a digit: a clause without one is not scanned for it
  FIGURE.lastIndex = 0;
  for (let m = /\d/.test(clause) ? FIGURE.exec(clause) : null; m; m = FIGURE.exec(clause)) {
    const value = scaleDecimal(m[1], 0);
    const max = m[2] ? scaleDecimal(m[2], 0) : null;
    if (value === null) continue;
    figures.push({ at: m.index, end: m.index + m[0].length, lo: m[1], hi: m[2] ?? null, unit: m[3], value, max });
  }
  CN_FIGURE.lastIndex = 0;
  for (let m = CN_FIGURE.exec(clause); m; m = CN_FIGURE.exec(clause)) {
    const value = chineseToInt(m[1]);
    if (value === null) continue;
    // Chinese numerals with an explicit comparator (至少一名, 两个以上), or after a target verb from
    // two up (建立两个…): 一个, 一次 are words too often
    const head = clause.slice(0, m.index);
    const tail = clause.slice(m.index + m[0].length);
    const compared = GE.test(head) || LE.test(head) || SUFFIX_GE.test(tail) || SUFFIX_LE.test(tail);
    if (!compared && !(value >= 2 && VERB.test(head.trimEnd()))) continue;
    figures.push({ at: m.index, end: m.index + m[0].length, lo: String(value), hi: null, unit: m[2], value, max: null });
  }
  return figures;
}

/**
 * What was reached, not what is to be: a figure set by 达到/a verb (not 不低于…, not 力争/确保) that is
 * dated by a year before the notice's own (`2023年，全市森林覆盖率达到80.9%` in a notice of 2024), or
 * stands in a sentence that looks back (`近5年来，…重复利用率达到80.9%`, `…以来`, `去年`) and sets no
 * year ahead. Without the notice's date only the looking-back words judge.
 */
function isPastFigure(t: Target, when: TargetYear, noticeYear: number | null, sentence: string): boolean {
  if (t.comparator !== '=' || /力争|确保|争取/.test(t.text) || when.ahead) return false;
  if (noticeYear !== null && when.year !== null && when.year < noticeYear) return true;
  return LOOKING_BACK.test(sentence);
}
/** Words of a sentence reporting the past: 近5年来, 过去五年, 2000年…以来, 去年, 已经. */
const LOOKING_BACK = /近[\d一二两三四五六七八九十]+年(?:来|间|中)|过去[\d一二两三四五六七八九十]*年|以来|去年|上一年度|已经|业已|现已/;

/**
 * Indexes of the clauses that state a condition: a clause ending in 的 that is followed by its
 * consequence (`…的，给予…`), together with the clauses that lead up to it from the start of the
 * sentence or from the last clause opening with 对 (`企业吸纳脱贫人口10人以上，且签订1年以上劳动合同的，给予…`:
 * both clauses are the condition). A final clause ending in 的 is a condition too.
 */
function conditionClauses(s: string, clauses: [number, number][]): Set<number> {
  const out = new Set<number>();
  const texts = clauses.map(([a, b]) => trimPhrase(stripParens(s.slice(a, b))));
  let from = 0;
  texts.forEach((t, k) => {
    if (/^对于?/.test(t)) from = k;
    if (!/的$/.test(t)) return;
    out.add(k);
    const next = texts[k + 1];
    if (next === undefined || !CONSEQUENCE.test(next)) return;
    for (let i = from; i < k; i++) out.add(i);
    from = k + 1;
  });
  return out;
}

interface Figure {
  at: number;
  end: number;
  lo: string;
  hi: string | null;
  unit: string;
  value: number;
  max: number | null;
}

/** The year a target is set for and whether it is set ahead (到2025年, 2025年底前: a target year). */
interface TargetYear {
  year: number | null;
  ahead: boolean;
}

/**
 * The year a figure is set for: the last target year (到/至 …年, …年底前) before `at` in the
 * paragraph, or a year named earlier in its own sentence, outside 《》 titles and 〔〕 file numbers:
 * `到2025年，…达到…；…达到…` gives 2025 to both figures. `ahead` when the year is one to reach
 * (到/至/力争到 …年, …年底前/末前) in the figure's own sentence: only then does a bare figure
 * (`森林覆盖率19.5%`) read as a target.
 */
function yearBefore(years: readonly YearMention[], at: number, sentenceStart: number): TargetYear {
  let found: TargetYear = { year: null, ahead: false };
  for (const y of years) {
    if (y.at >= at) break;
    // a target year (到2025年) set in an earlier sentence still dates the figure, and any year of its own
    // sentence does (2023年…增长指导线不低于3%); `2000年…召开会议以来。` before it does not. Only a target
    // year of its own sentence makes a bare figure a target.
    if (!y.target && y.at < sentenceStart) continue;
    found = { year: y.year, ahead: y.target && y.at >= sentenceStart };
  }
  return found;
}

interface YearMention {
  at: number;
  year: number;
  /** 到2025年, 2025年底前: a year to reach */
  target: boolean;
}

/** The years a paragraph names, in order, outside 《》 titles and 〔〕 file numbers and not 2022年度: read once per paragraph. */
function yearsOf(s: string): YearMention[] {
  const out: YearMention[] = [];
  for (const m of s.matchAll(YEAR)) {
    const at = m.index ?? 0;
    const year = Number(m[2]);
    if (year < 1949 || year > 2100 || /^度/.test(s.slice(at + m[0].length))) continue;
    if (insideBracket(s, at, '《', '》') || insideBracket(s, at, '〔', '〕')) continue;
    // 不低于2020年, 比2020年: the year compared with, not the one the target is set for
    if (!m[1] && REFERENCE_YEAR.test(s.slice(Math.max(0, at - 4), at))) continue;
    out.push({ at, year, target: !!m[1] || !!m[3] });
  }
  return out;
}
const REFERENCE_YEAR = /(?:不低于|不少于|不高于|高于|低于|超过|比|较|同比|相比|与)$/;
const YEAR = /(到|至|截至|截止到?|力争到|力争至)?(\d{4})\s*年(底前|末前|年底前|前|底|末)?/g;

function targetOf(
  ctx: DocumentContext,
  para: BodyParagraph,
  clause: string,
  offset: number,
  f: Figure,
  previous: string | null = null,
  when: TargetYear = { year: null, ahead: false },
): Target | null {
  let before = clause.slice(0, f.at);
  const rest = clause.slice(f.end);
  if (/[第每]$/.test(before) || /^[号年月日时岁倍期页]/.test(rest)) return null;
  // 800万吨/年, 300吨/日: a rate — a plant's capacity or throughput, not a count to reach
  if (RATE_AFTER.test(rest) || RATE_BEFORE.test(before.trimEnd())) return null;
  // 满3个月, 年满16周岁, 连续2年: a condition on who qualifies, not a result to reach
  if (CONDITION_BEFORE.test(before.trimEnd())) return null;
  // 约40平方公里, 近1000座: approximate; the word is no cue of its own
  const about = ABOUT.exec(before.trimEnd());
  if (about) before = before.trimEnd().slice(0, about.index);
  if (insideBracket(clause, f.at, '《', '》') || insideBracket(clause, f.at, '〔', '〕')) return null;
  // 160个国家乡村振兴重点帮扶县 → a key region
  if (/^个/.test(f.unit) && keyRegionKindAt(before.slice(-16), rest)) return null;
  const beforeBare = before.trimEnd();
  let comparator: Target['comparator'] | null = null;
  let cue: RegExpExecArray | null = null;
  for (const [re, c] of [
    [GE, '>='],
    [LE, '<='],
    [GT, '>'],
    [LT, '<'],
    [EQ, '='],
  ] as const) {
    cue = re.exec(beforeBare);
    if (cue) {
      comparator = c;
      break;
    }
  }
  // 不低于2022年底规模（78.5万人）: the figure of the reference it is compared with
  const reference = comparator ? null : PAREN_REFERENCE.exec(beforeBare);
  if (reference) {
    cue = reference;
    comparator = /达到|稳定在|保持在/.test(reference[1]) ? '=' : /不超过|不高于|控制在/.test(reference[1]) ? '<=' : '>=';
  }
  const approxSuffix = APPROX_SUFFIX.exec(rest);
  const suffix = SUFFIX_GE.exec(rest) ?? SUFFIX_LE.exec(rest) ?? approxSuffix;
  if (suffix && !approxSuffix) comparator = SUFFIX_GE.test(rest) ? '>=' : '<=';
  else if (approxSuffix) comparator = '=';
  let verb: RegExpExecArray | null = null;
  // 到2025年，森林覆盖率19.5%: a bare figure right after what it measures, in a sentence that sets a target year
  const bare = !comparator && when.ahead && BARE_METRIC.test(beforeBare);
  if (!comparator) {
    verb = VERB.exec(beforeBare);
    if (!verb && !bare) return null;
    comparator = '=';
  }
  const share = isShare(f.unit);
  if (share && !cue && !suffix && !bare) return null;
  const afterUnit = rest.slice(suffix ? suffix[0].length : 0);
  // 新开工商务楼宇15万平方米以上得5分: a scoring rule's condition, not a target
  if (/^\s*[得加扣减]\d+(?:\.\d+)?分/.test(afterUnit)) return null;
  // 3人以上的企业, 带动3人以上就业的提高到1万元: the figure qualifies what it describes — a condition
  if (/^\s*[\u4e00-\u9fa5]{0,4}?的(?!目标|任务)/.test(afterUnit) && !/^\s*[\u4e00-\u9fa5]{0,4}?的(?:目标|任务)/.test(afterUnit)) return null;

  // what comes before the cue: scope and the counted thing
  const cueStart = cue ? beforeBare.length - cue[0].length : verb ? beforeBare.length - verb[0].length : beforeBare.length;
  const between = reference ? '' : cue ? cue[0].replace(/^(?:不低于|不少于|至少|不小于|不超过|不高于|不多于|最多|至多|控制在|超过|高于|多于|突破|低于|少于|达到|稳定在|保持在|力争|确保|实现)/, '') : verb ? verb[0] : '';
  const own = subjectAndScope(before.slice(0, cueStart));
  let { subject, scope } = own;
  const object = stripParens(afterUnit)
    .replace(/^[）)]/, '')
    .replace(APPROX, '')
    .replace(/^[\s的]+/, '')
    .replace(/（.*$/, '')
    .slice(0, 16);
  // `不低于上年，力争达到85万人`: the clause names no subject; the clause before it does
  if (!subject && !object && !verb && previous) {
    const prev = stripParens(previous);
    const cut = PREVIOUS_CUE.exec(prev);
    const borrowed = subjectAndScope(cut ? prev.slice(0, cut.index) : prev);
    subject = borrowed.subject;
    scope = scope ?? borrowed.scope;
  }
  const verbText = /^(?:有|为|是|在|达|到)$/.test(between) ? '' : between;
  let metric = trimPhrase(`${subject}${verbText}${object}`);
  if (!metric) metric = trimPhrase(stripParens(clause)) || clause;
  if (share && MONEY_WORD.test(metric) && SHARE_WORD.test(metric)) return null;
  // 申报项目装机容量不低于500千瓦, 单个项目投资不低于…: what an applicant must bring, not a result
  if (APPLICANT_SUBJECT.test(metric)) return null;
  // 家庭人均住房面积低于15平方米: a means test on who qualifies
  if ((comparator === '<' || (comparator === '<=' && !/控制在/.test(cue?.[0] ?? ''))) && MEANS_TEST.test(metric)) return null;
  // money is a target only as an aggregate to reach (产值达到100亿元), never a subsidy or a price
  if (unitInfo(f.unit)?.role === 'money' && (!AGGREGATE_MONEY.test(metric) || SUBSIDY_WORD.test(clause))) return null;

  let unit = f.unit;
  // 万 after a count of people is 万人: the metric names people (人数, 劳动力, 毕业生, 学员, 患者 …)
  if (unit === '万' && /人数|人口|劳动力|人员|务工|就业|规模|农民工|职工|人才|学生|毕业生|学员|农民|居民|群众|患者|老人|儿童|[人员者]$/.test(metric)) unit = '万人';
  const persons =
    unit === '万人' || unit === '万名' ? scaleDecimal(f.lo, 4) : unit === '人' || unit === '名' ? f.value : null;

  return {
    metric,
    comparator,
    value: f.value,
    max: f.max,
    unit,
    persons,
    scope,
    clause: para.clause,
    text: phraseText(clause),
    span: spanAt(ctx, para.text, offset + f.at),
    printed: f.lo,
    maxPrinted: f.hi,
    year: when.year,
    approximate: !!about || !!approxSuffix,
    cue: cueText(cue, reference, suffix),
  };
}

/** The comparator words as printed: 不低于, 以上, 达到…以上, 左右; null for a verb or a bare figure. */
function cueText(cue: RegExpExecArray | null, reference: RegExpExecArray | null, suffix: RegExpExecArray | null): string | null {
  const word = reference ? reference[1] : cue ? (COMPARATOR_WORD.exec(cue[0])?.[0] ?? null) : null;
  const parts = [word, suffix?.[0] ?? null].filter((p): p is string => !!p);
  return parts.length ? parts.join('…') : null;
}

const COMPARATOR_WORD = /^(?:不低于|不少于|至少|不小于|不超过|不高于|不多于|最多|至多|控制在|超过|高于|多于|低于|少于|力争达到|力争|达到|稳定在|保持在|确保|实现|突破)/;
/** What comes right before a condition's figure: 满3个月, 年满16周岁, 连续2年, 累计满. */
const CONDITION_BEFORE = /(?:满|年满|累计满|连续|累计|距今|已满|未满|超期)$/;
/** A per-time unit after the figure: 万吨/年, 吨/日, 立方米/小时. */
const RATE_AFTER = /^\s*[\/／]\s*(?:年|日|天|月|周|时|小时|班|[adh](?![a-z]))/i;
/** 年产800万吨, 日产300吨: an output per year or per day, said before the figure. */
const RATE_BEFORE = /(?:年产|日产|月产|时产)能?$/;
/** A metric naming what an applicant or each single item must have (申报项目…, 单个项目…). */
const APPLICANT_SUBJECT = /^(?:申报|申请|拟申报|参评|参选|入选|入围|单个|单体|单台|单项|单笔|单户)/;
/** A household's or a person's own circumstances, tested against a ceiling to qualify. */
const MEANS_TEST = /人均|户均|家庭|申请人|本人|个人|年龄|财产/;
/** Approximation words before the figure (约40平方公里); after it (2000公里左右) see APPROX_SUFFIX. */
const ABOUT = /(?:大约|约|近|将近|接近)$/;
const APPROX_SUFFIX = /^(?:左右|上下)/;
/** A metric a bare figure can follow: a rate, a share, a count, a size (覆盖率, 数量, 面积, 长度, 总量, 规模). */
const BARE_METRIC = /(?:率|比重|比例|占比|数量|数|面积|长度|里程|总量|规模|总数|人数|个数|产值|总额)(?:为|达|是)?$/;
/** Money that is a result to reach: an economy's or a sector's aggregate, not what someone is paid. */
const AGGREGATE_MONEY = /产值|增加值|生产总值|营业收入|主营业务收入|销售收入|销售额|交易额|成交额|营收|总收入|税收|投资|规模|总额|产业|经济/;
const SUBSIDY_WORD = /补贴|补助|奖补|奖励|资助|贴息|扶持资金|给予|价格|收费|标准|工资|报酬|薪酬|最高|每(?:人|户|家|个|年|月|亩|吨)/;

/** `不低于上年规模（`: a comparison with a reference whose figure follows in brackets. */
const PAREN_REFERENCE = /(不低于|不少于|不小于|至少|不超过|不高于|控制在|达到|稳定在|保持在)[^，。；（）()]{1,12}[（(]$/;

/** A comparator or a figure in the clause before: what precedes it is that clause's subject. */
const PREVIOUS_CUE = /不低于|不少于|至少|不小于|不超过|不高于|不多于|控制在|超过|高于|达到|稳定在|保持在|\d+(?:\.\d+)?\s*(?:万|人|名|个|家|户)/;

/** The scope (`全省`, `每个脱贫村`, a province) and the counted thing before a target's cue. */
function subjectAndScope(text: string): { subject: string; scope: string | null } {
  let subject = text;
  let scope: string | null = null;
  subject = subject.replace(ITEM_MARK, '').replace(/^[\s、]+/, '').replace(LEAD, '');
  const each = SCOPE_EACH.exec(subject);
  if (each) {
    scope = each[0];
    subject = subject.slice(each[0].length);
  } else {
    const word = SCOPE_WORD.exec(subject);
    if (word) {
      scope = word[0];
      subject = subject.slice(word[0].length);
    } else {
      const province = PROVINCES.find((p) => subject.startsWith(p.name) || (subject.startsWith(p.short) && p.short.length >= 2));
      if (province) {
        const name = subject.startsWith(province.name) ? province.name : province.short;
        scope = name;
        subject = subject.slice(name.length);
      }
    }
  }
  subject = stripParens(subject).replace(LEAD, '').replace(TIME, '').replace(LEAD, '').replace(/(?:原则上|要|应|须|需|必须|均)+$/, '');
  return { subject, scope };
}

function insideBracket(s: string, i: number, open: string, close: string): boolean {
  const o = s.lastIndexOf(open, i);
  return o >= 0 && s.lastIndexOf(close, i) < o && s.indexOf(close, o) > i;
}
