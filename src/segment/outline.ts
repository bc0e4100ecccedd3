import { chineseToInt } from '../lexicon/numerals.js';
import type { Text } from '../normalize/offsets.js';
import { CLAUSE_MARK, SECTION_MARK } from './classify.js';

import type { ClassifiedLine } from './documents.js';
import { joinTexts, lineText } from './lines.js';

/** How an item below a clause is numbered: 1. / 1、, （1）/(1), ①, and in regulations （一）/ 一、. */
export type ItemStyle = 'digit' | 'paren-digit' | 'circled' | 'paren-han' | 'han';

/**
 * An item (1.), sub-item (（1）) or further level (①) below a clause or section. Levels are not
 * fixed by style: the first style met below a node is its child level, a style already open is a
 * sibling there (how a reader nests mixed numbering: 1. → （1） → ① in one plan, （1） → 1. in another).
 */
export interface ItemBlock {
  /** as printed without brackets or punctuation: 1, ①, 一 */
  number: string;
  ordinal: number;
  style: ItemStyle;
  /** the printed path from the root: 二（三）1（2） */
  path: string;
  heading: string | null;
  /** the item's paragraphs, its own sub-items' included */
  paragraphs: Text[];
  items: ItemBlock[];
}

export interface ClauseBlock {
  number: string;
  ordinal: number;
  heading: string | null;
  /** the printed path: 二（三）, （三） outside sections, 第二章第五条, 第五条 */
  path: string;
  /** every paragraph of the clause, its items' included */
  paragraphs: Text[];
  items: ItemBlock[];
}

export interface SectionBlock {
  number: string | null;
  ordinal: number | null;
  heading: string | null;
  /** the printed path: 二, 第二章; '' for the unnumbered holder of clauses printed before any section */
  path: string;
  /** paragraphs of the section outside its clauses (the heading paragraph included) */
  paragraphs: Text[];
  clauses: ClauseBlock[];
  /** items printed in the section outside any clause (一、 followed directly by 1. 2.) */
  items: ItemBlock[];
}

export interface Outline {
  /** body paragraphs before the first section or clause */
  preamble: Text[];
  sections: SectionBlock[];
}

const TERMINAL = /[。！？；：”」）]$/;
const HEADING_LIMIT = 40;

const isShortHeading = (flat: string) =>
  (SECTION_MARK.test(flat) || CLAUSE_MARK.test(flat)) && !/[。；]/.test(flat) && flat.length <= HEADING_LIMIT;

/**
 * Hard line breaks inside sentences are undone: a line joins the paragraph above unless that
 * paragraph is finished (terminal punctuation, a short numbered heading) or the line starts a
 * new numbered item.
 */
export function paragraphs(text: Text, lines: ClassifiedLine[]): Text[] {
  const out: Text[][] = [];
  let current: Text[] | null = null;
  let currentFlat = '';
  let currentIsAgency = false;
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    const t = lineText(text, l);
    const startsItem =
      l.kind === 'section' || l.kind === 'clause' || l.kind === 'tableRow' || (/^（[^）]{1,12}）$/.test(l.flat) === false && /^\d+[.、．]\D/.test(l.flat)) || SUB_ITEM_START.test(l.flat);
    // an organisation alone on its line (联系人 blocks) is a heading of what follows, not wrapped text
    if (current && !startsItem && !currentIsAgency && !TERMINAL.test(currentFlat) && !isShortHeading(currentFlat) && l.kind !== 'tableRow') {
      current.push(t);
      currentFlat += l.flat;
      continue;
    }
    current = [t];
    currentFlat = l.flat;
    currentIsAgency = l.kind === 'agency';
    out.push(current);
  }
  return out.map((parts) => trimJoin(parts));
}

/** Wrapped lines join without a separator, except where two ASCII words would run together. */
function trimJoin(parts: Text[]): Text {
  const pieces: Text[] = [];
  parts.forEach((p, k) => {
    const prev = pieces[pieces.length - 1];
    if (k > 0 && /[A-Za-z0-9]$/.test(prev.value) && /^[A-Za-z]/.test(p.value)) pieces.push({ value: ' ', map: Int32Array.of(p.map[0], p.map[0]) });
    pieces.push(p);
  });
  return joinTexts(pieces);
}

/** A line opening a sub-item: （1）, (1), ① — a new paragraph even when the line above is unfinished. */
const SUB_ITEM_START = /^(?:[（(]\d{1,2}[）)]|[①-⑳])\S/;

const ARTICLE = /^第([一二三四五六七八九十百]+)条/;
const CHAPTER = /^第([一二三四五六七八九十百]+)章/;
const ITEM = /^（([一二三四五六七八九十百]+)）/;

/**
 * Two numbering schemes: notices (一、 sections, （一） clauses) and regulations (第X章 chapters,
 * 第X条 articles, where （一） are items inside an article). A body with articles is read the second way.
 * Below clauses (or sections without clauses) items are nested by their numbering style (see ItemBlock).
 */
