import type { LocatedFinding } from '../../../schemas/finding.js';

/** ESLint "stylish": the path, then `line:col  severity  message  rule`, then a summary line. */
export function formatText(findings: LocatedFinding[], colour = false): string {
  const paint = (code: number, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const byPath = new Map<string, LocatedFinding[]>();
  for (const f of findings) {
    const list = byPath.get(f.path);
    if (list) list.push(f);
    else byPath.set(f.path, [f]);
  }
  const lines: string[] = [];
  for (const [path, list] of byPath) {
    lines.push(paint(4, path));
    for (const f of list) {
      const pos = f.span ? `${f.span.line}:${f.span.column}` : '0:0';
      const sev = f.severity === 'error' ? paint(31, 'error  ') : f.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info   ');
      lines.push(`  ${pos.padEnd(8)} ${sev}  ${f.message}  ${paint(2, f.rule)}`);
    }
    lines.push('');
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const [e, w, i] = [count('error'), count('warning'), count('info')];
  lines.push(`${e + w + i} findings (${e} errors, ${w} warnings, ${i} info)`);
  return lines.join('\n') + '\n';
}
