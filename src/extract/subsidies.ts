import { countAtOrBelow } from '../util/search.js';
import type { Finding } from '../../schemas/finding.js';
import type { Subsidy } from '../../schemas/notice.js';
import { NON_SUBSIDY_MONEY, POLICY_HEADS, SUBSIDY_WORD } from '../lexicon/policies.js';
import { spanAt, type DocumentContext } from './context.js';
import { bodyParagraphs, NUM, RANGE_SEP, scaleDecimal, sentencesOf, stripParens, trimPhrase, phraseText, type BodyParagraph, type Sentence } from './numbers.js';
import { charClass, trailingRun } from '../util/trim.js';

const HAN = charClass(/[\u4e00-\u9fa5]/);

/**
 * Amounts of money granted in the body text, one entry per stated amount.
 *
 * - `给予就业帮扶车间1000元的一次性奖补` → 1000 元, oneTime, recipient 就业帮扶车间.
 * - `每人每年安排一次性往返交通补助500元（实际往返一次交通费不足500元的，据实补助）` → ONE entry, 500,
 *   per `人/年`, cap true: an amount after 不足 is the threshold of the 据实 rule, not an amount.
 * - `按不超过600元的标准…` / `最高…` / `…以内` → cap true.
 * - `2万元` → 20000 (amounts are always in 元; digits are scaled exactly).
 * - `300元/亩` → per `亩`; `20元/100升` → per `100升`.
 * - A range `1000—3000元` or `5000元至1万元` gives one entry: amount = the upper end, cap true (the most paid).
 * - A 据实 rule after a list of amounts (`省外每人600元、省内每人300元，实际交通费不足标准的据实补助`)
 *   caps them all.
 * - `给予一次性1000的奖励补贴` (no unit printed) → a subsidy with unitPrinted false and an
 *   `amount-missing-unit` warning.
 * - Money granted as a fund to a recipient (`给予补助资金2万元`, `给予10万元奖补资金`) is a subsidy.
 * - Decision — loan ceilings: the ceiling of a support loan (`最高可申请20万元创业担保贷款`,
 *   `小额信贷额度5万元以下`) is not a subsidy: a loan is credit to be repaid, not money granted —
 *   what the notice grants is the 贴息 (a policy mention when it has no amount of its own). An
 *   amount is a loan ceiling when a loan word follows it closely, or when its sentence is about a
 *   loan and its own clause names no grant (补贴/补助/奖补/奖励/资助/津贴/贴息).
 * Not subsidies: thresholds (`年收入不低于4000元`, `3000元以上的`, `月收入低于2000元的`), wages/prices/fees
 * (`月最低工资…3500元/月`), percentages (never read: an amount needs 元), changes (`下降0.05元/瓦`).
 * Decision — appropriations: money set aside or spent in total (`安排资金1.2亿元用于…`,
 * `全省安排就业补助资金3.5亿元`, `累计发放创业担保贷款12亿元`, `全省发放一次性交通补助2.3亿元`) is no
 * amount per recipient and so no subsidy, unless it is a cap (`补贴总额不超过5万元`) or paid per
 * person or unit (`每人每年安排…500元`).
 */
export function extractSubsidies(ctx: DocumentContext): { subsidies: Subsidy[]; findings: Finding[] } {
  const subsidies: Subsidy[] = [];
  const findings: Finding[] = [];
  for (const para of bodyParagraphs(ctx)) {
    readParagraph(ctx, para, subsidies, findings);
  }
  return { subsidies, findings };
}

interface Amount {
  /** index of the first digit */
  at: number;
  /** index just past the amount (unit and per included) */
  end: number;
  printed: string;
  value: number;
  unitPrinted: boolean;
  range: boolean;
  perAfter: string | null;
}