export function outline(paras: Text[]): Outline {
  const articles = paras.filter((p) => ARTICLE.test(p.value)).length >= 2;
  const sectionMark = articles ? CHAPTER : SECTION_MARK;
  const clauseMark = articles ? ARTICLE : ITEM;
  const styles = articles ? ARTICLE_ITEM_STYLES : NOTICE_ITEM_STYLES;
  const result: Outline = { preamble: [], sections: [] };
  let section: SectionBlock | null = null;
  let clause: ClauseBlock | null = null;
  let items = new ItemStack('');
  for (const p of paras) {
    const s = sectionMark.exec(p.value);
    const c = clauseMark.exec(p.value);
    if (s) {
      const number = s[1] ?? s[2];
      const path = articles ? `第${number}章` : number;
      section = { number, ordinal: chineseToInt(number), heading: headingOf(p.value.slice(s[0].length)), path, paragraphs: [p], clauses: [], items: [] };
      result.sections.push(section);
      clause = null;
      items = new ItemStack(path, section.items);
    } else if (c) {
      const number = c[1];
      if (!section) {
        section = { number: null, ordinal: null, heading: null, path: '', paragraphs: [], clauses: [], items: [] };
        result.sections.push(section);
      }
      const path = section.path + (articles ? `第${number}条` : `（${number}）`);
      clause = { number, ordinal: chineseToInt(number) ?? 0, heading: headingOf(p.value.slice(c[0].length)), path, paragraphs: [p], items: [] };
      section.clauses.push(clause);
      items = new ItemStack(path, clause.items);
    } else if (clause) {
      clause.paragraphs.push(p);
      items.add(p, styles);
    } else if (section) {
      section.paragraphs.push(p);
      items.add(p, styles);
    } else result.preamble.push(p);
  }
  return result;
}

interface ItemMark {
  style: ItemStyle;
  number: string;
  /** the mark as it goes into a path */
  printed: string;
  length: number;
}

type StyleRule = [ItemStyle, RegExp, (n: string) => string];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** `1.` but not a decimal (`1.5万元`) or a year after the dot (`2.2022年度…` is an annex list line, not an item) */
const DIGIT_RULE: StyleRule = ['digit', /^(\d{1,2})(?:[.．](?!\d)|、)\s*/, (n) => n];
const PAREN_DIGIT_RULE: StyleRule = ['paren-digit', /^[（(](\d{1,2})[）)]\s*/, (n) => `（${n}）`];
const CIRCLED_RULE: StyleRule = ['circled', new RegExp(`^([${CIRCLED}])\\s*`), (n) => n];
const NOTICE_ITEM_STYLES: StyleRule[] = [DIGIT_RULE, PAREN_DIGIT_RULE, CIRCLED_RULE];
const ARTICLE_ITEM_STYLES: StyleRule[] = [
  ['paren-han', /^[（(]([一二三四五六七八九十]+)[）)]\s*/, (n) => `（${n}）`],
  ['han', /^([一二三四五六七八九十]+)、\s*/, (n) => n],
  ...NOTICE_ITEM_STYLES,
];

function itemMark(text: string, rules: StyleRule[]): ItemMark | null {
  for (const [style, re, print] of rules) {
    const m = re.exec(text);
    if (m) return { style, number: m[1], printed: print(m[1]), length: m[0].length };
  }
  return null;
}

const ordinalOf = (m: ItemMark) => (m.style === 'circled' ? CIRCLED.indexOf(m.number) + 1 : (chineseToInt(m.number) ?? 0));

/**
 * The open items below one clause or section, deepest last. A paragraph with a mark of a style
 * already open closes the levels below it and becomes their sibling; a new style opens a level
 * below the deepest item, but only at ordinal 1 (a lone `2.` is text, not the start of a list).
 * Other paragraphs belong to every open item.
 */
class ItemStack {
  private open: ItemBlock[] = [];
  constructor(
    private readonly rootPath: string,
    private readonly root: ItemBlock[] = [],
  ) {}

  add(p: Text, rules: StyleRule[]): void {
    const mark = itemMark(p.value, rules);
    const level = mark ? this.open.findIndex((i) => i.style === mark.style) : -1;
    if (mark && (level >= 0 || ordinalOf(mark) === 1)) {
      if (level >= 0) this.open.length = level;
      const parent = this.open[this.open.length - 1];
      const item: ItemBlock = {
        number: mark.number,
        ordinal: ordinalOf(mark),
        style: mark.style,
        path: (parent?.path ?? this.rootPath) + mark.printed,
        heading: headingOf(p.value.slice(mark.length)),
        paragraphs: [],
        items: [],
      };
      (parent ? parent.items : this.root).push(item);
      this.open.push(item);
    }
    for (const i of this.open) i.paragraphs.push(p);
  }
}

/** `保持规模稳定。按照…` → `保持规模稳定`; a heading line without a full stop is all heading. */
function headingOf(rest: string): string | null {
  const r = rest.replace(/^[\s：:]+/, '');
  const stop = r.search(/[。；]/);
  if (stop < 0) return r.length <= HEADING_LIMIT ? r || null : null;
  return stop <= HEADING_LIMIT ? r.slice(0, stop) : null;
}
