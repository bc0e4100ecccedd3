import type { ClauseAlignment } from '../../schemas/diff.js';
import { unitPattern } from '../lexicon/units.js';
import type { Item, NoticeRecord } from '../../schemas/notice.js';
import { PROVINCES, provinceOfName } from '../lexicon/regions.js';
import { inserted, redline } from './redline.js';
import { coverage, countMask, displayText, isLink, MERGE_GAIN, MIN_SHARED, normalizeClause, pairScore, round3, shingles, SHINGLE, type PairScore } from './similarity.js';
import { coverCounts, maskBy, pairSpace } from './shingle-space.js';

/** What a unit is: see ClauseAlignment.unit. */
export type UnitKind = 'section' | 'clause' | 'item' | 'lead';

/**
 * A unit of comparison: the level where the text lives. A numbered clause （一）…, or each of its
 * items (1. （1） ①) when it holds items, with the clause's text before its first item as a 'lead'
 * unit; a whole 一、 section where a notice has no clauses.
 */
export interface Unit {
  index: number;
  /** the clause number (for an item or lead, its clause's; for a section unit, the section's) */
  number: string;
  /** printed path: 二（三）1 */
  path: string;
  kind: UnitKind;
  /** nesting depth: sections 0, clauses 1, items 2, sub-items 3 … (promotions compare these) */
  depth: number;
  heading: string | null;
  /** as a reader sees it: one line, numbering removed */
  display: string;
  /** as compared: see normalizeClause */
  norm: string;
  /** a lead that is only its clause's heading: shown when linked, not as added or removed */
  headingOnly?: boolean;
}

type RawUnit = Omit<Unit, 'index' | 'display' | 'norm'> & { text: string };
type Node = { path: string; heading: string | null; text: string };

/**
 * A node's units: the node itself when it holds no items; else its lead (text before the first
 * item, when there is any) and, recursively, each item at the next depth.
 */
function nodeUnits(node: Node, number: string, kind: UnitKind, depth: number, items: Item[], itemDepth = 1): RawUnit[] {
  const children = items.filter((i) => i.depth === itemDepth);
  if (!children.length) return [{ number, path: node.path, kind, depth, heading: node.heading, text: node.text }];
  const first = node.text.indexOf(children[0].text);
  const lead = first > 0 ? node.text.slice(0, first).trim() : '';
  // a lead that is only the heading (（一）多渠道筹措房源) is aligned when it is kept, never listed as added or removed
  const headingOnly = normalizeClause(lead) === normalizeClause(node.heading ?? '');
  const out: RawUnit[] = lead ? [{ number, path: node.path, kind: 'lead', depth, heading: node.heading, text: lead, headingOnly }] : [];
  children.forEach((child, k) => {
    const end = k + 1 < children.length ? items.indexOf(children[k + 1]) : items.length;
    const below = items.slice(items.indexOf(child) + 1, end);
    out.push(...nodeUnits(child, number, 'item', depth + 1, below, itemDepth + 1));
  });
  return out;
}

/**
 * The units of a record in document order. A notice without any （一） clauses (a short forwarding
 * notice written in 一、二、 sections) is compared section by section instead; a section holding
 * items but no clauses gives its items.
 */
export function unitsOf(record: NoticeRecord): Unit[] {
  const hasClauses = record.sections.some((s) => s.clauses.length);
  const raw = record.sections.flatMap((s): RawUnit[] => {
    // records written before revision 6 have no paths or items: the bare numbers stand in
    const sectionPath = s.path ?? s.number ?? '';
    if (s.clauses.length) return s.clauses.flatMap((c) => nodeUnits({ ...c, path: c.path ?? `${sectionPath}（${c.number}）` }, c.number, 'clause', 1, c.items ?? []));
    if (!s.number || !s.text.trim()) return [];
    if (s.items?.length) return nodeUnits({ ...s, path: sectionPath }, s.number, 'section', 0, s.items);
    return hasClauses ? [] : [{ number: s.number, path: sectionPath, kind: 'section', depth: 0, heading: s.heading, text: s.text }];
  });
  return raw.map(({ text, ...u }, index) => ({ ...u, index, display: displayText(text), norm: normalizeClause(text) }));
}

