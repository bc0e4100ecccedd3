// Generated from schemas/notice.ts by `npm run schemas` (src/cli/write-schemas.ts): do not edit.
// The key order NoticeRecord.parse gives a record, without zod (key-order.ts).
import type { KeyOrder } from './key-order.js';

export const NOTICE_KEY_ORDER: KeyOrder = {
  keys: [
    ['schemaVersion', 0],
    ['source', {
      keys: [
        ['path', 0],
        ['sha256', 0],
        ['format', 0],
        ['documentIndex', 0],
        ['ocr', 0],
        ['ocrConfidence', 0],
        ['ocrPages', { each: 0 }],
        ['ocrSkippedPages', { each: 0 }],
      ],
    }],
    ['fileNumber', {
      keys: [
        ['raw', 0],
        ['normalized', 0],
        ['prefix', 0],
        ['year', 0],
        ['serial', 0],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
      ],
    }],
    ['title', 0],
    ['titleSpan', {
      keys: [
        ['line', 0],
        ['column', 0],
        ['page', 0],
        ['box', {
          keys: [
            ['x', 0],
            ['y', 0],
            ['width', 0],
            ['height', 0],
          ],
        }],
        ['confidence', 0],
      ],
    }],
    ['docType', 0],
    ['level', 0],
    ['region', {
      keys: [
        ['name', 0],
        ['code', 0],
      ],
    }],
    ['issuers', { each: {
      keys: [
        ['name', 0],
        ['printed', 0],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
      ],
    } }],
    ['addressees', { each: 0 }],
    ['signedDate', 0],
    ['printedDate', 0],
    ['printedBy', 0],
    ['disclosure', 0],
    ['references', { each: {
      keys: [
        ['fileNumber', 0],
        ['title', 0],
        ['relation', 0],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
      ],
    } }],
    ['sections', { each: {
      keys: [
        ['number', 0],
        ['ordinal', 0],
        ['heading', 0],
        ['path', 0],
        ['text', 0],
        ['clauses', { each: {
          keys: [
            ['number', 0],
            ['ordinal', 0],
            ['heading', 0],
            ['path', 0],
            ['text', 0],
            ['items', { each: {
              keys: [
                ['number', 0],
                ['ordinal', 0],
                ['path', 0],
                ['depth', 0],
                ['heading', 0],
                ['text', 0],
                ['span', {
                  keys: [
                    ['line', 0],
                    ['column', 0],
                    ['page', 0],
                    ['box', {
                      keys: [
                        ['x', 0],
                        ['y', 0],
                        ['width', 0],
                        ['height', 0],
                      ],
                    }],
                    ['confidence', 0],
                  ],
                }],
              ],
            } }],
            ['span', {
              keys: [
                ['line', 0],
                ['column', 0],
                ['page', 0],
                ['box', {
                  keys: [
                    ['x', 0],
                    ['y', 0],
                    ['width', 0],
                    ['height', 0],
                  ],
                }],
                ['confidence', 0],
              ],
            }],
          ],
        } }],
        ['items', { each: {
          keys: [
            ['number', 0],
            ['ordinal', 0],
            ['path', 0],
            ['depth', 0],
            ['heading', 0],
            ['text', 0],
            ['span', {
              keys: [
                ['line', 0],
                ['column', 0],
                ['page', 0],
                ['box', {
                  keys: [
                    ['x', 0],
                    ['y', 0],
                    ['width', 0],
                    ['height', 0],
                  ],
                }],
                ['confidence', 0],
              ],
            }],
          ],
        } }],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
      ],
    } }],
    ['targets', { each: {
      keys: [
        ['metric', 0],
        ['comparator', 0],
        ['value', 0],
        ['max', 0],
        ['unit', 0],
        ['persons', 0],
        ['scope', 0],
        ['clause', 0],
        ['text', 0],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
        ['printed', 0],
        ['maxPrinted', 0],
        ['year', 0],
        ['approximate', 0],
        ['cue', 0],
      ],
    } }],
    ['tables', { each: {
      keys: [
        ['label', 0],
        ['title', 0],
        ['kind', 0],
        ['unit', 0],
        ['columns', { each: 0 }],
        ['rows', { each: {
          keys: [
            ['seq', 0],
            ['region', 0],
            ['values', { values: 0 }],
            ['printed', { values: 0 }],
            ['inferred', { each: 0 }],
            ['group', 0],
            ['span', {
              keys: [
                ['line', 0],
                ['column', 0],
                ['page', 0],
                ['box', {
                  keys: [
                    ['x', 0],
                    ['y', 0],
                    ['width', 0],
                    ['height', 0],
                  ],
                }],
                ['confidence', 0],
              ],
            }],
          ],
        } }],
        ['declaredTotal', { values: 0 }],
        ['declaredTotalPrinted', { values: 0 }],
        ['subtotals', { each: {
          keys: [
            ['group', 0],
            ['from', 0],
            ['to', 0],
            ['values', { values: 0 }],
            ['printed', { values: 0 }],
            ['span', {
              keys: [
                ['line', 0],
                ['column', 0],
                ['page', 0],
                ['box', {
                  keys: [
                    ['x', 0],
                    ['y', 0],
                    ['width', 0],
                    ['height', 0],
                  ],
                }],
                ['confidence', 0],
              ],
            }],
          ],
        } }],
        ['repairedFrom', 0],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
      ],
    } }],
    ['subsidies', { each: {
      keys: [
        ['name', 0],
        ['amount', 0],
        ['unit', 0],
        ['unitPrinted', 0],
        ['per', 0],
        ['recipient', 0],
        ['condition', 0],
        ['fundingSource', 0],
        ['oneTime', 0],
        ['cap', 0],
        ['clause', 0],
        ['text', 0],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
      ],
    } }],
    ['policyMentions', { each: 0 }],
    ['keyRegions', { each: {
      keys: [
        ['kind', 0],
        ['count', 0],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
      ],
    } }],
    ['contacts', { each: {
      keys: [
        ['org', 0],
        ['person', 0],
        ['phone', 0],
        ['email', 0],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
      ],
    } }],
    ['copyNumber', 0],
    ['secrecy', 0],
    ['urgency', 0],
    ['signers', { each: 0 }],
    ['copyTo', { each: 0 }],
    ['attachments', { each: {
      keys: [
        ['label', 0],
        ['title', 0],
        ['name', 0],
      ],
    } }],
    ['findings', { each: {
      keys: [
        ['rule', 0],
        ['severity', 0],
        ['message', 0],
        ['span', {
          keys: [
            ['line', 0],
            ['column', 0],
            ['page', 0],
            ['box', {
              keys: [
                ['x', 0],
                ['y', 0],
                ['width', 0],
                ['height', 0],
              ],
            }],
            ['confidence', 0],
          ],
        }],
        ['data', { values: 0 }],
      ],
    } }],
    ['verdict', {
      keys: [
        ['kind', 0],
        ['confidence', 0],
        ['signals', { each: 0 }],
        ['missing', { each: 0 }],
      ],
    }],
    ['provenance', {
      keys: [
        ['title', 0],
        ['fileNumber', 0],
        ['issuers', 0],
        ['signedDate', 0],
        ['level', 0],
      ],
    }],
  ],
};
