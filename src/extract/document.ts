import { NoticeRecord } from '../../schemas/notice.js';
import type { Normalized } from '../normalize/index.js';
import type { FrontMatter } from '../normalize/markdown.js';
import { bareFields, isBareMeta, META_KEYS } from '../segment/classify.js';
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
    for (const { key, value, at } of metaFields(line.text)) {
      if (key in fm.fields) continue;
      fm.fields[key] = value;
      fm.offsets[key] = normalized.text.map[line.start + at];
    }
  }
  // HTML <meta> last: the text's own metadata block says more than the page's head
  for (const [key, value] of Object.entries(source.pageMetadata ?? {})) if (!(key in fm.fields)) fm.fields[key] = value;
  return Object.keys(fm.fields).length ? fm : null;
}

/** Law databases' names for the fields the extractors read (发文标题 is the 标题): one name each. */
const CANONICAL_KEY: Record<string, string> = {
  发文标题: '标题', 法规标题: '标题', 发文文号: '文号', 文书编号: '文号', 发文部门: '发文机关', 颁布部门: '发文机关',
  发文日期: '成文日期', 发文时间: '成文日期', 颁布时间: '成文日期',
};
const FIELD = new RegExp(`(${META_KEYS.map((k) => k.split('').join('\\s*')).join('|')})\\s*[：:|｜]`, 'g');

/** The fields of one metadata line (a scraped table row holds several: `索引号：… 组配分类：…`), with where each value starts. */
function metaFields(text: string): { key: string; value: string; at: number }[] {
  const found = [...text.matchAll(FIELD)];
  if (!found.length) return bareMetaFields(text);
  return found.flatMap((m, k) => {
    const start = m.index + m[0].length;
    const raw = text.slice(start, found[k + 1]?.index ?? text.length);
    const value = raw.replace(/^[\s|｜]+|[\s|｜]+$/g, '');
    const key = m[1].replace(/\s+/g, '');
    return value ? [{ key: CANONICAL_KEY[key] ?? key, value, at: start + raw.search(/[^\s|｜]/) }] : [];
  });
}

/** The fields of a metadata row printed without colons (`发布机构自治区人民政府文号内政发〔2013〕62号`). */
function bareMetaFields(text: string): { key: string; value: string; at: number }[] {
  const found = isBareMeta(text) ? bareFields(text) : [];
  return found.flatMap((f, k) => {
    const value = text.slice(f.valueAt, found[k + 1]?.at ?? text.length).trim();
    return value ? [{ key: CANONICAL_KEY[f.key] ?? f.key, value, at: f.valueAt }] : [];
  });
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
