import type { OcrLine } from './ocr.js';

/**
 * A paged file's pages as read — from a text layer, by OCR, or left out (past --ocr-max-pages) —
 * joined into one text with the offset where each page starts, and for the OCR'd lines where
 * each starts, so spans get their page, confidence and box.
 */
export type PageContent = { kind: 'text'; text: string } | { kind: 'ocr'; lines: OcrLine[] } | { kind: 'skipped' };

export interface OcrLineRef {
  /** offset of the line's first character in the joined text */
  offset: number;
  page: number;
  confidence: number;
  box: OcrLine['box'];
}

export interface OcrInfo {
  /** 1-based pages read by OCR, and those left out because of the page limit */
  pages: number[];
  skippedPages: number[];
  /** mean confidence over the recognised characters */
  confidence: number;
  lines: OcrLineRef[];
}

export interface PagedText {
  text: string;
  pageStarts: number[];
  ocr: OcrInfo | null;
}

export function joinPages(pages: PageContent[]): PagedText {
  let text = '';
  const pageStarts: number[] = [];
  const ocr: OcrInfo = { pages: [], skippedPages: [], confidence: 0, lines: [] };
  let weighted = 0;
  let chars = 0;
  pages.forEach((page, i) => {
    pageStarts.push(text.length);
    if (page.kind === 'text') text += withoutFolios(page.text.replace(/\r\n?/g, '\n').split('\n')).join('\n') + '\n';
    else if (page.kind === 'skipped') {
      ocr.skippedPages.push(i + 1);
      text += '\n';
    } else {
      ocr.pages.push(i + 1);
      for (const line of withoutFolios(page.lines, (l) => l.text)) {
        ocr.lines.push({ offset: text.length, page: i + 1, confidence: line.confidence, box: line.box });
        text += line.text + '\n';
        weighted += line.confidence * line.text.length;
        chars += line.text.length;
      }
    }
  });
  ocr.confidence = chars ? Math.round((weighted / chars) * 1000) / 1000 : 0;
  return { text, pageStarts, ocr: ocr.pages.length || ocr.skippedPages.length ? ocr : null };
}

/**
 * A page "has a text layer" when it holds at least one CJK character or a fair amount of other
 * text: a scan with only a printed page number or a producer's stamp in its text layer is still
 * a scan.
 */
export function hasTextLayer(pageText: string): boolean {
  return /[\u3400-\u9fff]/.test(pageText) || pageText.replace(/\s+/g, '').length >= 20;
}

/** A printed page number: `— 5 —`, `-5-`, `第 5 页`, `第5页 共8页`, `5/8`. */
const FOLIO = /^\s*(?:[-—–－‒―~～]+\s*\d{1,4}\s*[-—–－‒―~～]+|第\s*\d{1,4}\s*页(?:\s*[，,/、]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;

/**
 * The page's lines without the page number printed at its top or bottom: a folio is page
 * furniture, and between two pages it would split a paragraph or a signature block.
 */
export function withoutFolios<T>(lines: T[], textOf: (line: T) => string = String): T[] {
  const isText = (l: T) => textOf(l).trim() !== '';
  const first = lines.findIndex(isText);
  let last = lines.length - 1;
  while (last >= 0 && !isText(lines[last])) last--;
  return lines.filter((l, i) => !((i === first || i === last) && FOLIO.test(textOf(l))));
}