const MONEY = new RegExp(
  `(?<![\\d.,])(${NUM})(?:\\s*${RANGE_SEP}\\s*(${NUM}))?\\s*(亿元|万元|千元|元)` +
    `(?:\\s*[/／]\\s*每?\\s*((?:\\d+(?:\\.\\d+)?)?(?:吨标准煤|千瓦时|平方米|立方米|万千瓦|千瓦|兆瓦|人次|人|户|亩|吨|升|瓦|月|年|天|日|次|份|个|台|套|辆|头|只|张|间|床|公里|米|家|项|小时|件|kWh|kW|MW|W)(?:[·•/](?:月|年|次|天|日))?))?`,
  'g',
);
const POWER: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };
const RANGE_JOIN = new RegExp(`^\\s*${RANGE_SEP}\\s*$`);
/** An amount printed without 元 right after a money word: `给予一次性1000的奖励补贴`. */
const UNITLESS = new RegExp(
  `(?<=一次性|补助|补贴|奖励|奖补|资助|给予)(${NUM})(?=的(?:[\\u4e00-\\u9fa5]{0,8})(?:${POLICY_HEADS.join('|')})|[，。；]|$)`,
  'g',
);

function amountsOf(s: string): Amount[] {
  const out: Amount[] = [];
  // both patterns start at a digit: a paragraph without one holds no amount
  if (!/\d/.test(s)) return out;
  MONEY.lastIndex = 0;
  // every MONEY match ends its amount with 元
  for (let m = s.includes('元') ? MONEY.exec(s) : null; m; m = MONEY.exec(s)) {
    const power = POWER[m[3]];
    const upper = m[2] ?? m[1];
    const value = scaleDecimal(upper, power);
    if (value === null) continue;
    const amount: Amount = { at: m.index, end: m.index + m[0].length, printed: m[0], value, unitPrinted: true, range: m[2] !== undefined, perAfter: m[4] ?? null };
    // 5000元至1万元: both ends carry a unit; one range, read as its upper end
    const last = out[out.length - 1];
    if (last && last.unitPrinted && RANGE_JOIN.test(s.slice(last.end, amount.at)) && !last.perAfter) {
      out[out.length - 1] = { ...amount, at: last.at, printed: s.slice(last.at, amount.end), range: true };
      continue;
    }
    out.push(amount);
  }
  UNITLESS.lastIndex = 0;
  for (let m = UNITLESS.exec(s); m; m = UNITLESS.exec(s)) {
    if (out.some((a) => m!.index >= a.at && m!.index < a.end)) continue;
    const value = scaleDecimal(m[1], 0);
    if (value === null || value < 10) continue;
    out.push({ at: m.index, end: m.index + m[0].length, printed: m[0], value, unitPrinted: false, range: false, perAfter: null });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Just before the number: what makes it a threshold rather than an amount granted. */
/** A change of an amount (`补贴分别下降0.05元/瓦、0.1元/瓦`), not an amount granted; `提高到1万元` is a new amount. */
const DELTA_BEFORE = /(?:下降|减少|降低|增加|提高|上调|下调|递减|递增)(?![到至为])[\u4e00-\u9fa5]{0,2}\s*$/;
const THRESHOLD_BEFORE = /(?:不低于|不少于|不高于|高于|低于|超过|达到|满|不足|少于|多于|大于|小于|以上|在)\s*$/;
const THRESHOLD_AFTER = /^\s*(?:以上|及以上|以下的|及以下|（含）以上|\(含\)以上)/;
const BUDGET_BEFORE = /(?:资金|经费|预算|投入|总额|共计|合计|累计|总计|总投资|规模|资本)\s*$/;
/** `给予补助资金2万元`, `给予10万元奖补资金`: money words before 资金 make it an amount granted, not a budget. */
const GRANTED_FUND_BEFORE = /(?:给予|发放|奖励|一次性)[\u4e00-\u9fa5]{0,6}(?:补助|补贴|奖补|奖励|扶持|资助)资金\s*$/;
/**
 * Appropriations and totals (`安排就业补助资金3.5亿元`, `累计发放创业担保贷款12亿元`, `下达资金…`): money
 * set aside or spent in total, not an amount per recipient. A capped amount (`补贴总额不超过5万元`)
 * and an amount paid per person or unit (`每人每年安排…交通补助500元`) stay subsidies.
 */
const APPROPRIATION = /累计|共计|合计|总计|下达|拨付|筹集|筹措|整合|统筹|安排[\u4e00-\u9fa5]{0,12}(?:资金|经费)|(?:资金|经费)[\u4e00-\u9fa5]{0,4}安排|(?:全国|全省|全市|全区|全县|各地|各级)[\u4e00-\u9fa5]{0,8}(?:发放|投入|支出|兑现|使用)/;
const FUND_AFTER = /^\s*(?:的)?[\u4e00-\u9fa5]{0,12}(?:资金|经费|预算)/;
/** Granted: `给予10万元奖补资金` is an award, `安排1.2亿元就业补助资金` an appropriation. */
const GRANT_VERB = /给予|发放|奖励|一次性/;
/** A 据实 rule later in the sentence (`…每人600元、省内每人300元，实际交通费不足标准的据实补助`) caps every amount before it. */
const ACTUAL_COST_CAP_AT = /不足[^。；]{0,16}(?:据实|按实)/y;
const CAP_BEFORE = /(?:不超过|最高|最多|上限|封顶|至多|不高于)[\u4e00-\u9fa5]{0,4}$/;
const CAP_AFTER = /^\s*(?:以内|以下(?!的)|封顶|为限|为上限)/;

function readParagraph(ctx: DocumentContext, para: BodyParagraph, subsidies: Subsidy[], findings: Finding[]) {
  const s = para.text.value;
  const amounts = amountsOf(s);
  if (amounts.length === 0) return;
  const inTitle = titleTest(s);
  let next = 0;
  for (const sent of sentencesOf(s)) {
    // amounts and sentences are both in text order: one pointer walks them together
    while (next < amounts.length && amounts[next].at < sent.start) next++;
    const first = next;
    while (next < amounts.length && amounts[next].at < sent.end) next++;
    const inSentence = amounts.slice(first, next);
    let previousEnd = sent.start;
    const sentenceRaw = s.slice(sent.start, sent.end);
    const sentenceText = stripParens(sentenceRaw);
    const loanSentence = LOAN.test(sentenceRaw);
    const lastCostCap = lastMatchStart(sentenceRaw, '不足', ACTUAL_COST_CAP_AT);
    let previous: Subsidy | null = null;
    let deltaEnd = -1;
    for (const amt of inSentence) {
      const clause = clauseAt(sent, amt.at) ?? [sent.start, sent.end];
      const before = s.slice(clause[0], amt.at);
      // 不足500元的，据实补助: the threshold of a cap rule on the amount before it
      if (/不足\s*$/.test(before)) {
        if (previous && /据实|按实/.test(s.slice(amt.end, Math.min(sent.end, amt.end + 40)))) previous.cap = true;
        continue;
      }
      if (DELTA_BEFORE.test(before) || (deltaEnd >= 0 && /^\s*[、和及]\s*$/.test(s.slice(deltaEnd, amt.at)))) {
        deltaEnd = amt.end;
        continue;
      }
      if (THRESHOLD_BEFORE.test(before) && !CAP_BEFORE.test(before)) continue;
      if (THRESHOLD_AFTER.test(s.slice(amt.end, amt.end + 12))) continue;
      if (BUDGET_BEFORE.test(before) && !GRANTED_FUND_BEFORE.test(before)) continue;
      const ownBefore = stripParens(s.slice(clause[0], amt.at));
      const capWord = CAP_BEFORE.test(before) || CAP_AFTER.test(s.slice(amt.end, amt.end + 12));
      const perUnit = amt.perAfter !== null || /每/.test(ownBefore);
      const fundAfter = FUND_AFTER.test(s.slice(amt.end, clause[1])) && !(GRANT_VERB.test(ownBefore) && !APPROPRIATION.test(ownBefore));
      if (!capWord && !perUnit && (APPROPRIATION.test(ownBefore) || fundAfter)) continue;
      if (inTitle(amt.at)) continue;
      if (isLoanCeiling(s, loanSentence, clause, amt)) continue;
      const clauseText = stripParens(s.slice(clause[0], clause[1]));
      const strong = /补贴|补助|奖补|奖励|资助|贴息|津贴|奖金/;
      const clauseWord = SUBSIDY_WORD.test(clauseText.replace(amt.printed, ''));
      if (!clauseWord && !(strong.test(sentenceText) && !NON_SUBSIDY_MONEY.test(clauseText))) continue;
      if (NON_SUBSIDY_MONEY.test(clauseText) && !strong.test(clauseText)) continue;

      const ownTail = s.slice(amt.end, Math.min(sent.end, amt.end + FUNDING_REACH));
      const cap =
        amt.range ||
        CAP_BEFORE.test(before) ||
        CAP_AFTER.test(ownTail) ||
        /^\s*（[^）]*不足[^）]*据实[^）]*）/.test(ownTail) ||
        /^\s*[^，。；]{0,4}，?[^，。；]{0,12}不足[^，。；]{0,12}据实/.test(ownTail) ||
        lastCostCap >= amt.end - sent.start;
      // per: the amount's own clause first (跨省就业每人每年补助1000元), else the sentence so far (每吸纳1名…，…给予…)
      const ownWindow = s.slice(Math.max(previousEnd, clause[0]), amt.at);
      let perTokens = perBefore(stripParens(ownWindow));
      if (perTokens.length === 0) perTokens = perBefore(stripParens(s.slice(previousEnd, amt.at)), true);
      if (amt.perAfter) perTokens.push(amt.perAfter.replace(/^每/, ''));
      const per = perTokens.length ? [...new Set(perTokens)].join('/') : null;

      const { recipient, condition } = recipientAndCondition(s, sent, clause, amt);
      const entry: Subsidy = {
        name: nameOf(s, sent, clause, amt, para),
        amount: amt.value,
        unit: '元',
        unitPrinted: amt.unitPrinted,
        per,
        recipient,
        condition,
        fundingSource: fundingOf(s, sent, amt),
        oneTime: false,
        cap,
        clause: para.clause,
        text: phraseText(s.slice(clause[0], clause[1])),
        span: spanAt(ctx, para.text, amt.at),
      };
      entry.oneTime = /一次性/.test(clauseText) || /一次性/.test(entry.name ?? '');
      subsidies.push(entry);
      previous = entry;
      previousEnd = amt.end;
      if (!amt.unitPrinted) {
        findings.push({
          rule: 'amount-missing-unit',
          severity: 'warning',
          message: `金额“${amt.printed}”未注明单位（按元读取）`,
          span: entry.span,
          data: { amount: amt.value, text: entry.text },
        });
      }
    }
  }
}

/**
 * Inside 《…》 (a title), a number is part of the name: the last 《 at or before i is not closed
 * before i, and a 》 follows. Bracket positions are found once per paragraph, so each test is a
 * binary search instead of a scan back to the last 《.
 */
function titleTest(s: string): (i: number) => boolean {
  const opens: number[] = [];
  const closes: number[] = [];
  // found natively, in order (most paragraphs hold no title: two scans, no loop over every character)
  for (let i = s.indexOf('《'); i >= 0; i = s.indexOf('《', i + 1)) opens.push(i);
  for (let i = s.indexOf('》'); i >= 0; i = s.indexOf('》', i + 1)) closes.push(i);
  const lastClose = closes.length ? closes[closes.length - 1] : -1;
  return (i) => {
    const open = lastAtOrBefore(opens, i);
    return open >= 0 && lastClose > i && lastAtOrBefore(closes, i) < open;
  };
}

/** The greatest element <= x of a sorted array, or -1. */
function lastAtOrBefore(sorted: number[], x: number): number {
  const k = countAtOrBelow(sorted, x);
  return k > 0 ? sorted[k - 1] : -1;
}

/** Number of clauses of the sentence that start before `at` (they are in text order). */
function clausesStartingBefore(sent: Sentence, at: number): number {
  let lo = 0;
  let hi = sent.clauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sent.clauses[mid][0] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The clause holding offset `at`, if any (clauses are disjoint and in text order). */
function clauseAt(sent: Sentence, at: number): [number, number] | undefined {
  const k = clausesStartingBefore(sent, at + 1) - 1;
  const c = sent.clauses[k];
  return c && at >= c[0] && at < c[1] ? c : undefined;
}

/** Start of the last match of a sticky regex at an occurrence of `cue` in `s`, or -1. */
function lastMatchStart(s: string, cue: string, sticky: RegExp): number {
  for (let i = s.lastIndexOf(cue); i >= 0; i = i > 0 ? s.lastIndexOf(cue, i - 1) : -1) {
    sticky.lastIndex = i;
    if (sticky.test(s)) return i;
  }
  return -1;
}

const PER_TOKEN = /每(?:(?:吸纳|介绍|招用|招聘|培训|输出|安置|帮扶|带动|转移|新增|推荐|引进|录用)(?:\d+|一)(名|人|户|家))|每(?:个|一个|一|位)?(人次|人|户|年|月|季度|亩|吨|家|名|项目|台|套|辆|头|平方米|千瓦时|千瓦|瓦|期|场|所|天|日)/g;

/**
 * `每人每年` → [人, 年]; `每吸纳1名脱贫人口` → [人]. With `ratesOnly`, just the `每吸纳1名…` kind: in the
 * clauses before an amount, a bare `每年` usually belongs to a condition (`对每年跨省稳定就业…的`).
 */
function perBefore(window: string, ratesOnly = false): string[] {
  const out: string[] = [];
  PER_TOKEN.lastIndex = 0;
  for (let m = PER_TOKEN.exec(window); m; m = PER_TOKEN.exec(window)) {
    if (ratesOnly && !m[1]) continue;
    const t = m[1] ? (m[1] === '名' ? '人' : m[1]) : m[2] === '名' ? '人' : m[2];
    out.push(t);
  }
  return out;
}

const HEAD = new RegExp(`(?:${POLICY_HEADS.join('|')})`);
const HEAD_END = new RegExp(`(?:${POLICY_HEADS.join('|')})$`);
const GENERIC = new RegExp(`^(?:一次性)?(?:${POLICY_HEADS.join('|')})+$`);
/** A name right after the amount (`200元就业创业服务补助`), one a standard belongs to (`交通补贴标准为…`), one given (`给予生产奖补`): compiled once. */
const NAME_AFTER = new RegExp(`^(?:的)?[\\u4e00-\\u9fa5]{0,16}?${HEAD.source}+`);
const NAME_OF_STANDARD = new RegExp(`([\\u4e00-\\u9fa5]{1,16}?${HEAD.source})(?:的)?(?:补助|补贴)?标准`);
const NAME_GIVEN = new RegExp(`(?:给予|安排|发放|享受)([\\u4e00-\\u9fa5]{1,16}?${HEAD.source})`);
/** Words after which a subsidy's name starts. */
const NAME_STOP = /.*(?:给予|安排|发放|享受|兑现|落实|按照|按|标准为|标准|分档|进行|予以|使用|实行|实施|额度|可|的|其中|对|从|由|为|每人|每户|每年|每月|，)/;
const NAME_EACH = /^(?:每(?:个|一|位)?(?:人次|人|户|年|月|季度|亩|吨|家|名|项目|台|套|平方米|千瓦时|千瓦|瓦|企业|单位))+/;

function cleanName(raw: string): string | null {
  const cut = raw.replace(NAME_STOP, '').replace(NAME_EACH, '');
  const name = trimPhrase(cut);
  if (!name || !HEAD_END.test(name) || name.length > 20) return null;
  return name;
}

function nameOf(s: string, sent: Sentence, clause: [number, number], amt: Amount, para: BodyParagraph): string | null {
  const candidates: (string | null)[] = [];
  const after = stripParens(s.slice(amt.end, clause[1]));
  // directly after: 200元就业创业服务补助 / 1000元的一次性奖补 / 600元的标准分档给予一次性交通补助
  const afterHead = NAME_AFTER.exec(after);
  if (afterHead) candidates.push(cleanName(afterHead[0]));
  // directly before: 交通补助500元 / 商品有机肥补贴250元
  const before = stripParens(s.slice(clause[0], amt.at)).replace(/(?:标准为|标准是|为|标准|额度|金额|最高|最多|不超过|每人|每户|每年|每月|每天|每亩|共|合计|一次性|按)+$/, '');
  const run = before.slice(before.length - trailingRun(before, HAN));
  // 2019年光伏电站奖励标准为…: the year is no part of the name
  const beforeHead = /\d$/.test(before.slice(0, before.length - run.length)) ? run.replace(/^[年月日]/, '') : run;
  if (HEAD_END.test(beforeHead)) candidates.push(cleanName(beforeHead));
  // 交通补贴标准为省外每人600元: the name the standard belongs to
  const standard = NAME_OF_STANDARD.exec(stripParens(s.slice(clause[0], amt.at)));
  if (standard) candidates.push(cleanName(standard[1]));
  // the sentence's named subsidy: 给予生产奖补，其中…补助1000元
  const head = stripParens(s.slice(Math.max(sent.start, clause[0] - FUNDING_REACH), clause[0]));
  const given = NAME_GIVEN.exec(head);
  if (given) candidates.push(cleanName(given[1]));
  // the clause heading: （一）绿肥种植补贴
  if (para.heading && HEAD_END.test(para.heading) && para.heading.length <= 20) candidates.push(para.heading);
  const named = candidates.filter((c): c is string => !!c);
  return named.find((c) => !GENERIC.test(c)) ?? named[0] ?? null;
}

/**
 * `对X的Y，…` → condition X, recipient Y; `给予Y1000元` → recipient Y; a clause ending in 的
 * or holding a rate (`每介绍1人…`) before the amount is a condition; `其中跨省就业每人…` → condition 跨省就业.
 */
function recipientAndCondition(s: string, sent: Sentence, clause: [number, number], amt: Amount): { recipient: string | null; condition: string | null } {
  let recipient: string | null = null;
  const conditions: string[] = [];
  const own = stripParens(s.slice(clause[0], amt.at));
  // the few clauses right before the amount (bounded, so a run-on sentence stays linear)
  const before = clausesStartingBefore(sent, clause[0]);
  const preceding = sent.clauses.slice(Math.max(0, before - MAX_CLAUSES_BACK), before);
  for (const [a, b] of preceding) {
    const c = trimPhrase(stripParens(s.slice(a, b)));
    const dui = /^(?:[\u4e00-\u9fa5]{0,6}?(?:可|要|应|将))?对于?(.+)$/.exec(c);
    if (dui) {
      // 对…的商品有机肥补贴250元/吨: the subsidy itself is no part of who gets it
      const body = dui[1].replace(/(?:给予|补贴|补助|奖补|奖励|资助)[^的]*$/, '');
      const k = body.lastIndexOf('的');
      if (k > 0 && k < body.length - 1) {
        conditions.push(body.slice(0, k));
        recipient = body.slice(k + 1);
      } else if (k === body.length - 1) conditions.push(body.slice(0, k));
      else recipient = body;
      continue;
    }
    if (/的$/.test(c)) conditions.push(c.replace(/^(?:且|并且|并|同时)/, '').replace(/的$/, ''));
    else if (/每(?:吸纳|介绍|招用|招聘|培训|输出|安置|帮扶|带动|转移|新增|推荐|引进|录用)/.test(c)) conditions.push(c);
  }
  const ownDui = /对于?([^，]+?)的([\u4e00-\u9fa5、]{2,20}?)(?:给予|补贴|补助|奖励|奖补|资助|发放|按)/.exec(own);
  if (ownDui) {
    conditions.push(ownDui[1]);
    recipient = ownDui[2];
  }
  const qizhong = /^其中[，]?([\u4e00-\u9fa5、]{2,20}?)(?=每|按|给予|补助|补贴|奖励|奖补|可|$)/.exec(own);
  if (qizhong) conditions.push(qizhong[1]);
  const eachPrefix = /^(?:其中)?(?!每)([\u4e00-\u9fa5、]{2,12}?)(?=每)/.exec(own);
  if (eachPrefix && !qizhong && !HEAD.test(eachPrefix[1]) && !/^(?:各地|各市|各县|各区|可|要|并)|给予|安排|发放|配套|按|由|从|利用/.test(eachPrefix[1])) conditions.push(eachPrefix[1]);
  const given = /给予([\u4e00-\u9fa5、]{2,20}?)$/.exec(own);
  const givenTo = given?.[1].replace(/一次性$/, '') ?? '';
  if (givenTo.length >= 2 && !HEAD.test(givenTo)) recipient = givenTo;
  if (recipient) recipient = recipient.replace(/(?:最高|最多|不超过|不高于|按照|按|每[个位]?[\u4e00-\u9fa5]{0,3}?(?=最高|最多|不超过|$))+$/, '');
  const condition = conditions.map(trimPhrase).filter((c) => c.length > 0);
  return { recipient: recipient ? trimPhrase(recipient) || null : null, condition: condition.length ? condition.join('，') : null };
}

/** How far (clauses back, characters either side) the context of an amount is looked for. */
const MAX_CLAUSES_BACK = 6;
const FUNDING_REACH = 200;

const FUNDING = /(?:由|从|利用|使用|通过|用|在)([\u4e00-\u9fa5、]{2,24}?(?:资金|经费|基金))(?:中|内|里)?(?=给予|列支|安排|支付|解决|予以|补助|奖补|支出|统筹|奖励|补贴|发放|承担|负担|，|。|；|$)/g;

/** The fund the amount is paid from: `由就业补助资金列支`, `利用衔接推进乡村振兴补助资金给予…`. Nearest to the amount wins. */
function fundingOf(s: string, sent: Sentence, amt: Amount): string | null {
  const pieces: { text: string; offset: number }[] = [];
  // strip asides per side so the distance to the amount stays meaningful
  const left = stripParens(s.slice(Math.max(sent.start, amt.at - FUNDING_REACH), amt.at));
  const right = stripParens(s.slice(amt.end, Math.min(sent.end, amt.end + FUNDING_REACH)));
  let best: { name: string; distance: number } | null = null;
  pieces.push({ text: left, offset: -left.length }, { text: right, offset: 0 });
  for (const { text, offset } of pieces) {
    FUNDING.lastIndex = 0;
    for (let m = FUNDING.exec(text); m; m = FUNDING.exec(text)) {
      const distance = offset < 0 ? text.length - m.index : m.index;
      const name = m[1].replace(/^(?:各地|各市|各县|可|按规定|相关)+/, '');
      if (!best || distance < best.distance) best = { name, distance };
    }
  }
  return best?.name ?? null;
}

const LOAN = /贷款|信贷/;
const LOAN_AFTER = /^[^，。；、,;]{0,10}(贷款|信贷)/;
const GRANT_IN_CLAUSE = /补贴|补助|奖补|奖励|资助|津贴|奖金|贴息(?!贷款)/;

/** `最高可申请20万元创业担保贷款`, `小微企业最高额度为300万元` in a sentence about loans: credit, not a grant. */
function isLoanCeiling(s: string, loanSentence: boolean, clause: [number, number], amt: { at: number; end: number; printed: string }): boolean {
  if (LOAN_AFTER.test(s.slice(amt.end, clause[1]))) return true;
  if (!loanSentence) return false;
  return !GRANT_IN_CLAUSE.test(stripParens(s.slice(clause[0], clause[1])).replace(/担保贷款|贴息贷款/g, ''));
}
