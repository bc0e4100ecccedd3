import type { Target } from '../../schemas/notice.js';
import { chineseToInt } from '../lexicon/numerals.js';
import { PROVINCES } from '../lexicon/regions.js';
import { spanAt, type DocumentContext } from './context.js';
import { placeKindAfterCount } from './key-regions.js';
import { bodyParagraphs, NUM, RANGE_SEP, scaleDecimal, sentencesOf, stripParens, trimPhrase, phraseText, type BodyParagraph } from './numbers.js';

/**
 * Numeric targets in the body: `务工规模不低于3000万人` (>=, 3000 万人, persons 30000000),
 * `务工人数不低于387.6万` (counts people, so 万人), per-unit quotas `每个脱贫村至少培育1名劳务经纪人`
 * (scope 每个脱贫村), ranges `每个市（州）创建1—2个…` (value 1, max 2), `稳定在15.64万人以上`.
 *
 * A figure is a target only when the text sets it: a comparator (不低于/至少/不超过/…以上/…以内) or a
 * target verb (创建/新建/培育/…) right before it. Not targets: money (元 is not a target unit —
 * see subsidies), counts of places (`160个…重点帮扶县`, see key regions), durations (`3个月`),
 * and eligibility conditions (`吸纳…3人以上…可认定为…`, `…的，给予…`, `每吸纳1名…`).
 */
export function extractTargets(ctx: DocumentContext): Target[] {
  const out: Target[] = [];
  for (const para of bodyParagraphs(ctx)) {
    try {
      readParagraph(ctx, para, out);
    } catch {
      // odd input never stops the extraction
    }
  }
  return out;
}

/** Units of what a target counts, longest first. Durations and money are absent on purpose. */
const UNIT =
  '万人次|人次|万人|万名|万户|万个|万家|万套|万间|个百分点|万(?![元亩吨千])|人(?!民币|均)|名(?!单|称|义)|个(?!月|工作日|百分点|小时|季度|星期|自然日|年|工作|半月)|家(?!庭|属|长)|户(?!籍|口|外)|所|项|场|期|批|套|间|%';
const FIGURE = new RegExp(`(?<![\\d.,\\-—/])(${NUM})(?:\\s*${RANGE_SEP}\\s*(${NUM}))?\\s*(${UNIT})`, 'g');
const CN_FIGURE = /(?<![一二两三四五六七八九十百])([一二两三四五六七八九十]{1,3})(名|个(?!月|工作日|百分点)|人|家(?!庭)|户)/g;

const GE = /(?:不低于|不少于|至少|不小于)[\u4e00-\u9fa5]{0,3}$/;
const LE = /(?:不超过|不高于|不多于|最多|至多|控制在)[\u4e00-\u9fa5]{0,3}$/;
const GT = /(?:超过|高于|多于)$/;
const LT = /(?:低于|少于)$/;
const EQ = /(?:达到|稳定在|保持在|力争|确保|实现)$/;
/** A target verb, possibly with its object before the figure: `新建1个`, `新增城镇就业110万人`. */
const VERB = /(?<!每)(?:创建|新建|培育|建设|建成|打造|培训|开发|组建|设立|新增|扶持|带动|帮助|转移|吸纳|招收|选树|建立|发展|创设|开展|举办|组织|输出|安置)(?:(?![每的对])[\u4e00-\u9fa5]){0,8}$/;
const SUFFIX_GE = /^(?:及以上|以上)/;
const SUFFIX_LE = /^(?:及以下|以下|以内)/;

/** Sentences that state who qualifies, not what must be reached. */
const ELIGIBILITY = /认定为|视为|方可|可申请|可以申请|可享受|可以享受|予以认定|即可|可认定/;

const LEAD = /^(?:推动|推进|确保|力争|实现|帮助|保持|促进|带动|争取|努力|使|让|其中|并|要|着力|全力|切实|进一步|年内|全年|当年|今年|每年|到\d{4}年底?|\d{4}年(?:底|末)?|截至\d{4}年底?|年底前|年底|前)+/;
const TIME = /^(?:年内|全年|当年|今年|每年|年底前|年底|\d{4}年(?:底|末)?)+|(?:年内|全年|当年|今年|每年|年底前|年底)+$/;
const SCOPE_WORD = /^(?:全国|全省|全市|全区|全县|全州|省内|市内|区内|县内|本省|本市|本区|本县|我省|我市|我区|我县|各省份|各省|各市|各地|各县|各区)/;
const SCOPE_EACH = /^(?:每个|每一个|每)([\u4e00-\u9fa5]{0,6}?(?:乡镇|街镇|县区|县市|市县|社区|街道|园区|家庭|企业|车间|基地|单位|学校|项目|地区|村|县|市|区|乡|镇|州|省|户))(（[^）]{1,6}）)?/;
const ITEM_MARK = /^(?:（[一二三四五六七八九十百\d]+）|[一二三四五六七八九十百]+、|\d+[.、．](?!\d)|第[一二三四五六七八九十百]+条)/;

