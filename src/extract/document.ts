import { NoticeRecord } from '../../schemas/notice.js';
import type { Normalized } from '../normalize/index.js';
import type { FrontMatter } from '../normalize/markdown.js';
import { META_KEY } from '../segment/classify.js';
import type { Source } from '../read/source.js';
import type { Layout } from '../segment/index.js';
import type { DocumentContext } from './context.js';
import { extractors, runExtractors, type ExtractorTimings } from './plugins.js';

/**
 * Metadata about the notice that is not the notice itself: a scraper's YAML front matter and a
 * policy page's metadata block (发文字号：… 成文日期：…). Extractors fall back on it only where
 * the notice does not print the value.
 */
function pageMetadata(source: Source, normalized: Normalized, layouts: Layout[]): FrontMatter | null {
  const fm: FrontMatter = { fields: { ...(normalized.frontMatter?.fields ?? {}) }, offsets: { ...(normalized.frontMatter?.offsets ?? {}) } };
  for (const line of layouts[0]?.lines ?? []) {
    if (line.kind !== 'meta') continue;
    const m = META_KEY.exec(line.flat);
    if (!m || !m[2] || m[1] in fm.fields) continue;
    fm.fields[m[1]] = m[2];
    const at = line.text.indexOf(m[2].slice(0, 1), line.text.search(/[：:]/));
    fm.offsets[m[1]] = normalized.text.map[line.start + Math.max(0, at)];
  }
  // HTML <meta> last: the text's own metadata block says more than the page's head
  for (const [key, value] of Object.entries(source.pageMetadata ?? {})) if (!(key in fm.fields)) fm.fields[key] = value;
  return Object.keys(fm.fields).length ? fm : null;
}

export function contextsOf(source: Source, normalized: Normalized, layouts: Layout[]): DocumentContext[] {
  const locate = (o: number) => normalized.locator.span(o);
  const frontMatter = pageMetadata(source, normalized, layouts);
  return layouts.map((layout, documentIndex) => ({
    source,
    documentIndex,
    text: normalized.text,
    lines: layout.lines,
    zones: layout.zones,
    outline: layout.outline,
    frontMatter,
    locate,
    tableRepairs: normalized.tableRepairs,
  }));
}

/**
 * Runs every extractor (the named plugins of plugins.ts) over one document and assembles the
 * record (unvalidated). Findings of failed extractors are in `findings`.
 */
export function extractRecord(ctx: DocumentContext, timings?: ExtractorTimings): NoticeRecord {
  return runExtractors(ctx, extractors, timings);
}
