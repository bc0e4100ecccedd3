import { isPolicyName, POLICY_HEADS, POLICY_LEAD } from '../lexicon/policies.js';
import type { DocumentContext } from './context.js';
import { bodyParagraphs, bracketPairs, sentencesOf, splitOutsideBrackets, stripParens } from './numbers.js';

/**
 * Support policies named without an amount (`社会保险补贴`, `创业担保贷款及贴息`, …), deduplicated,
 * in document order.
 *
 * - Lists: `按规定落实好A、B、C等政策` → A, B, C (items that are not policy names — `场地安排`,
 *   `创业培训` — are dropped; `A和B` / `A及B` inside an item are split unless the right side is a
 *   bare head word, so `培训补贴及生活费补贴` gives two names and `创业担保贷款及贴息` stays one).
 * - Single names after a verb: `按规定给予岗位补贴`, `享受一次性吸纳就业补贴政策`,
 *   `继续实施“雨露计划”职业教育补助政策`. A name in a clause that states an amount, or before an
 *   amount that names no policy of its own (`给予生产奖补，其中…补助1000元`), is a subsidy, not a
 *   mention; `给予职业技能培训补贴，…每人每天50元…给予生活费补贴` keeps the first as a mention.
 * - Names inside 《》 are documents; `落实《…》中的吸纳就业补贴政策` names the policy after it.
 * - A fund (`就业补助资金`) is no policy.
 */
export function extractPolicyMentions(ctx: DocumentContext): string[] {
  const found: { name: string; at: number }[] = [];
  // a failure is reported by the plugin runner as an extractor-failed finding, never swallowed here
  bodyParagraphs(ctx).forEach((para, k) => readParagraph(para.text.value, k * 1_000_000, found));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of found.sort((x, y) => x.at - y.at)) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    out.push(f.name);
  }
  return out;
}

/** An amount of money (or one printed without 元 after 一次性). */
const AMOUNT = /\d[\d,.]*\s*(?:[—–\-－~～至到]\s*\d[\d,.]*\s*)?(?:万元|亿元|千元|元)|一次性\d/;

/**
 * A document title (`《…》`, names inside it are no policies) with what ties it to the name after it:
 * `落实《…通知》中的吸纳就业补贴政策` → `落实吸纳就业补贴政策`.
 */
const TITLE = /《[^《》]*》(?:（[^（）]*）)?(?:[中里内]?(?:规定|明确|提出|确定|所列)?的)?/g;

/**
 * Whether a paragraph can name a policy at all: every name ends with a head word (isPolicyName), and
 * a name is cut from the paragraph with asides, titles and quotes taken out — which can join the two
 * characters of a head word, never create one — so both characters of some head word stand in it.
 */
function mayNamePolicy(s: string, from = 0, to = s.length): boolean {
  // one pass over the characters: which head words' first characters and which ones' second
  // characters stand in the text, a bit per head word (eleven includes per head word's pair before)
  let firsts = 0;
  let seconds = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    firsts |= HEAD_FIRST[c];
    seconds |= HEAD_SECOND[c];
    if (firsts & seconds) return true;
  }
  return false;
}
/** Per UTF-16 unit, the head words (a bit each) it is the first, or the second, character of. */
const HEAD_FIRST = new Uint16Array(0x10000);
const HEAD_SECOND = new Uint16Array(0x10000);
POLICY_HEADS.forEach((h, k) => {
  if (h.length !== 2 || k >= 16) throw new Error(`mayNamePolicy reads head words of two characters, at most 16 of them: ${h}`);
  HEAD_FIRST[h.charCodeAt(0)] |= 1 << k;
  HEAD_SECOND[h.charCodeAt(1)] |= 1 << k;
});

/** `《…》` titles out of a piece of text (most pieces have none: no regex pass for them). */
const withoutTitles = (s: string): string => (s.includes('《') ? s.replace(TITLE, '') : s);