/** A link between a target unit and a base unit it adapts. */
export interface Link {
  t: number;
  b: number;
  score: PairScore;
}

/** How close a second candidate must come to the best for order to decide between them. */
const ORDER_SLACK = 0.05;
/** Links this strong are trusted as anchors of the document order. */
const ANCHOR = 0.5;

/**
 * Which base units each target unit adapts. Order and numbering are not assumed.
 * 1. Every pair is scored (similarity.ts, the base's stock phrases aside); each target takes its
 *    best-scoring base when the pair is a link (enough shared text), else it is added.
 * 2. Crossing penalty: when another base scores within ORDER_SLACK of the best, the one that crosses
 *    fewer strong anchor links (clause order kept) wins — reordering is allowed, but only on evidence.
 * 3. Merges: a further base is folded in when it explains MERGE_GAIN more of the target (or half of
 *    that base is found in the target) with at least MIN_SHARED new characters.
 * A base taken by several targets has been split.
 */
export function linkUnits(base: Unit[], target: Unit[]): Link[] {
  const { base: space, side } = pairSpace(base, target);
  // every pair's cover counts at once, from the shingle ids both sides share (compareTexts, by id)
  const byBase = coverCounts(side.at, space.holders, base.length, space.stock);
  const byTarget = coverCounts(space.at, side.holders, target.length, space.stock);
  const scores = target.map((t, ti) =>
    base.map((b, bi) => {
      const tb = ti * base.length + bi;
      const bt = bi * target.length + ti;
      return pairScore(b.norm, t.norm, { target: byBase.all[tb], base: byTarget.all[bt], targetDistinct: byBase.distinct[tb], baseDistinct: byTarget.distinct[bt] });
    }),
  );
  const best = target.map((_, t) => {
    let bi = -1;
    for (let b = 0; b < base.length; b++) if (isLink(scores[t][b]) && (bi < 0 || scores[t][b].link > scores[t][bi].link)) bi = b;
    return bi;
  });
  const anchors = best.map((b, t) => (b >= 0 && scores[t][b].link >= ANCHOR ? b : -1));
  const crossings = (t: number, b: number) =>
    anchors.reduce((n, ab, t2) => n + (ab >= 0 && t2 !== t && (t2 < t ? ab > b : ab < b) ? 1 : 0), 0);

  const links: Link[] = [];
  target.forEach((tu, t) => {
    if (best[t] < 0) return;
    const top = scores[t][best[t]].link;
    const candidates = base
      .map((_, b) => b)
      .filter((b) => isLink(scores[t][b]) && scores[t][b].link >= top - ORDER_SLACK)
      .map((b) => ({ b, cross: crossings(t, b), link: scores[t][b].link }))
      .sort((x, y) => x.cross - y.cross || y.link - x.link);
    const primary = candidates[0].b;
    links.push({ t, b: primary, score: scores[t][primary] });

    // merges: union coverage of the target over its bases
    // (stock phrases aside: the shingles a base unit holds that no other base unit does)
    const distinctOf = (b: number) => (id: number) => space.stock[id] === 0 && space.holders[id][0] === b;
    const mask = maskBy(side.at[t], tu.norm.length, distinctOf(primary));
    let covered = countMask(mask);
    const others = base
      .map((_, b) => b)
      .filter((b) => b !== primary && isLink(scores[t][b]))
      .sort((x, y) => scores[t][y].link - scores[t][x].link);
    for (const b of others) {
      const next = maskBy(side.at[t], tu.norm.length, distinctOf(b), mask.slice());
      const gained = countMask(next) - covered;
      if (gained < MIN_SHARED) continue;
      if (gained / Math.max(1, tu.norm.length) >= MERGE_GAIN || scores[t][b].base >= 0.5) {
        mask.set(next);
        covered += gained;
        links.push({ t, b, score: scores[t][b] });
      }
    }
  });
  return links.sort((x, y) => x.t - y.t || x.b - y.b);
}

