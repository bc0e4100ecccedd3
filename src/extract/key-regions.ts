import type { KeyRegion } from '../../schemas/notice.js';
import { spanAt, type DocumentContext } from './context.js';
import { chineseToInt } from '../lexicon/numerals.js';
import { bodyParagraphs, parseNumber, scaleDecimal, type BodyParagraph } from './numbers.js';

/**
 * Priority areas (重点地区) named in the body: `160个国家乡村振兴重点帮扶县` (count 160),
 * `二十个省级乡村振兴重点帮扶县` (20), `易地搬迁集中安置区` (count null), `大型安置区`,
 * `16个黄河滩区居民迁建安置区`, `革命老区`, `民族地区`, `三区三州`, `脱贫县` (counted, or named as the
 * object of support — `脱贫县要…` assigns duties), and any other counted set of places
 * (`N个…县/区/镇/村/安置点…`).
 */

/** What a counted set of places ends with (a count of these is a key region, never a target). */
export const PLACE_SUFFIX =
  '(?:重点帮扶县|帮扶县|重点县|脱贫县|安置区|安置点|安置社区|迁建区|示范区|先行区|试验区|开发区|高新区|保税区|保护区|产业园区|园区|产业园|示范基地|基地|地区|县区|县市|区县|市县|省份|乡镇|街镇|街道|社区|行政村|县|区|市|州|盟|旗|镇|乡|村)';
const PLACE_AFTER_COUNT = new RegExp(`^([\\u4e00-\\u9fa5]{0,18}?${PLACE_SUFFIX})(?=[和与及、，。；：等作的（）]|$)`);

/**
 * `国家乡村振兴重点帮扶县…` right after `N个`: the place kind, or null when what follows is not a set of
 * places. A named kind (see NAMED_KINDS) counts whatever follows it (`238个…集中安置点就业帮扶`).
 */
export function placeKindAfterCount(after: string): string | null {
  const m = PLACE_AFTER_COUNT.exec(after);
  return m ? m[1] : namedKindAt(after);
}

/**
 * The one decision whether `N个…` is a key region (a set of places that exist: `160个国家乡村振兴重点
 * 帮扶县`, `12个粮食生产核心区`) — its kind — or not (null): a quota to create is a target.
 */
export function keyRegionKindAt(before: string, after: string): string | null {
  return isQuota(before) ? null : placeKindAfterCount(after);
}

/**
 * A count that is a quota to create, not a set of places that exist: `每个市创建1—2个…基地`,
 * `新建3个产业园区`, `培育不少于5个示范基地` (those are targets).
 */
function isQuota(before: string): boolean {
  const b = before.replace(/\s+/g, '');
  if (/[—\-~～至到]$/.test(b) || /每[个一]?[\u4e00-\u9fa5（）()]{0,8}$/.test(b.replace(/(创建|新建|建设|建成|培育|打造|认定|命名|新增|设立|布局)?(不少于|不低于|至少|力争|约|近|超过)?$/, ''))) return true;
  return /(创建|新建|建设|建成|培育|打造|认定|命名|新增|设立|布局)(不少于|不低于|至少|力争|约|近|超过)?$/.test(b);
}

/**
 * Named priority-area kinds, found with or without a count, each with a word every match holds:
 * a paragraph without that word is not scanned for the kind (most paragraphs name none).
 */
