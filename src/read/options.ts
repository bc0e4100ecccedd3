import { DEFAULT_LIMITS, limitsFor, type ReadLimits } from './limits.js';

/**
 * How files are read: the size limits (see limits.ts), whether pages without text go through OCR,
 * and how many per file at most. One object from the CLI down to every reader.
 */
export interface ReadOptions extends ReadLimits {
  ocr: boolean;
  ocrMaxPages: number;
  /**
   * Which records the pipeline checks against the zod schema (src/check/validate.ts): every one,
   * a sample of files chosen by content hash, or none. Rides with the reading options because it is
   * the one object that reaches every worker. Unset: `NOTICES_VALIDATE` or 'sample'.
   */
  validate?: ValidateMode;
}

export type ValidateMode = 'all' | 'sample' | 'none';
export const VALIDATE_MODES: readonly ValidateMode[] = ['all', 'sample', 'none'];

/** 20 pages cover a notice with its annexes; at a few seconds per page a file stays within a minute or two. */
export const DEFAULT_READ_OPTIONS: ReadOptions = { ...DEFAULT_LIMITS, ocr: true, ocrMaxPages: 20 };

/** The options of a verb that only sets `--max-bytes`: OCR as by default. */
export const readOptionsFor = (maxBytes?: number): ReadOptions => ({ ...DEFAULT_READ_OPTIONS, ...limitsFor(maxBytes) });
