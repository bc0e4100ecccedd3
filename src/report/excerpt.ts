import type { Span } from '../../schemas/common.js';
import type { NoticeRecord } from '../../schemas/notice.js';

/** The text a finding points at, read back from the record, and what part of the notice it is. */
export interface Excerpt {
  /** `clause 七`, `table 附件1`, `target`, `title` … */
  where: string;
  text: string;
}

interface Located {
  where: string;
  text: string;
  span: Span;
  /** a clause, section or table: holds what follows it up to the next one */
  container: boolean;
}

const MAX = 90;
const clip = (s: string) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > MAX ? flat.slice(0, MAX) + '…' : flat;
};

/** Every part of a record that carries a span, with its text: the places a finding can point at. */
function locatedParts(r: NoticeRecord): Located[] {
  const parts: Located[] = [];
  const add = (where: string, text: string | null | undefined, span: Span | null | undefined, container = false) => {
    if (span && text) parts.push({ where, text, span, container });
  };
  add('title', r.title, r.titleSpan);
  add('file number', r.fileNumber?.raw, r.fileNumber?.span);
  r.issuers.forEach((i) => add('issuer', i.name, i.span));
  r.references.forEach((x) => add('reference', x.title ?? x.fileNumber, x.span));
  for (const s of r.sections) {
    add(s.number ? `section ${s.number}` : 'section', [s.heading, s.text].filter(Boolean).join(' '), s.span, true);
    s.clauses.forEach((c) => add(`clause ${c.number}`, c.text, c.span, true));
  }
  r.targets.forEach((t) => add(t.clause ? `target, clause ${t.clause}` : 'target', t.text, t.span));
  r.subsidies.forEach((s) => add(s.clause ? `subsidy, clause ${s.clause}` : 'subsidy', s.text, s.span));
  r.keyRegions.forEach((k) => add('key region', k.count === null ? k.kind : `${k.count}个${k.kind}`, k.span));
  for (const t of r.tables) {
    const name = [t.label, t.title].filter(Boolean).join(' ') || 'table';
    add(`table ${t.label ?? ''}`.trim(), name, t.span, true);
    t.rows.forEach((row) => add(`table ${t.label ?? ''} row`.replace(/\s+/g, ' '), `${row.region} ${Object.values(row.printed).filter(Boolean).join(' ')}`, row.span));
  }
  return parts;
}

/** Document order of two spans: page, line, column. */
const order = (a: Span, b: Span) => (a.page ?? 0) - (b.page ?? 0) || a.line - b.line || a.column - b.column;

/**
 * The excerpt at a finding's position: the part of the record that starts exactly there (the
 * subsidy, target or table the rule looked at), else the clause or section that contains it.
 * Read from the record rather than the file, so it works alike for text, PDF, HTML and DOCX.
 */
export function excerptAt(r: NoticeRecord, span: Span | null): Excerpt | null {
  if (!span) return null;
  const parts = locatedParts(r);
  const exact = parts.find((p) => order(p.span, span) === 0);
  if (exact) return { where: exact.where, text: clip(exact.text) };
  const containers = parts.filter((p) => p.container && order(p.span, span) <= 0);
  const last = containers.sort((a, b) => order(a.span, b.span)).at(-1);
  return last ? { where: last.where, text: clip(last.text) } : null;
}

/** `line 48, column 131` (`page 2, line 7, column 3` for PDF). */
export const positionText = (span: Span | null): string =>
  span ? `${span.page ? `page ${span.page}, ` : ''}line ${span.line}, column ${span.column}` : 'no position';
