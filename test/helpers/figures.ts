import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './context.js';

// Sentences in the style of other provinces' and years' 稳岗就业 notices (2021–2024), written for
// the tests; the fixtures under test/fixtures/figures are whole notices of that kind (not real ones).
export const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'figures', name), 'utf8');

/** The body (from the preamble to the last clause) as one paragraph: web pages often lose the breaks. */
export function runOn(text: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => /^(?:为|一、)/.test(l));
  const to = lines.map((l) => /。$/.test(l)).lastIndexOf(true);
  return [...lines.slice(0, from), lines.slice(from, to + 1).filter((l) => l.trim()).join(''), ...lines.slice(to + 1)].join('\n');
}

/** The punctuation typed with an English keyboard. */
export const halfWidth = (text: string) => text.replace(/[，；：。（）]/g, (c) => ({ '，': ',', '；': ';', '：': ':', '。': '.', '（': '(', '）': ')' })[c]!);