const NAMED_KINDS: { re: RegExp; needs: string[]; atStart: RegExp }[] = [
  { re: /(?:国家|省级|省|市级|市|自治区|我省|全省|本省)?(?:乡村振兴)?重点帮扶县/g, needs: ['重点帮扶县'] },
  { re: /(?:大型|大中型|中型|小型)?(?:易地(?:扶贫)?搬迁|搬迁)(?:集中|大型|大中型|中型|小型)?(?:安置区|安置点|安置社区)/g, needs: ['搬迁'] },
  // `大型安置区`, `集中安置点` on their own: in a notice on jobs for the poverty-alleviated these are resettlement sites
  { re: /(?<![\u4e00-\u9fa5]{0,3}搬迁)(?:大型|大中型|集中)安置(?:区|点|社区)/g, needs: ['安置'] },
  { re: /(?:黄河|长江|淮河)?滩区(?:居民)?迁建(?:安置区|安置点|社区|区)?/g, needs: ['滩区'] },
  { re: /(?:国家|省级|省)?(?:革命老区|欠发达地区|边境地区|民族地区|深度贫困地区)/g, needs: ['老区', '地区'] },
  { re: /(?:国家|省级|省)?(?:脱贫县)(?!区|市|域)/g, needs: ['脱贫县'] },
  { re: /三区三州/g, needs: ['三区三州'] },
].map((k) => ({ ...k, atStart: new RegExp(`^(?:${k.re.source})`) }));

/**
 * Which named kinds a paragraph may hold, a bit each: every word some kind needs, found in one scan
 * of the paragraph (eight includes per paragraph before). The words never overlap (checked below),
 * so the scan's matches are every word the paragraph holds.
 */
function kindsHeld(s: string): number {
  let held = 0;
  NEEDED_WORD.lastIndex = 0;
  for (let m = NEEDED_WORD.exec(s); m; m = NEEDED_WORD.exec(s)) held |= KINDS_NEEDING.get(m[0])!;
  return held;
}
const NEEDED_WORDS = [...new Set(NAMED_KINDS.flatMap((k) => k.needs))];
const NEEDED_WORD = new RegExp(NEEDED_WORDS.join('|'), 'g');
/** word → the kinds (a bit each, by their place in NAMED_KINDS) that a paragraph holding it may hold */
const KINDS_NEEDING = new Map(NEEDED_WORDS.map((w) => [w, NAMED_KINDS.reduce((bits, k, i) => (k.needs.includes(w) ? bits | (1 << i) : bits), 0)]));
for (const a of NEEDED_WORDS) for (const b of NEEDED_WORDS) if (hides(a, b)) throw new Error(`key-regions: ${a} can hide ${b} from the one scan of kindsHeld`);

/** Whether a match of `a` can hide `b`: `a` holds `b`, or `a` ends with how `b` (or `a` again) starts. */
function hides(a: string, b: string): boolean {
  if (a !== b && a.includes(b)) return true;
  for (let k = 1; k < a.length && k <= b.length; k++) if (a.endsWith(b.slice(0, k))) return true;
  return false;
}

const CN_DIGITS = '零一二两三四五六七八九十百';
/** A count before `个`: `160`, `1.7万`, `二十`, `十三`. */
const COUNT = new RegExp(`(?<![\\d.${CN_DIGITS}])(?:(\\d+(?:\\.\\d+)?)\\s*(万)?|([${CN_DIGITS}]{1,4}))\\s*个`, 'g');

/** A named kind right at the start of `after` (what follows it does not matter: `…安置点就业帮扶`). */
function namedKindAt(after: string): string | null {
  for (const { atStart } of NAMED_KINDS) {
    const m = atStart.exec(after);
    if (m) return m[0];
  }
  return null;
}

/**
 * The family a kind belongs to, for de-duplication: every `…重点帮扶县` is one family, every
 * `…搬迁…安置区/点` another, `…滩区…迁建…` a third; other kinds are their own family.
 */
function family(kind: string): string {
  if (/重点帮扶县|帮扶县$/.test(kind)) return '重点帮扶县';
  if (/滩区/.test(kind)) return '滩区迁建';
  if (/搬迁.*安置|安置区$|安置点$|安置社区$/.test(kind)) return '搬迁安置区';
  if (/脱贫县$/.test(kind)) return '脱贫县';
  return kind.replace(/^(?:国家|省级|省)/, '');
}

/**
 * Within a family, what makes two kinds distinct sets: the size of a resettlement site (`大型安置区`
 * is not every `集中安置点`); the level (国家/省级) and 区/点 are not (`重点帮扶县` after
 * `省级乡村振兴重点帮扶县` is the same set).
 */
