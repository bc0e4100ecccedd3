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
function pageMetadata(normalized: Normalized, layouts: Layout[]): FrontMatter | null {
  const fm: FrontMatter = { fields: { ...(normalized.frontMatter?.fields ?? {}) }, offsets: { ...(normalized.frontMatter?.offsets ?? {}) } };
  for (const line of layouts[0]?.lines ?? []) {
    if (line.kind !== 'meta') continue;
    const m = META_KEY.exec(line.flat);
    if (!m || !m[2] || m[1] in fm.fields) continue;
    fm.fields[m[1]] = m[2];
    const at = line.text.indexOf(m[2].slice(0, 1), line.text.search(/[：:]/));
    fm.offsets[m[1]] = normalized.text.map[line.start + Math.max(0, at)];
  }
  return Object.keys(fm.fields).length ? fm : null;
}

export function contextsOf(source: Source, normalized: Normalized, layouts: Layout[]): DocumentContext[] {
  const locate = (o: number) => normalized.locator.span(o);
  const frontMatter = pageMetadata(normalized, layouts);
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

/** What makes a text a notice; each a name for the not-a-notice message. */
export type NoticeSignal = 'title' | '发文字号' | '主送机关' | 'numbered sections' | 'closing formula' | 'signature with a date' | 'issuer' | 'date';

/** 通知如下 / 特此通知 / 现将…印发给你们 …: the set phrases only an official document uses. */
const CLOSING_FORMULA = /(通知|通告|公告|意见|决定|批复|函告|报告)如下[：:]|特此(通知|通告|公告|函告|批复|函复|报告|决定)|现将[^。]{0,80}(印发|转发|下达|公布)给你们|请[^。]{0,20}(认真)?(贯彻执行|遵照执行|贯彻落实|抓好落实)/;

type SignalFields = Pick<NoticeRecord, 'title' | 'fileNumber' | 'sections' | 'issuers' | 'addressees' | 'signedDate' | 'printedDate'>;

/** The signals of a notice that a document carries. */
export function noticeSignals(r: SignalFields, text: string): NoticeSignal[] {
  const out: NoticeSignal[] = [];
  if (r.title) out.push('title');
  if (r.fileNumber) out.push('发文字号');
  if (r.addressees.length) out.push('主送机关');
  if (r.sections.length) out.push('numbered sections');
  if (CLOSING_FORMULA.test(text)) out.push('closing formula');
  if (r.issuers.length && r.signedDate) out.push('signature with a date');
  if (r.issuers.length) out.push('issuer');
  if (r.signedDate || r.printedDate) out.push('date');
  return out;
}

/**
 * Whether a document carries enough of a notice to be one: a title and one more element of a
 * notice; or, for a partial copy without its title (a web copy that starts at the 主送机关, a
 * run-on paragraph), a signal no other kind of text has: a 发文字号, a 主送机关, a closing
 * formula, or a signature with a date. Numbered sections alone are not enough: news and READMEs
 * have them too.
 */
export function isNotice(signals: NoticeSignal[]): boolean {
  const has = (s: NoticeSignal) => signals.includes(s);
  if (has('title')) return signals.length > 1;
  return has('发文字号') || has('主送机关') || has('closing formula') || has('signature with a date');
}

/** The not-a-notice reason: what was looked for and what was (not) found. */
export function notANoticeReason(signals: NoticeSignal[]): string {
  const wanted: NoticeSignal[] = ['title', '发文字号', '主送机关', 'closing formula', 'signature with a date'];
  const missing = wanted.filter((s) => !signals.includes(s));
  return `not a notice (no ${missing.join(', no ')}${signals.length ? `; found only: ${signals.join(', ')}` : ''})`;
}

/**
 * Runs every extractor (the named plugins of plugins.ts) over one document and assembles the
 * record (unvalidated). Findings of failed extractors are in `findings`.
 */
export function extractRecord(ctx: DocumentContext, timings?: ExtractorTimings): NoticeRecord {
  return runExtractors(ctx, extractors, timings);
}
