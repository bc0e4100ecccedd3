import { countAtOrBelow } from '../util/search.js';
import type { Span } from '../../schemas/common.js';
import type { OcrLineRef } from '../read/pages.js';

/**
 * Normalised text that remembers, for every character, the offset in the source it came from.
 * Every normaliser is an edit of a Text into a Text, so provenance survives any number of them.
 */
export interface Text {
  value: string;
  /** map[i] = source offset of value[i]; map[value.length] = source length */
  map: Int32Array;
}

export interface Edit {
  start: number;
  end: number;
  insert: string;
}

/**
 * A source map as runs: from value position `at[i]` to the next run's start, position p maps to
 * `src[i] + (p - at[i])` when `step[i]` is 1, or to `src[i]` when it is 0 (an insertion: every
 * inserted character points at the place of the edit). The runs cover positions 0 … length (the
 * last entry maps the end). A normaliser step costs a few runs per edit instead of a full-length
 * Int32Array per step (six steps per document, the main garbage-collection load).
 */
interface Runs {
  at: number[];
  src: number[];
  step: number[];
}

const RUNS = new WeakMap<Text, Runs>();

/**
 * A Text whose `map` is built from its runs on first use, once: the intermediate texts of the
 * normalisers never build theirs. The getter is an own enumerable property, so a spread copy reads it.
 */
function piecewise(value: string, runs: Runs): Text {
  let map: Int32Array | null = null;
  const text = {
    value,
    get map(): Int32Array {
      return (map ??= materialise(runs, value.length + 1));
    },
  };
  RUNS.set(text, runs);
  return text;
}

function materialise(runs: Runs, size: number): Int32Array {
  const map = new Int32Array(size);
  for (let i = 0; i < runs.at.length; i++) {
    const from = runs.at[i];
    const to = i + 1 < runs.at.length ? runs.at[i + 1] : size;
    const src = runs.src[i];
    if (runs.step[i]) for (let p = from; p < to; p++) map[p] = src + (p - from);
    else map.fill(src, from, to);
  }
  return map;
}

/** The runs of any Text: its own, or read off a plain map (a Text built outside this module). */
function runsOf(text: Text): Runs {
  const own = RUNS.get(text);
  if (own) return own;
  const runs: Runs = { at: [], src: [], step: [] };
  const map = text.map;
  for (let p = 0; p <= text.value.length; p++) push(runs, p, map[p], 1);
  return runs;
}

/** Appends a run, or extends the last one when the new one continues it. */
function push(runs: Runs, at: number, src: number, step: number): void {
  const n = runs.at.length;
  if (n > 0) {
    const lastStep = runs.step[n - 1];
    const expected = runs.src[n - 1] + (lastStep ? at - runs.at[n - 1] : 0);
    if (src === expected && (lastStep === step || at - runs.at[n - 1] === 0)) {
      if (at - runs.at[n - 1] === 0) runs.step[n - 1] = step;
      return;
    }
    // a one-position run of either kind is the start of a step-1 run if the next position continues it
    if (at - runs.at[n - 1] === 1 && lastStep === 0 && step === 1 && src === runs.src[n - 1] + 1) {
      runs.step[n - 1] = 1;
      return;
    }
  }
  runs.at.push(at);
  runs.src.push(src);
  runs.step.push(step);
}

/** Reads runs in order: the run holding a position, found by walking forward from the last one read. */
class RunCursor {
  private i = 0;
  constructor(private readonly runs: Runs) {}
  private seek(p: number): number {
    const { at } = this.runs;
    if (p < at[this.i]) this.i = 0;
    while (this.i + 1 < at.length && at[this.i + 1] <= p) this.i++;
    return this.i;
  }
  offset(p: number): number {
    const i = this.seek(p);
    return this.runs.src[i] + (this.runs.step[i] ? p - this.runs.at[i] : 0);
  }
  /** Appends the runs of positions [from, to) to `out`, placed from `dest` on. */
  copy(from: number, to: number, out: Runs, dest: number): void {
    const { at, src, step } = this.runs;
    let p = from;
    while (p < to) {
      const i = this.seek(p);
      const end = i + 1 < at.length ? Math.min(to, at[i + 1]) : to;
      push(out, dest + (p - from), src[i] + (step[i] ? p - at[i] : 0), step[i]);
      p = end;
    }
  }
}

