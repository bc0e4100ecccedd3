import type { NoticeRecord } from '../../schemas/notice.js';

/** The facts a reader cares about, without provenance: what two readings of one notice must share. */
export function facts(r: NoticeRecord) {
  return {
    fileNumber: r.fileNumber?.normalized,
    title: r.title,
    issuers: r.issuers.map((i) => i.name),
    sections: r.sections.map((s) => ({ number: s.number, heading: s.heading, clauses: s.clauses.map((c) => [c.number, c.text]) })),
    targets: r.targets.map((t) => [t.metric, t.comparator, t.value, t.unit]),
    subsidies: r.subsidies.map((s) => [s.name, s.amount, s.unit]),
    tables: r.tables.map((t) => ({ label: t.label, columns: t.columns, rows: t.rows.map((x) => [x.region, x.values]), total: t.declaredTotal })),
  };
}

export const withoutProvenance = (records: NoticeRecord[]) =>
  JSON.parse(JSON.stringify(records, (k, v) => (k === 'span' || k === 'titleSpan' || k === 'source' ? undefined : v)));

/** Every span in a record, by its path. */
export function spans(o: unknown, path = '', out = new Map<string, { line: number; column: number }>()) {
  if (o && typeof o === 'object') {
    const s = o as Record<string, unknown>;
    if (typeof s.line === 'number' && typeof s.column === 'number') out.set(path, s as { line: number; column: number });
    else for (const [k, v] of Object.entries(s)) spans(v, `${path}.${k}`, out);
  }
  return out;
}
