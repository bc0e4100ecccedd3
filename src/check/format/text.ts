import type { LocatedFinding } from '../../../schemas/finding.js';

export interface TextOptions {
  /** ANSI colours (a terminal) */
  colour?: boolean;
  /** inputs that could not be read (each reported on stderr): counted in the summary */
  unreadable?: number;
}

/**
 * ESLint "stylish": one block per document — `path#N  file number` when a file holds several
 * documents (seed 000: a forwarding notice and the notice it forwards), else the path —, its
 * findings sorted by line and column, then one summary line that also counts unreadable inputs.
 */
export function formatText(findings: LocatedFinding[], options: TextOptions | boolean = {}): string {
  const { colour = false, unreadable = 0 } = typeof options === 'boolean' ? { colour: options } : options;
  const paint = (code: number, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  for (const group of byDocument(findings)) {
    lines.push(paint(4, group.label) + (group.fileNumber ? `  ${group.fileNumber}` : ''));
    for (const f of sortByPosition(group.findings)) {
      const pos = f.span ? `${f.span.line}:${f.span.column}` : '0:0';
      const sev = f.severity === 'error' ? paint(31, 'error  ') : f.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info   ');
      lines.push(`  ${pos.padEnd(8)} ${sev}  ${f.message}  ${paint(2, f.rule)}`);
    }
    lines.push('');
  }
  lines.push(summary(findings, unreadable));
  return lines.join('\n') + '\n';
}

interface DocumentGroup {
  label: string;
  fileNumber: string | null;
  findings: LocatedFinding[];
}

/** Findings by document, documents in the order they first appear; `#N` wherever a file shows several. */
function byDocument(findings: LocatedFinding[]): DocumentGroup[] {
  const indexesOf = new Map<string, Set<number>>();
  for (const f of findings) indexesOf.set(f.path, (indexesOf.get(f.path) ?? new Set()).add(f.documentIndex));
  const groups = new Map<string, DocumentGroup>();
  for (const f of findings) {
    const several = indexesOf.get(f.path)!.size > 1 || f.documentIndex > 0;
    const label = several ? `${f.path}#${f.documentIndex}` : f.path;
    const group = groups.get(label) ?? { label, fileNumber: f.fileNumber, findings: [] };
    group.fileNumber ??= f.fileNumber;
    group.findings.push(f);
    groups.set(label, group);
  }
  return [...groups.values()];
}

/** By line, then column; findings without a position (about the whole document) first. Stable otherwise. */
export const sortByPosition = (list: LocatedFinding[]): LocatedFinding[] =>
  [...list].sort((a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0) || (a.span?.column ?? 0) - (b.span?.column ?? 0));

function summary(findings: LocatedFinding[], unreadable: number): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const [e, w, i] = [count('error'), count('warning'), count('info')];
  const line = `${e + w + i} findings (${e} errors, ${w} warnings, ${i} info)`;
  return unreadable ? `${line}; ${unreadable} input${unreadable === 1 ? '' : 's'} could not be read (see the lines on stderr)` : line;
}
