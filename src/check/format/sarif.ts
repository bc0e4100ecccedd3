import { readFileSync } from 'node:fs';
import type { LocatedFinding } from '../../../schemas/finding.js';
import { allRules } from '../run.js';

const version = (() => {
  try {
    return JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')).version as string;
  } catch {
    return '0.0.0';
  }
})();

const level = (s: string) => (s === 'info' ? 'note' : s);

/** SARIF 2.1.0: the tool with its rules (doc text from docs/rules), results with regions. */
export function formatSarif(findings: LocatedFinding[]): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'notices',
            version,
            informationUri: 'https://example.invalid/policy-notices',
            rules: allRules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.summary },
              helpUri: `https://example.invalid/policy-notices/docs/rules/${r.id}.md`,
              defaultConfiguration: { level: level(r.severity) },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: allRules.findIndex((r) => r.id === f.rule),
          level: level(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.path.replace(/\\/g, '/') },
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