function readParagraph(s: string, base: number, found: { name: string; at: number }[]) {
  if (!mayNamePolicy(s)) return;
  const pairs = bracketPairs(s);
  // index loops, not for…of (no iterator result per sentence and clause in unoptimised code)
  const sentences = sentencesOf(s);
  for (let n = 0; n < sentences.length; n++) {
    const sent = sentences[n];
    // the amount clauses that name no policy of their own take their name from the sentence
    // (`给予生产奖补，其中跨省就业每人每年补助1000元`): a name there is a subsidy, not a mention
    // AMOUNT needs a digit: a sentence without one has no amount clause (most sentences)
    const amountOf = digitIn(s, sent.start, sent.end) ? sent.clauses.map(([a, b]) => AMOUNT.test(s.slice(a, b))) : null;
    const amountClauses = amountOf ? sent.clauses.filter((_, k) => amountOf[k]) : [];
    const borrowsName = amountClauses.some(([a, b]) => !namesPolicy(stripParens(s.slice(a, b))));
    for (let k = 0; k < sent.clauses.length; k++) {
      const a = sent.clauses[k][0];
      const b = sent.clauses[k][1];
      // as for the paragraph: a name is cut from its clause, so a clause without both characters of
      // some head word names none (most clauses of a paragraph that names a policy)
      if (!mayNamePolicy(s, a, b)) continue;
      const at = base + a;
      const hasAmount = !!amountOf?.[k] || (borrowsName && a < amountClauses[amountClauses.length - 1][0]);
      const items = splitOutsideBrackets(s, '、', a, b, pairs).map(([x, y]) => withoutTitles(s.slice(x, y)));
      if (items.length >= 2) {
        // 违规发放补贴等行为: a list of something else
        const tail = /等([\u4e00-\u9fa5]{0,8})$/.exec(stripParens(items[items.length - 1]));
        if (tail && tail[1] && !LIST_OF_POLICIES.test(tail[1])) continue;
        items.forEach((raw, i) => {
          let item = stripParens(raw);
          if (i === 0) item = leadStripped(item);
          if (i === items.length - 1) item = item.replace(/等(?:[\u4e00-\u9fa5]{0,8})$/, '').replace(/(?:政策|措施|支持)+$/, '');
          for (const name of splitConjunctions(item)) if (isPolicyName(name)) found.push({ name, at: at + i });
        });
        continue;
      }
      if (hasAmount) continue;
      // quotes around a programme's name are no break in the policy's name: “雨露计划”职业教育补助
      const clause = withoutTitles(stripParens(s.slice(a, b))).replace(/[“”"‘’]/g, '');
      const verb = VERB;
      verb.lastIndex = 0;
      for (let m = verb.exec(clause); m; m = verb.exec(clause)) {
        const run = /^[\u4e00-\u9fa5]+/.exec(clause.slice(m.index + m[0].length))?.[0] ?? '';
        const name = longestName(run.split(/等|政策|的/)[0]);
        if (!name) continue;
        for (const n of splitConjunctions(name)) if (isPolicyName(n)) found.push({ name: n, at: at + m.index });
      }
    }
  }
}

/** The verbs a single policy name follows (global: read with exec from lastIndex 0, to the end). */
const VERB = /(?:给予|落实好|落实|享受|延续|发放|申领|申请|兑现|执行|实施)/g;

/** Whether s[from, to) holds an ASCII digit. */
function digitIn(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** What a list of policies ends with: `…等政策`, `…等政策支持`, `…等补贴`. */
const LIST_OF_POLICIES = /^(?:[\u4e00-\u9fa5]{0,4}(?:政策|措施|支持|扶持|补贴|补助|奖补|优惠|待遇)[\u4e00-\u9fa5]{0,4})$/;

const HEAD_AT_END = new RegExp(`(?:${POLICY_HEADS.join('|')})$`);

/** The first list item without the verb that introduces the list: `按规定落实好吸纳…就业补贴` → `吸纳…就业补贴`. */
function leadStripped(item: string): string {
  const verbs = /给予|落实好|落实|享受|延续|发放|申领|兑现|执行|实施|提供|包括|用好/g;
  let cut = -1;
  for (let m = verbs.exec(item); m; m = verbs.exec(item)) cut = m.index + m[0].length;
  const rest = cut >= 0 ? item.slice(cut) : item;
  return rest.replace(POLICY_LEAD, '');
}

/**
 * A clause that names a policy of its own (`按每人每天50元的标准给予生活费补贴`), not just a head word
 * (`每人每年补助1000元`): some run of Han characters, cut after the last word that introduces a name,
 * ends with a policy name.
 */
function namesPolicy(clause: string): boolean {
  const runs = clause.match(/[\u4e00-\u9fa5]+/g) ?? [];
  return runs.some((run) => {
    for (let end = run.length; end >= 3; end--) {
      if (!HEAD_AT_END.test(run.slice(0, end))) continue;
      const name = run.slice(0, end).replace(/^.*(?:给予|发放|享受|兑现|标准|按照|按|的|为|每人|每户|每月|每天|每年)/, '').replace(POLICY_LEAD, '');
      if (isPolicyName(name)) return true;
    }
    return false;
  });
}

/**
 * The longest prefix of a run of Han characters that ends with a policy head word. A name followed
 * by 资金/经费/基金 is a fund (`就业补助资金`), not a policy.
 */
function longestName(run: string): string | null {
  for (let end = run.length; end >= 3; end--) {
    if (/^(?:资金|经费|基金)/.test(run.slice(end))) continue;
    const prefix = run.slice(0, end).replace(POLICY_LEAD, '');
    if (HEAD_AT_END.test(prefix) && isPolicyName(prefix)) return prefix;
  }
  return null;
}

/** `一次性创业补贴和创业培训` → [一次性创业补贴, 创业培训]; `创业担保贷款及贴息` stays whole. */
function splitConjunctions(item: string): string[] {
  const parts = item.split(/以及|和|与|及(?!时)/);
  if (parts.length === 1) return [item];
  const out: string[] = [];
  let current = parts[0];
  const conj = item.match(/以及|和|与|及(?!时)/g) ?? [];
  for (let i = 1; i < parts.length; i++) {
    const right = parts[i];
    // a bare head word on the right belongs to the left: 贷款及贴息
    if (POLICY_HEADS.includes(right) || right.length < 2) current += conj[i - 1] + right;
    else {
      out.push(current);
      current = right;
    }
  }
  out.push(current);
  return out.map((p) => p.replace(POLICY_LEAD, '')).filter((p) => p.length > 0);
}