function readParagraph(ctx: DocumentContext, para: BodyParagraph, out: Target[]) {
  const s = para.text.value;
  for (const sent of sentencesOf(s)) {
    const sentence = s.slice(sent.start, sent.end);
    if (ELIGIBILITY.test(sentence)) continue;
    for (const [ca, cb] of sent.clauses) {
      const clause = s.slice(ca, cb);
      if (/的$/.test(stripParens(clause).trim())) continue; // …的，给予… : a condition
      if (/^对/.test(clause)) continue;
      const figures: { at: number; end: number; lo: string; hi: string | null; unit: string; value: number; max: number | null }[] = [];
      FIGURE.lastIndex = 0;
      for (let m = FIGURE.exec(clause); m; m = FIGURE.exec(clause)) {
        const value = scaleDecimal(m[1], 0);
        const max = m[2] ? scaleDecimal(m[2], 0) : null;
        if (value === null) continue;
        figures.push({ at: m.index, end: m.index + m[0].length, lo: m[1], hi: m[2] ?? null, unit: m[3], value, max });
      }
      CN_FIGURE.lastIndex = 0;
      for (let m = CN_FIGURE.exec(clause); m; m = CN_FIGURE.exec(clause)) {
        const value = chineseToInt(m[1]);
        // Chinese numerals only with an explicit comparator (一次, 一个 are words too often)
        if (value === null || !GE.test(clause.slice(0, m.index)) && !LE.test(clause.slice(0, m.index))) continue;
        figures.push({ at: m.index, end: m.index + m[0].length, lo: String(value), hi: null, unit: m[2], value, max: null });
      }
      for (const f of figures) {
        const t = targetOf(ctx, para, clause, ca, f);
        if (t) out.push(t);
      }
    }
  }
}

function targetOf(
  ctx: DocumentContext,
  para: BodyParagraph,
  clause: string,
  offset: number,
  f: { at: number; end: number; lo: string; hi: string | null; unit: string; value: number; max: number | null },
): Target | null {
  const before = clause.slice(0, f.at);
  const rest = clause.slice(f.end);
  if (/[第每]$/.test(before) || /^[号年月日时岁倍]/.test(rest)) return null;
  if (insideBracket(clause, f.at, '《', '》') || insideBracket(clause, f.at, '〔', '〕')) return null;
  // 160个国家乡村振兴重点帮扶县 → a key region
  if (/^个/.test(f.unit) && placeKindAfterCount(rest)) return null;
  const beforeBare = before.replace(/\s+$/, '');
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
  const suffix = SUFFIX_GE.exec(rest) ?? SUFFIX_LE.exec(rest);
  if (suffix) comparator = SUFFIX_GE.test(rest) ? '>=' : '<=';
  let verb: RegExpExecArray | null = null;
  if (!comparator) {
    verb = VERB.exec(beforeBare);
    if (!verb) return null;
    comparator = '=';
  }
  if ((f.unit === '%' || f.unit === '个百分点') && !cue && !suffix) return null;
  const afterUnit = rest.slice(suffix ? suffix[0].length : 0);
  if (/^\s*的/.test(afterUnit) && !/^\s*的(?:目标|任务)/.test(afterUnit)) return null; // 3人以上的企业: a condition

  // what comes before the cue: scope and the counted thing
  const cueStart = cue ? beforeBare.length - cue[0].length : verb ? beforeBare.length - verb[0].length : beforeBare.length;
  const between = cue ? cue[0].replace(/^(?:不低于|不少于|至少|不小于|不超过|不高于|不多于|最多|至多|控制在|超过|高于|多于|低于|少于|达到|稳定在|保持在|力争|确保|实现)/, '') : verb ? verb[0] : '';
  let subject = before.slice(0, cueStart);
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
  subject = stripParens(subject).replace(LEAD, '').replace(TIME, '');
  const object = stripParens(afterUnit)
    .replace(/^[\s的]+/, '')
    .replace(/（.*$/, '')
    .slice(0, 16);
  const verbText = /^(?:有|为|是|在|达|到)$/.test(between) ? '' : between;
  let metric = trimPhrase(`${subject}${verbText}${object}`);
  if (!metric) metric = trimPhrase(stripParens(clause)) || clause;

  let unit = f.unit;
  if (unit === '万' && /人数|人口|劳动力|人员|务工|就业|规模|农民工|职工|人才/.test(metric)) unit = '万人';
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
  };
}

function insideBracket(s: string, i: number, open: string, close: string): boolean {
  const o = s.lastIndexOf(open, i);
  return o >= 0 && s.lastIndexOf(close, i) < o && s.indexOf(close, o) > i;
}
