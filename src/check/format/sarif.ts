import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LocatedFinding } from '../../../schemas/finding.js';
import { readingFindings } from '../reading-findings.js';
import { allRules } from '../run.js';

/** The check rules, then the findings reading adds itself (encoding-repaired …). */
const described = [...allRules, ...readingFindings];

const version = (() => {
  try {
    return JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')).version as string;
  } catch {
    return '0.0.0';
  }
})();

const level = (s: string) => (s === 'info' ? 'note' : s);

const SRCROOT = '%SRCROOT%';

/**
 * Where a finding's file is: its path relative to the folder the check ran in (`root`), against
 * the base id %SRCROOT% (declared in `originalUriBaseIds`), as code-scanning UIs expect; a file
 * outside that folder gets its absolute file: URI.
 */
export function artifactLocation(path: string, root = process.cwd()): { uri: string; uriBaseId?: string } {
  const rel = relative(root, resolve(root, path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(resolve(root, path)).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF 2.1.0: the tool with its rules (doc text from docs/rules), results with regions. */
export function formatSarif(findings: LocatedFinding[], root = process.cwd()): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'notices',
            version,
            rules: described.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.summary },
              // the rule pages ship with the package; there is no public site to link to
              help: { text: `${r.summary} See docs/rules/${r.id}.md in the policy-notices package.` },
              defaultConfiguration: { level: level(r.severity) },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root.endsWith(sep) ? root : root + sep).href } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: described.findIndex((r) => r.id === f.rule),
          level: level(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(f.path, root),
                ...(f.span ? { region: { startLine: f.span.line, startColumn: f.span.column } } : {}),
              },
            },
          ],
          properties: { fileNumber: f.fileNumber, documentIndex: f.documentIndex, data: f.data },
        })),
      },
    ],
  };
}