export function identity(value: string): Text {
  return piecewise(value, { at: [0], src: [0], step: [1] });
}

/**
 * Applies non-overlapping edits (sorted or not). Replacements of equal length map char to char;
 * other inserted text maps every character to the edit's start. Works on runs (see `Runs`).
 */
export function applyEdits(text: Text, edits: Edit[]): Text {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const old = new RunCursor(runsOf(text));
  const runs: Runs = { at: [], src: [], step: [] };
  const parts: string[] = [];
  let pos = 0;
  let at = 0;
  for (const e of sorted) {
    if (e.start < pos) continue; // an overlapping edit: the first one wins
    old.copy(pos, e.start, runs, at);
    at += e.start - pos;
    parts.push(text.value.slice(pos, e.start), e.insert);
    if (e.insert.length === e.end - e.start) old.copy(e.start, e.end, runs, at);
    else if (e.insert.length > 0) push(runs, at, old.offset(e.start), 0);
    at += e.insert.length;
    pos = e.end;
  }
  old.copy(pos, text.value.length + 1, runs, at);
  parts.push(text.value.slice(pos));
  return piecewise(parts.join(''), runs);
}

/** Edits from a global regex: `replace` returns the new text for a match, or null to leave it. */
export function replaceAll(text: Text, re: RegExp, replace: (m: RegExpExecArray) => string | null): Text {
  const edits: Edit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text.value); m; m = re.exec(text.value)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const insert = replace(m);
    if (insert !== null && insert !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, insert });
  }
  return applyEdits(text, edits);
}

/**
 * Turns source offsets into 1-based line/column (and page for PDF, OFD and images). With
 * `fileOffsets` (HTML), an offset of the source text is first mapped to its offset in `file`,
 * the original file, and line/column are counted there. With `ocrLines`, a value on a line read
 * by OCR also gets that line's box and confidence.
 */
export class SourceLocator {
  private readonly lineStarts: number[];
  private readonly ocrByStart: Map<number, OcrLineRef>;
  constructor(
    file: string,
    private readonly pageStarts?: number[],
    private readonly fileOffsets?: Int32Array,
    ocrLines: OcrLineRef[] = [],
  ) {
    this.lineStarts = [0];
    // indexOf finds each line end natively (a loop over every character was 1 % of the text path)
    for (let i = file.indexOf('\n'); i >= 0; i = file.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    this.ocrByStart = new Map(ocrLines.map((l) => [l.offset, l]));
  }
  span(offset: number): Span {
    const at = this.fileOffsets?.length ? this.fileOffsets[Math.max(0, Math.min(offset, this.fileOffsets.length - 1))] : offset;
    const line = upperBound(this.lineStarts, at);
    const span: Span = { line, column: at - this.lineStarts[line - 1] + 1 };
    if (this.pageStarts?.length) span.page = upperBound(this.pageStarts, offset);
    const ocr = this.ocrLineAt(at);
    if (ocr) Object.assign(span, { box: ocr.box, confidence: ocr.confidence });
    return span;
  }
  /** The OCR line starting on the same text line as `offset` (each OCR line is one text line). */
  private ocrLineAt(offset: number): OcrLineRef | null {
    if (this.ocrByStart.size === 0) return null;
    return this.ocrByStart.get(this.lineStarts[upperBound(this.lineStarts, offset) - 1]) ?? null;
  }
}

/** Number of elements <= x in a sorted array, at least 1 (a 1-based index of the bucket x falls in). */
const upperBound = (sorted: number[], x: number): number => Math.max(1, countAtOrBelow(sorted, x));
