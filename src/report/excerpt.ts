import type { Span } from '../../schemas/common.js';
import type { NoticeRecord } from '../../schemas/notice.js';

/** The text a finding points at, read back from the record, and what part of the notice it is. */
export interface Excerpt {
  /** `条款（七）`, `表格 附件1`, `目标`, `标题` … */
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
  add('标题', r.title, r.titleSpan);
  add('发文字号', r.fileNumber?.raw, r.fileNumber?.span);
  r.issuers.forEach((i) => add('发文机关', i.name, i.span));
  r.references.forEach((x) => add('引用文件', x.title ?? x.fileNumber, x.span));
  for (const s of r.sections) {
    add(s.number ? `第${s.number}部分（${s.number}、）` : '正文', [s.heading, s.text].filter(Boolean).join(' '), s.span, true);
    s.clauses.forEach((c) => add(`条款（${c.number}）`, c.text, c.span, true));
  }
  r.targets.forEach((t) => add(t.clause ? `目标，条款 ${t.clause}` : '目标', t.text, t.span));
  r.subsidies.forEach((s) => add(s.clause ? `补贴，条款 ${s.clause}` : '补贴', s.text, s.span));
  r.keyRegions.forEach((k) => add('重点地区', k.count === null ? k.kind : `${k.count}个${k.kind}`, k.span));
  for (const t of r.tables) {
    const name = [t.label, t.title].filter(Boolean).join(' ') || '表格';
    add(`表格 ${t.label ?? ''}`.trim(), name, t.span, true);
    t.rows.forEach((row) => add(`表格 ${t.label ?? ''} ${row.region}行`.replace(/\s+/g, ' '), `${row.region} ${Object.values(row.printed).filter(Boolean).join(' ')}`, row.span));
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

/** `第48行第131列` (`第2页第7行第3列` for PDF). */
export const positionText = (span: Span | null): string =>
  span ? `${span.page ? `第${span.page}页` : ''}第${span.line}行第${span.column}列` : '全文';
