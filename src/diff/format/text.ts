import type { z } from 'zod';
import type { ClauseAlignment as ClauseAlignmentSchema, DiffRecord } from '../../../schemas/diff.js';

export interface TextOptions {
  /** ANSI colour (the CLI passes process.stdout.isTTY) */
  color?: boolean;
  /** characters of unchanged text kept around each edit; longer runs are elided */
  context?: number;
}

const ESC = '\x1b[';
const paint = (on: boolean, code: string, s: string) => (on && s ? `${ESC}${code}m${s}${ESC}0m` : s);

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** An unchanged run shortened to its ends when longer than 2 × context. */
function elide(s: string, context: number, first: boolean, last: boolean): string {
  if (s.length <= 2 * context + 1) return s;
  const head = first ? '' : s.slice(0, context);
  const tail = last ? '' : s.slice(-context);
  return `${head}…${tail}`;
}

/** How the base was found: `cited 发文字号`, `content similarity 0.402 (≥ 0.2)`. */
export function pairingText(p: NonNullable<DiffRecord['pairing']>): string {
  const how = { fileNumber: 'cites its 发文字号', title: 'cites its title', titleSimilarity: 'title similarity', content: 'content similarity', given: 'given (no citation or similarity ties them)' }[p.by];
  return p.similarity !== null ? `${how} ${p.similarity}${p.threshold !== null ? ` (≥ ${p.threshold})` : ''}` : how;
}

/** A diff row as formats take it: rows stored before revision 6 have no printed paths. */
export type UnitRow = z.input<typeof ClauseAlignmentSchema>;

/** A unit as a reader finds it: its printed path (二（三）1), else its clause number; — when absent. */
export function unitLabel(c: UnitRow, side: 'base' | 'target'): string {
  const path = side === 'base' ? c.baseClause : c.targetClause;
  const number = side === 'base' ? c.base : c.target;
  return path || (number ? `（${number}）` : '—');
}

/**
 * A readable terminal diff: a summary, then one block per clause pair (status, numbers, similarity,
 * tags) with an inline redline — deletions as [-…-], insertions as {+…+} (red/green with colour) —
 * and the figures compared at the end.
 */
export function formatText(d: DiffRecord, opts: TextOptions = {}): string {
  const color = opts.color ?? false;
  const context = opts.context ?? 24;
  const out: string[] = [];
  out.push(paint(color, '1', `${d.target ?? d.targetPath}  against  ${d.base ?? d.basePath}`));
  out.push(`similarity ${pct(d.similarity)} · ${d.counts.unchanged} unchanged, ${d.counts.modified} modified, ${d.counts.added} added, ${d.counts.removed} removed`);
  if (d.pairing) out.push(`base as parent: ${pairingText(d.pairing)}`);
  out.push('');
  for (const c of d.clauses) {
    const pair = `${unitLabel(c, 'target')} ← ${unitLabel(c, 'base')}`;
    const statusColor = c.status === 'added' ? '32' : c.status === 'removed' ? '31' : c.status === 'modified' ? '33' : '2';
    const tags = c.tags.length ? `  [${c.tags.join(', ')}]` : '';
    const sim = c.status === 'added' || c.status === 'removed' ? '' : `  ${pct(c.similarity)}`;
    out.push(`${paint(color, '1', pair)}  ${paint(color, statusColor, c.status)}${sim}${tags}`);
    const body = c.ops
      .map((o, i) => {
        if (o.op === 'equal') return paint(color, '2', c.status === 'unchanged' ? elide(o.text, context, false, false) : elide(o.text, context, i === 0, i === c.ops.length - 1));
        if (o.op === 'delete') return color ? paint(color, '31;9', o.text) : `[-${o.text}-]`;
        return color ? paint(color, '32', o.text) : `{+${o.text}+}`;
      })
      .join('');
    out.push(`    ${body}`);
    out.push('');
  }
  if (d.numbers.length) {
    out.push(paint(color, '1', 'figures'));
    for (const n of d.numbers) {
      const mark = n.status === 'match' ? paint(color, '32', 'match') : n.status === 'differs' ? paint(color, '31', 'differs') : paint(color, '33', 'missing');
      out.push(`  ${n.region}  ${n.base ?? '—'} → ${n.target ?? '—'}  ${mark}  ${n.metric}`);
    }
  }
  // targets of the base restated (or not) by the target: 公园数量 1000座 → 230座 lower
  const figures = d.figures ?? [];
  if (figures.length) {
    out.push(paint(color, '1', 'targets'));
    for (const f of figures) {
      const code = f.status === 'same' ? '32' : f.status === 'dropped' ? '31' : f.status === 'added' ? '36' : '33';
      const side = (v: number | null, u: string | null) => (v === null ? '—' : `${v}${u ?? ''}`);
      const via = f.status === 'converted' && f.of ? ` (of ${f.of.value}${f.of.unit} = ${f.implied}${f.unit})` : '';
      out.push(`  ${side(f.base, f.unit)} → ${side(f.target, f.targetUnit)}${via}  ${paint(color, code, f.status)}  ${f.metric}${f.year ? ` (${f.year})` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}
