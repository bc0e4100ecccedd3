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
    if (page.kind === 'text') text += page.text.replace(/\r\n?/g, '\n') + '\n';
    else if (page.kind === 'skipped') {
      ocr.skippedPages.push(i + 1);
      text += '\n';
    } else {
      ocr.pages.push(i + 1);
      for (const line of page.lines) {
        ocr.lines.push({ offset: text.length, page: i + 1, confidence: line.confidence, box: line.box });
        text += line.text + '\n';
        weighted += line.confidence * line.text.length;
        chars += line.text.length;
      }
      text += '\n'; // a blank line between pages, as a text layer's page break reads
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