const LOCAL_MARKERS = [
  /\d+(?:\.\d+)?\s*(?:万|亿|千)?元/, // amounts of money
  new RegExp(`\\d+(?:\\.\\d+)?\\s*(?:${unitPattern((u) => u.role === 'count')})`), // local figures and quotas (the one unit table)
  /(?:省|市|州|县)级责任单位|责任单位/,
  /省(?:人社|人力资源社会保障|财政|发改|发展改革|农业农村|乡村振兴|教育|民政|商务|住建|交通|卫健|税务)(?:厅|委|局)?/,
  /我省|全省|本省|省内|省定|省级|各市|市（地）|市（州）/,
];

/** Whether the text a province inserted names local specifics: amounts, quotas, local bodies or places. */
export function addsLocalSpecifics(text: string, target: NoticeRecord): boolean {
  if (!text) return false;
  if (LOCAL_MARKERS.some((re) => re.test(text))) return true;
  const province = target.region ? provinceOfName(target.region.name) : null;
  const places = new Set<string>();
  if (province) {
    places.add(province.short);
    // 鲁渝、鲁甘: the province's abbreviation paired with a partner's
    const others = PROVINCES.filter((p) => p !== province).map((p) => p.abbr).join('');
    if (new RegExp(`${province.abbr}[${others}]|[${others}]${province.abbr}`).test(text)) return true;
  }
  for (const table of target.tables) for (const row of table.rows) if (row.region.length >= 2 && !/合计|总计/.test(row.region)) places.add(row.region.replace(/\s+/g, ''));
  for (const p of places) if (p && text.includes(p)) return true;
  return false;
}

/**
 * Targets whose main link breaks the base order: the links outside a longest run of targets whose
 * bases keep their order (a longest non-decreasing subsequence, so a split base stays in order).
 * Fewest units are called moved; the rest merely shifted around them.
 */
export function movedTargets(links: Link[]): Set<number> {
  const main = new Map<number, Link>();
  for (const l of links) if (!main.has(l.t) || l.score.link > main.get(l.t)!.score.link) main.set(l.t, l);
  const seq = [...main.values()].sort((x, y) => x.t - y.t);
  // patience sorting: tails[k] = index in seq of the smallest tail of a run of length k+1
  const tails: number[] = [];
  const prev: number[] = [];
  seq.forEach((l, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]].b <= l.b) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) kept.add(seq[i].t);
  return new Set(seq.filter((l) => !kept.has(l.t)).map((l) => l.t));
}

/** The structural changes of one link, beyond its text: merged, split, moved, promoted/demoted. */
function structureTags(l: Link, bu: Unit, tu: Unit, basesOf: Map<number, number[]>, targetsOf: Map<number, number[]>, moved: Set<number>): string[] {
  const tags: string[] = [];
  if ((basesOf.get(l.t)?.length ?? 0) > 1) tags.push('merged');
  if ((targetsOf.get(l.b)?.length ?? 0) > 1) tags.push('split');
  if (moved.has(l.t)) tags.push('moved');
  if (bu.kind !== 'lead' && tu.kind !== 'lead' && bu.depth !== tu.depth) tags.push(tu.depth < bu.depth ? 'promoted' : 'demoted');
  return tags;
}

/** A text cut after each full stop, semicolon, question or exclamation mark (the marks stay). */
const sentences = (text: string): string[] => text.match(/[^。；！？]+[。；！？]?/g) ?? [];

/** A base sentence is part of a target's share when this much of it is found in the target. */
const SHARE_COVER = 0.5;

/**
 * The base text each target of a split unit is compared with: the base sentences it draws on
 * (SHARE_COVER of the sentence found in it; the target finding most of it takes it), so that each
 * redline shows what that target kept and changed, not the siblings' text as deleted. A sentence no
 * target draws on goes to the target with the strongest link, where it shows as deleted: every
 * base sentence is in exactly one row.
 */
