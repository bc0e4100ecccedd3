import type { Finding } from '../../../schemas/finding.js';
import type { DocumentRule } from '../rule.js';

/** The body cites 附件N but no annex N is present (粤 cites 附件2 and carries one unnumbered 附件). */
export const annexMissing: DocumentRule = {
  id: 'annex-missing',
  severity: 'warning',
  summary: 'The body cites an annex number that the document does not carry.',
  check(record) {
    const present = new Set([...record.tables.map((t) => t.label), ...record.attachments.map((a) => a.label)].filter(Boolean).map((l) => l!.replace(/\s+/g, '')));
    const out: Finding[] = [];
    const cited = new Set<string>();
    for (const s of record.sections) {
      for (const text of [s.text, ...s.clauses.map((c) => c.text)]) {
        for (const m of text.matchAll(/附件\s*(\d+)/g)) {
          const label = `附件${m[1]}`;
          if (present.has(label) || cited.has(label)) continue;
          cited.add(label);
          out.push({
            rule: 'annex-missing',
            severity: 'warning',
            message: `the text cites ${label} but the document carries ${present.size ? [...present].join('、') : 'no annex'}`,
            span: s.clauses.find((c) => c.text === text)?.span ?? s.span,
            data: { cited: label, present: [...present] },
          });
        }
      }
    }
    return out;
  },
};
