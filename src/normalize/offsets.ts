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

export function identity(value: string): Text {
  const map = new Int32Array(value.length + 1);
  for (let i = 0; i <= value.length; i++) map[i] = i;
  return { value, map };
}

/**
 * Applies non-overlapping edits (sorted or not). Replacements of equal length map char to char.
 * The map is filled in place: unchanged runs are copied as blocks (one allocation per call).
 */
export function applyEdits(text: Text, edits: Edit[]): Text {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  // the edits that apply (an overlapping edit: the first one wins) and the length they give
  const kept: Edit[] = [];
  let length = text.value.length;
  let end = 0;
  for (const e of sorted) {
    if (e.start < end) continue;
    kept.push(e);
    length += e.insert.length - (e.end - e.start);
    end = e.end;
  }
  const map = new Int32Array(length + 1);
  const parts: string[] = [];
  let pos = 0;
  let at = 0;
  for (const e of kept) {
    map.set(text.map.subarray(pos, e.start), at);
    at += e.start - pos;
    parts.push(text.value.slice(pos, e.start), e.insert);
    const sameLength = e.insert.length === e.end - e.start;
    for (let k = 0; k < e.insert.length; k++) map[at++] = text.map[sameLength ? e.start + k : e.start];
    pos = e.end;
  }
  map.set(text.map.subarray(pos, text.value.length + 1), at);
  parts.push(text.value.slice(pos));
  return { value: parts.join(''), map };
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
    for (let i = 0; i < file.length; i++) if (file.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
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
