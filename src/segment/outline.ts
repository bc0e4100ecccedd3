import { chineseToInt } from '../lexicon/numerals.js';
import type { Text } from '../normalize/offsets.js';
import { CLAUSE_MARK, SECTION_MARK } from './classify.js';

import type { ClassifiedLine } from './documents.js';
import { joinTexts, lineText } from './lines.js';

export interface ClauseBlock {
  number: string;
  ordinal: number;
  heading: string | null;
  paragraphs: Text[];
}

export interface SectionBlock {
  number: string | null;
  ordinal: number | null;
  heading: string | null;
  /** paragraphs of the section outside its clauses (the heading paragraph included) */
  paragraphs: Text[];
  clauses: ClauseBlock[];
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
    const startsItem = l.kind === 'section' || l.kind === 'clause' || l.kind === 'tableRow' || /^（[^）]{1,12}）$/.test(l.flat) === false && /^\d+[.、．]\D/.test(l.flat);
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

const ARTICLE = /^第([一二三四五六七八九十百]+)条/;
const CHAPTER = /^第([一二三四五六七八九十百]+)章/;
const ITEM = /^（([一二三四五六七八九十百]+)）/;

/**
 * Two numbering schemes: notices (一、 sections, （一） clauses) and regulations (第X章 chapters,
 * 第X条 articles, where （一） are items inside an article). A body with articles is read the second way.
 */
export function outline(paras: Text[]): Outline {
  const articles = paras.filter((p) => ARTICLE.test(p.value)).length >= 2;
  const sectionMark = articles ? CHAPTER : SECTION_MARK;
  const clauseMark = articles ? ARTICLE : ITEM;
  const result: Outline = { preamble: [], sections: [] };
  let section: SectionBlock | null = null;
  let clause: ClauseBlock | null = null;
  for (const p of paras) {
    const s = sectionMark.exec(p.value);
    const c = clauseMark.exec(p.value);
    if (s) {
      const number = s[1] ?? s[2];
      section = { number, ordinal: chineseToInt(number), heading: headingOf(p.value.slice(s[0].length)), paragraphs: [p], clauses: [] };
      result.sections.push(section);
      clause = null;
    } else if (c) {
      const number = c[1];
      if (!section) {
        section = { number: null, ordinal: null, heading: null, paragraphs: [], clauses: [] };
        result.sections.push(section);
      }
      clause = { number, ordinal: chineseToInt(number) ?? 0, heading: headingOf(p.value.slice(c[0].length)), paragraphs: [p] };
      section.clauses.push(clause);
    } else if (clause) clause.paragraphs.push(p);
    else if (section) section.paragraphs.push(p);
    else result.preamble.push(p);
  }
  return result;
}

/** `保持规模稳定。按照…` → `保持规模稳定`; a heading line without a full stop is all heading. */
function headingOf(rest: string): string | null {
  const r = rest.replace(/^[\s：:]+/, '');
  const stop = r.search(/[。；]/);
  if (stop < 0) return r.length <= HEADING_LIMIT ? r || null : null;
  return stop <= HEADING_LIMIT ? r.slice(0, stop) : null;
}
