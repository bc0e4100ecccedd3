import type { Source } from '../read/source.js';
import { collapseCjkSpaces, simplifyGlyphs } from './cjk.js';
import { stripMarkdown, type FrontMatter } from './markdown.js';
import { ocrClauseBrackets, ocrDigitLookalikes, ocrGluedCells, ocrLookalikeWords } from './ocr-confusions.js';
import { identity, SourceLocator, type Text } from './offsets.js';
import { fullWidthCjkPunctuation, halfWidthAlnum } from './punctuation.js';
import { cellPerLineRowsRepaired, spacedTableRows, type TableRepair } from './table-rows.js';
import { withoutPinyinReadings } from './pinyin-notes.js';
import { relineRunOnText } from './reline.js';
import { undoubleSpacing } from './double-spacing.js';
import { undoHardWrap, undoPrintedRunOn } from './hard-wrap.js';

export interface Normalized {
  text: Text;
  locator: SourceLocator;
  frontMatter: FrontMatter | null;
  /** one-cell-per-line PDF tables rebuilt with the help of their totals, or that could not be */
  tableRepairs: TableRepair[];
}

/** The normalisers, in order. Each is Text → Text, so the map back to the source survives. */
export function normalize(source: Source): Normalized {
  let text = identity(source.text);
  let frontMatter: FrontMatter | null = null;
  // a PDF or web page printed from a Markdown file shows its ** and ## literally
  const printedMarkdown = source.format !== 'text' && /\*\*[^*\n]+\*\*|^#{1,6} \S/m.test(source.text);
  if (source.format === 'markdown' || printedMarkdown) ({ text, frontMatter } = stripMarkdown(text));
  // a copy wrapped at a fixed width is measured before any normaliser changes a line's length
  if (source.pageStarts === undefined && source.format !== 'markdown' && !printedMarkdown) text = undoHardWrap(text);
  else if (source.pageStarts !== undefined) text = undoPrintedRunOn(text);
  text = halfWidthAlnum(text);
  // readings printed after characters (發(fā)) split names and numbers: they go first
  text = withoutPinyinReadings(text);
  // OCR misreads: digits read as letters, look-alike characters, table cells read as one box,
  // a clause number's opening bracket left out of the line
  if (source.ocr) text = ocrClauseBrackets(ocrGluedCells(ocrLookalikeWords(ocrDigitLookalikes(text))));
  // fixed-layout pages (PDF, OFD, scans) may print a table one cell per line
  let tableRepairs: TableRepair[] = [];
  if (source.pageStarts !== undefined) ({ text, repairs: tableRepairs } = cellPerLineRowsRepaired(text));
  text = spacedTableRows(text);
  text = simplifyGlyphs(text);
  text = fullWidthCjkPunctuation(text);
  text = collapseCjkSpaces(text);
  text = undoubleSpacing(text);
  text = relineRunOnText(text);
  const locator = source.fileText !== undefined && source.fileOffsets
    ? new SourceLocator(source.fileText, source.pageStarts, source.fileOffsets)
    : new SourceLocator(source.text, source.pageStarts, undefined, source.ocr?.lines);
  return { text, locator, frontMatter, tableRepairs };
}
