import type { Text } from '../normalize/offsets.js';
import { charClass, leadingRun, trimEndWhere } from '../util/trim.js';

const SPACE = charClass(/[ \u3000]/);

export interface Line {
  /** 0-based index among the normalised text's lines */
  index: number;
  /** the line without surrounding spaces (tabs inside are kept: they separate table cells) */
  text: string;
  /** offset of text[0] in the normalised text */
  start: number;
}

export function splitLines(text: Text): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const value = text.value;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value[i] === '\n') {
      const raw = value.slice(start, i);
      const lead = leadingRun(raw, SPACE);
      lines.push({ index: lines.length, text: raw.trim() === '' ? '' : trimEndWhere(raw.slice(lead), SPACE), start: start + lead });
      start = i + 1;
    }
  }
  return lines;
}

/** A run of normalised text (a line, a paragraph) with its own map back to the source. */
export function sliceText(text: Text, start: number, end: number): Text {
  return { value: text.value.slice(start, end), map: text.map.subarray(start, end + 1) };
}

export function lineText(text: Text, line: Line): Text {
  return sliceText(text, line.start, line.start + line.text.length);
}

/** Joins texts (hard-wrapped lines) into one, keeping each character's source offset. */
export function joinTexts(parts: Text[], separator = ''): Text {
  let value = '';
  const map: number[] = [];
  parts.forEach((p, k) => {
    if (k > 0 && separator) {
      value += separator;
      for (let i = 0; i < separator.length; i++) map.push(p.map[0]);
    }
    value += p.value;
    for (let i = 0; i < p.value.length; i++) map.push(p.map[i]);
  });
  map.push(parts.length ? parts[parts.length - 1].map[parts[parts.length - 1].value.length] : 0);
  return { value, map: Int32Array.from(map) };
}
