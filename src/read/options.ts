/** How files are read: whether pages without text go through OCR, and how many per file at most. */
export interface ReadOptions {
  ocr: boolean;
  ocrMaxPages: number;
}

/** 20 pages cover a notice with its annexes; at a few seconds per page a file stays within a minute or two. */
export const DEFAULT_READ_OPTIONS: ReadOptions = { ocr: true, ocrMaxPages: 20 };