export function baseShares(bu: Unit, targets: Unit[], strongest: number): Map<number, string> {
  const parts = sentences(bu.display);
  const sets = targets.map((t) => shingles(t.norm));
  const owner = parts.map((part) => {
    const norm = normalizeClause(part);
    let best = -1;
    let bestCover = SHARE_COVER;
    targets.forEach((t, k) => {
      const c = norm.length < SHINGLE ? (t.norm.includes(norm) && norm.length > 0 ? 1 : 0) : coverage(norm, t.norm, SHINGLE, undefined, sets[k]);
      if (c >= bestCover && (best < 0 || c > bestCover)) {
        best = k;
        bestCover = c;
      }
    });
    return best >= 0 ? targets[best].index : strongest;
  });
  const out = new Map<number, string>(targets.map((t) => [t.index, '']));
  parts.forEach((part, i) => out.set(owner[i], out.get(owner[i]) + part));
  return out;
}

/** Aligns two lists of units (see linkUnits) into ClauseAlignment rows, in target order with removed base units in place. */
export function alignUnits(baseUnits: Unit[], targetUnits: Unit[], target?: NoticeRecord, links = linkUnits(baseUnits, targetUnits)): ClauseAlignment[] {
  const basesOf = new Map<number, number[]>();
  const targetsOf = new Map<number, number[]>();
  for (const l of links) {
    basesOf.set(l.t, [...(basesOf.get(l.t) ?? []), l.b]);
    targetsOf.set(l.b, [...(targetsOf.get(l.b) ?? []), l.t]);
  }
  const moved = movedTargets(links);
  // split base units: each target is redlined against its share of the base (baseShares)
  const shares = new Map<number, Map<number, string>>();
  for (const [b, ts] of targetsOf) {
    if (ts.length < 2) continue;
    const strongest = links.filter((l) => l.b === b).reduce((x, y) => (y.score.link > x.score.link ? y : x)).t;
    shares.set(b, baseShares(baseUnits[b], ts.map((t) => targetUnits[t]), strongest));
  }

  type Row = ClauseAlignment & { bi: number | null };
  const rows: Row[] = [];
  for (const tu of targetUnits) {
    const mine = links.filter((l) => l.t === tu.index);
    if (!mine.length) {
      if (tu.headingOnly) continue;
      rows.push({
        base: null,
        target: tu.number,
        baseClause: null,
        targetClause: tu.path,
        unit: tu.kind,
        status: 'added',
        similarity: 0,
        tags: [],
        ops: tu.display ? [{ op: 'insert', text: tu.display }] : [],
        bi: null,
      });
      continue;
    }
    for (const l of mine) {
      const bu = baseUnits[l.b];
      const same = bu.norm === tu.norm;
      const ops = redline(shares.get(l.b)?.get(l.t) ?? bu.display, tu.display);
      const tags = structureTags(l, bu, tu, basesOf, targetsOf, moved);
      if (!same && target && addsLocalSpecifics(inserted(ops), target)) tags.push('implementation');
      rows.push({
        base: bu.number,
        target: tu.number,
        baseClause: bu.path,
        targetClause: tu.path,
        unit: tu.kind,
        status: same ? 'unchanged' : 'modified',
        similarity: same ? 1 : round3(l.score.similarity),
        tags,
        ops,
        bi: l.b,
      });
    }
  }
  // removed base units go after the row of the nearest preceding base unit that is still present
  for (const bu of baseUnits) {
    if (targetsOf.has(bu.index) || bu.headingOnly) continue;
    const row: Row = {
      base: bu.number,
      target: null,
      baseClause: bu.path,
      targetClause: null,
      unit: bu.kind,
      status: 'removed',
      similarity: 0,
      tags: [],
      ops: bu.display ? [{ op: 'delete', text: bu.display }] : [],
      bi: bu.index,
    };
    let at = 0;
    for (let p = bu.index - 1; p >= 0; p--) {
      const k = rows.findIndex((r) => r.bi === p);
      if (k >= 0) {
        at = k + 1;
        while (at < rows.length && rows[at].bi === p) at++;
        break;
      }
    }
    rows.splice(at, 0, row);
  }
  return rows.map(({ bi: _bi, ...r }) => r);
}

/**
 * Every target clause matched to the base clause(s) it adapts, or `added`; every base clause
 * without a counterpart `removed`. Clauses may move, merge, split and be renumbered.
 */
export function alignClauses(base: NoticeRecord, target: NoticeRecord): ClauseAlignment[] {
  return alignUnits(unitsOf(base), unitsOf(target), target);
}
