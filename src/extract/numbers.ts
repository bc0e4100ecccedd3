import type { Text } from '../normalize/offsets.js';
import type { DocumentContext } from './context.js';
import { charClass, trimWhere } from '../util/trim.js';

/**
 * Shared helpers for the figure extractors (targets, subsidies, policy mentions, key regions):
 * exact number parsing, the body paragraphs to read, and bracket-aware sentence/clause splitting.
 */

/** An Arabic number as printed: `3000`, `11.29`, `1,000`, `79.80`. */
export const NUM = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
/** What joins the two ends of a range: `1—2个`, `300-500元`, `1至2个`, `1～2个`. */
export const RANGE_SEP = '[—–\\-－~～至到]';

/** `79.80` → 79.8, `1,000` → 1000. NaN never escapes: unparsable input gives null. */
export function parseNumber(printed: string): number | null {
  // most figures are bare digits: nothing to strip or check (the same number)
  if (isDigits(printed)) return finiteOrNull(Number(printed));
  const s = printed.replace(/[,，\s]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * `printed × 10^power`, computed on the digits so no binary-float residue appears:
 * scaleDecimal('387.6', 4) → 3876000 (not 3876000.0000000005), scaleDecimal('0.36', 0) → 0.36.
 */
export function scaleDecimal(printed: string, power: number): number | null {
  // bare digits scaled up: the digits with `power` zeros after them (what the steps below give)
  if (power >= 0 && isDigits(printed)) return finiteOrNull(Number(printed + '0'.repeat(power)));
  const s = printed.replace(/[,，\s]/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  let int = m[1];
  let frac = m[2] ?? '';
  if (power > 0) {
    const pad = frac.padEnd(power, '0');
    int += pad.slice(0, power);
    frac = pad.slice(power);
  } else if (power < 0) {
    const p = -power;
    const padded = int.padStart(p + 1, '0');
    frac = padded.slice(padded.length - p) + frac;
    int = padded.slice(0, padded.length - p);
  }
  const n = Number(frac ? `${int}.${frac}` : int);
  return Number.isFinite(n) ? n : null;
}

/** Only ASCII digits, at least one (a regex replace and match per figure cost more than the rest of reading it in unoptimised code). */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const finiteOrNull = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** A body paragraph together with where it sits in the outline. */
export interface BodyParagraph {
  text: Text;
  /** clause number as printed without brackets (`十一`), null outside clauses */
  clause: string | null;
  /** the clause heading (`保持规模稳定`) — used to name a subsidy whose own name is generic */
  heading: string | null;
}

const paragraphsOfContext = new WeakMap<DocumentContext, readonly BodyParagraph[]>();

/**
 * Preamble, section and clause paragraphs in document order (never the annexes). Built once per
 * document context and shared by every extractor that reads the body (do not mutate it).
 */
export function bodyParagraphs(ctx: DocumentContext): readonly BodyParagraph[] {
  let paragraphs = paragraphsOfContext.get(ctx);
  if (!paragraphs) paragraphsOfContext.set(ctx, (paragraphs = collectParagraphs(ctx)));
  return paragraphs;
}

function collectParagraphs(ctx: DocumentContext): BodyParagraph[] {
  const out: BodyParagraph[] = [];
  const o = ctx.outline;
  if (!o) return out;
  for (const p of o.preamble ?? []) out.push({ text: p, clause: null, heading: null });
  for (const s of o.sections ?? []) {
    for (const p of s.paragraphs ?? []) out.push({ text: p, clause: null, heading: s.heading ?? null });
    for (const c of s.clauses ?? []) for (const p of c.paragraphs ?? []) out.push({ text: p, clause: c.number ?? null, heading: c.heading ?? null });
  }
  return out.filter((p) => p.text && typeof p.text.value === 'string' && p.text.value.length > 0);
}

const OPEN = '（(《“【〔[‘「';
const CLOSE = '）)》”】〕]’」';

/**
 * Character classes by UTF-16 code, one bit each in a 64 K table: the figure extractors test every
 * character of every paragraph against them, and a typed-array read is several times cheaper than a
 * Set lookup per character.
 */
const CODE_CLASS = new Uint8Array(0x10000);
const OPEN_BIT = 1;
const CLOSE_BIT = 2;
const SENTENCE_END_BIT = 4;
const markCodes = (chars: string, bit: number) => {
  for (const c of chars) CODE_CLASS[c.charCodeAt(0)] |= bit;
};
markCodes(OPEN, OPEN_BIT);
markCodes(CLOSE, CLOSE_BIT);
markCodes('。！？；;!?', SENTENCE_END_BIT);
const BRACKET_BITS = OPEN_BIT | CLOSE_BIT;

/** A delimiter test by character code (no one-character string per position). */
function isAnyOf(chars: string): (s: string, i: number) => boolean {
  let test = delimiterTests.get(chars);
  if (!test) {
    if (chars.length === 1) {
      const code = chars.charCodeAt(0);
      test = (s, i) => s.charCodeAt(i) === code;
    } else {
      const codes = new Uint8Array(0x10000);
      for (const c of chars) codes[c.charCodeAt(0)] = 1;
      test = (s, i) => codes[s.charCodeAt(i)] === 1;
    }
    delimiterTests.set(chars, test);
  }
  return test;
}
/** One test per delimiter string (callers pass a handful of literals, once per clause). */
const delimiterTests = new Map<string, (s: string, i: number) => boolean>();

/**
 * The figure extractors (policies, subsidies, targets, key regions) read the same paragraphs one
 * after another: a paragraph's bracket pairs are found once. A small memo keyed by the paragraph's
 * text (cleared when it grows, so memory stays flat), like the sentences below.
 */
const pairsMemo = new Map<string, Map<number, number>>();
const PAIRS_MEMO_SIZE = 256;

/**
 * Matched bracket pairs of a string (opening index → closing index). Unbalanced brackets are
 * ignored, so a stray `（` never swallows the rest of a paragraph. Shared between callers: do not
 * mutate.
 */
export function bracketPairs(s: string): Map<number, number> {
  let pairs = pairsMemo.get(s);
  if (!pairs) {
    if (pairsMemo.size >= PAIRS_MEMO_SIZE) pairsMemo.clear();
    pairsMemo.set(s, (pairs = findBracketPairs(s)));
  }
  return pairs;
}

function findBracketPairs(s: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: { ch: string; i: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    if ((CODE_CLASS[s.charCodeAt(i)] & BRACKET_BITS) === 0) continue;
    const ch = s[i];
    const o = OPEN.indexOf(ch);
    const c = CLOSE.indexOf(ch);
    // “ and ” are distinct; ASCII quotes are not treated as brackets
    if (o >= 0) stack.push({ ch, i });
    else if (c >= 0) {
      for (let k = stack.length - 1; k >= 0; k--) {
        if (OPEN.indexOf(stack[k].ch) === c) {
          pairs.set(stack[k].i, i);
          stack.length = k;
          break;
        }
      }
    }
  }
  return pairs;
}

/**
 * Index ranges [start, end) of `s` cut at any of `delims` outside brackets; delimiters excluded.
 * `delims` is a string of characters, or a predicate on (s, i) for context-dependent delimiters.
 */
export function splitOutsideBrackets(
  s: string,
  delims: string | ((s: string, i: number) => boolean),
  from = 0,
  to = s.length,
  pairs = bracketPairs(s),
): [number, number][] {
  const out: [number, number][] = [];
  const isDelim = typeof delims === 'string' ? isAnyOf(delims) : delims;
  let start = from;
  for (let i = from; i < to; i++) {
    // pairs are keyed by opening brackets only: look one up just there
    const close = CODE_CLASS[s.charCodeAt(i)] & OPEN_BIT ? pairs.get(i) : undefined;
    if (close !== undefined && close < to) {
      i = close;
      continue;
    }
    if (isDelim(s, i)) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, to]);
  return out;
}

/** Positions inside any matched bracket pair of the given kinds (default: round brackets). */
export function insideBrackets(s: string, i: number, pairs = bracketPairs(s), kinds = '（('): boolean {
  for (const [o, c] of pairs) if (o < i && i < c && kinds.includes(s[o])) return true;
  return false;
}

/** A sentence (cut at 。！？；) of a paragraph, with its comma clauses (cut at ，：). */
export interface Sentence {
  start: number;
  end: number;
  clauses: [number, number][];
}

/**
 * The figure extractors read the same paragraphs one after another: their sentences are split
 * once. A small memo keyed by the paragraph's text (cleared when it grows, so memory stays flat).
 */
const sentenceMemo = new Map<string, readonly Sentence[]>();
const SENTENCE_MEMO_SIZE = 256;

/** Sentences of a paragraph (shared between callers: do not mutate). */
export function sentencesOf(s: string): readonly Sentence[] {
  let sentences = sentenceMemo.get(s);
  if (!sentences) {
    if (sentenceMemo.size >= SENTENCE_MEMO_SIZE) sentenceMemo.clear();
    sentenceMemo.set(s, (sentences = splitSentences(s)));
  }
  return sentences;
}

function splitSentences(s: string): Sentence[] {
  const pairs = bracketPairs(s);
  return splitOutsideBrackets(s, isSentenceEnd, 0, s.length, pairs)
    .filter(([a, b]) => b > a)
    .map(([start, end]) => ({ start, end, clauses: splitOutsideBrackets(s, isClauseBreak, start, end, pairs).filter(([a, b]) => b > a) }));
}

const HAN_BEFORE = /[\u4e00-\u9fa5）)”》%]/;

/**
 * Sentence ends: 。！？； and their half-width forms (text typed with an English keyboard). A
 * half-width `.` ends a sentence only after a Chinese character or a closing bracket and never
 * before a digit, so `3.5万人` and the item number `1.` stay whole.
 */
function isSentenceEnd(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (CODE_CLASS[code] & SENTENCE_END_BIT) return true;
  return code === 0x2e && i > 0 && HAN_BEFORE.test(s[i - 1]) && !/\d/.test(s[i + 1] ?? '');
}

/** Clause breaks: ，： and their half-width forms, except between digits (`1,000`, `9:30`). */
function isClauseBreak(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code === 0xff0c || code === 0xff1a) return true; // ，：
  if (code !== 0x2c && code !== 0x3a) return false; // , :
  return !(/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? ''));
}

/** Removes bracketed asides: `脱贫人口（含防止返贫监测对象，下同）务工` → `脱贫人口务工`. */
export function stripParens(s: string): string {
  // most clauses have no round brackets: no regex pass for them
  if (s.indexOf('（') < 0 && s.indexOf('(') < 0) return s;
  let out = s;
  for (let k = 0; k < 4; k++) {
    const next = out.replace(/（[^（）]*）|\([^()]*\)/g, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Trims spaces and the punctuation that can hang at the ends of a phrase. */
export function trimPhrase(s: string): string {
  return trimWhere(s, PHRASE_EDGE);
}
const PHRASE_EDGE = charClass(/[\s，、：；。“”",;:.]/);

/** A phrase as quoted in `text`: trimmed, without a leading item number (`（二）`, `一、`, `3.`). */
export function phraseText(s: string): string {
  return trimPhrase(trimPhrase(s).replace(/^(?:（[一二三四五六七八九十百\d]+）|[一二三四五六七八九十百]+、|\d+[.、．](?!\d)|第[一二三四五六七八九十百]+条)/, ''));
}
