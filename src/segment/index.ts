import type { Normalized } from '../normalize/index.js';
import { classify, splitDocuments, type ClassifiedLine } from './documents.js';
import { splitLines } from './lines.js';
import { outline, paragraphs, type Outline } from './outline.js';
import { segmentZones, type Zones } from './zones.js';

export interface Layout {
  lines: ClassifiedLine[];
  zones: Zones;
  outline: Outline;
}

/** A file's documents, each with its GB/T 9704 zones and its 一、/（一） outline. */
export function segment(normalized: Normalized): Layout[] {
  return splitDocuments(classify(splitLines(normalized.text))).map((lines) => {
    const zones = segmentZones(lines);
    let tree = outline(paragraphs(normalized.text, zones.body));
    // A cover notice that 印发/转发 a document has no numbered body of its own: the structure is
    // the issued document's (the first annex with numbered sections).
    if (tree.sections.length === 0) {
      for (const annex of zones.annexes) {
        const inner = outline(paragraphs(normalized.text, annex.lines));
        if (inner.sections.length) {
          tree = { preamble: [...tree.preamble, ...inner.preamble], sections: inner.sections };
          break;
        }
      }
    }
    return { lines, zones, outline: tree };
  });
}
