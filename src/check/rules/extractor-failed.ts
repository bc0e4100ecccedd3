import type { RuleInfo } from '../rule.js';

/**
 * Raised during extraction, not by a check over the record: an extractor plugin threw on this
 * document (src/extract/plugins.ts). Its fields are left empty; the rest of the record stands.
 */
export const extractorFailed: RuleInfo = {
  id: 'extractor-failed',
  severity: 'error',
  summary: 'An extractor failed on this document; the fields it fills are left empty and the finding names it.',
};