function variant(kind: string): string {
  const size = /(大中型|大型|中型|小型)/.exec(kind);
  return `${family(kind)}|${size ? size[1] : ''}`;
}

interface Hit extends KeyRegion {
  at: number;
}

export function extractKeyRegions(ctx: DocumentContext): KeyRegion[] {
  const hits: Hit[] = [];
  // a failure is reported by the plugin runner as an extractor-failed finding, never swallowed here
  bodyParagraphs(ctx).forEach((para, k) => readParagraph(ctx, para, k * 1_000_000, hits));
  return dedupe(hits.sort((x, y) => x.at - y.at)).map(({ kind, count, span }) => ({ kind, count, span }));
}

function readParagraph(ctx: DocumentContext, para: BodyParagraph, base: number, hits: Hit[]) {
  const s = para.text.value;
  const covered: [number, number][] = [];
  // counted: 160个国家乡村振兴重点帮扶县, 二十个省级乡村振兴重点帮扶县, 238个易地扶贫搬迁集中安置点就业帮扶
  COUNT.lastIndex = 0;
  // every count ends with 个: a paragraph without one is not scanned
  for (let m = s.includes('个') ? COUNT.exec(s) : null; m; m = COUNT.exec(s)) {
    if (/[每第]$/.test(s.slice(Math.max(0, m.index - 1), m.index))) continue;
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const kind = keyRegionKindAt(s.slice(Math.max(0, m.index - 16), m.index), after);
    if (!kind) continue;
    const count = m[1] !== undefined ? (m[2] ? scaleDecimal(m[1], 4) : parseNumber(m[1])) : chineseToInt(m[3]);
    if (count === null || !Number.isInteger(count) || count <= 0) continue;
    covered.push([m.index, m.index + m[0].length + kind.length]);
    hits.push({ kind, count, span: spanAt(ctx, para.text, m.index), at: base + m.index });
  }
  // named, without a count (or with one already read above)
  const held = kindsHeld(s);
  for (let i = 0; i < NAMED_KINDS.length; i++) {
    if (!(held & (1 << i))) continue;
    const { re } = NAMED_KINDS[i];
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const a = m.index;
      const b = a + m[0].length;
      if (covered.some(([x, y]) => a < y && b > x)) continue;
      if (/每个?$/.test(s.slice(Math.max(0, a - 2), a))) continue; // 每个重点帮扶县: a scope, not a region list
      // `脱贫县要将稳岗就业作为…`: every county that left poverty, named as the one who acts, is no priority area
      if (/脱贫县$/.test(m[0]) && /^(?:要|应|须|需|必须|需要|承担|负责|党委|政府)/.test(s.slice(b))) continue;
      covered.push([a, b]);
      hits.push({ kind: m[0], count: null, span: spanAt(ctx, para.text, a), at: base + a });
    }
  }
}

/**
 * One entry per place variant (family and size, see `variant`) unless the text gives distinct counts:
 * - a variant with at least one counted mention keeps its counted mentions (one per distinct kind+count)
 *   and drops the uncounted ones — `支持省乡村振兴重点帮扶县发展` in a heading is the same set as
 *   `我省13个乡村振兴重点帮扶县` right after it;
 * - a variant never counted keeps its first mention only (`238个…集中安置点和大型安置区`: two entries).
 * Variants keep the position of their first mention.
 */
function dedupe(hits: Hit[]): Hit[] {
  const byFamily = new Map<string, Hit[]>();
  for (const h of hits) {
    const f = variant(h.kind);
    const list = byFamily.get(f) ?? [];
    list.push(h);
    byFamily.set(f, list);
  }
  const out: Hit[] = [];
  for (const list of byFamily.values()) {
    const counted = list.filter((h) => h.count !== null);
    if (counted.length === 0) {
      out.push(list[0]);
      continue;
    }
    const seen = new Set<string>();
    for (const h of counted) {
      const key = `${h.kind}|${h.count}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(h);
    }
  }
  return out.sort((x, y) => x.at - y.at);
}
