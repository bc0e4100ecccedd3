import type { Finding } from '../../../schemas/finding.js';
import type { DocumentRule } from '../rule.js';

/** 一、二、四 or （三）（三）: section numbers must count up by one; clause numbers continue (or restart at 一). */
export const numberingGap: DocumentRule = {
  id: 'numbering-gap',
  severity: 'warning',
  summary: 'Section or clause numbers skip or repeat.',
  check(record) {
    const out: Finding[] = [];
    let prev = 0;
    for (const s of record.sections) {
      if (s.ordinal === null) continue;
      if (s.ordinal !== prev + 1) out.push(gap('section', prev, s.ordinal, s.number ?? '', s.span));
      prev = s.ordinal;
    }
    let prevClause = 0;
    for (const s of record.sections) {
      for (const c of s.clauses) {
        if (c.ordinal !== prevClause + 1 && !(c.ordinal === 1 && s.clauses[0] === c)) out.push(gap('clause', prevClause, c.ordinal, `（${c.number}）`, c.span));
        prevClause = c.ordinal;
      }
    }
    return out;
  },
};

function gap(kind: string, prev: number, got: number, printed: string, span: Finding['span']): Finding {
  const what = got === prev ? 'repeats' : got < prev ? 'goes back' : 'skips';
  return {
    rule: 'numbering-gap',
    severity: 'warning',
    message: `${kind} number ${printed} ${what}: expected ${prev + 1} after ${prev}, found ${got}`,
    span,
    data: { kind, expected: prev + 1, found: got },
  };
}
