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
    return { lines, zones, outline: outline(paragraphs(normalized.text, zones.body)) };
  });
}
