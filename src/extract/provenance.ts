import type { Span } from '../../schemas/common.js';
import type { NoticeRecord, Provenance } from '../../schemas/notice.js';
import type { DocumentContext } from './context.js';
import { extractDates } from './dates.js';

/**
 * Where each header value was read: printed in the document (`body`) or taken from the page
 * around it (`metadata`: YAML front matter, a policy page's metadata table, HTML <meta>). The
 * extractors fall back on metadata only where the document prints nothing; a value read there
 * carries the metadata's own position, which is how it is told apart here.
 */

/** The keys a metadata value may be given under, per field (the extractors read the same keys). */
export const METADATA_KEYS = {
  title: ['标题', '名称'],
  fileNumber: ['发文字号', '文号'],
  issuers: ['发文机关', '发文单位', '发布单位', '发布机构'],
  // a 发布日期 is when a page went up, not the notice's 成文日期: it fills no signedDate
  signedDate: ['成文日期'],
  level: ['层级', '效力级别', '发文层级'],
} as const;

type Level = NonNullable<NoticeRecord['level']>;

/** 层级 as scrapers and law databases write it (北大法宝: 部门规章, 地方规范性文件 …). */
const LEVEL_WORDS: [RegExp, Level][] = [
  [/乡|镇|街道/, 'township'],
  [/区县|县级|县区|区级|^县|^区/, 'county'],
  [/地市|市级|设区的市|^市/, 'municipal'],
  [/省|自治区|直辖市/, 'provincial'],
  [/国家|中央|国务院|部门规章|行政法规|部委|national/i, 'national'],
];

/** The level a page's metadata states (`层级: 省级`), when the document itself tells none. */
export function levelFromMetadata(ctx: DocumentContext): Level | null {
  const value = metadataValue(ctx, METADATA_KEYS.level);
  if (!value) return null;
  return LEVEL_WORDS.find(([re]) => re.test(value.trim()))?.[1] ?? null;
}

/** The issuing bodies a page's metadata names (`发布单位: 上海市闵行区七宝镇人民政府`), as written. */
export function metadataIssuers(ctx: DocumentContext): string[] {
  return (metadataValue(ctx, METADATA_KEYS.issuers) ?? '').split(/[\s、，,；;]+/).filter(Boolean);
}

function metadataValue(ctx: DocumentContext, keys: readonly string[]): string | null {
  if (ctx.documentIndex !== 0 || !ctx.frontMatter) return null;
  const key = keys.find((k) => ctx.frontMatter?.fields[k]);
  return key ? ctx.frontMatter.fields[key] : null;
}

const sameSpan = (a: Span | null | undefined, b: Span | null) => !!a && !!b && a.line === b.line && a.column === b.column && a.page === b.page;

/** Whether a value's span is the position of one of these metadata keys. */
function atMetadata(ctx: DocumentContext, span: Span | null | undefined, keys: readonly string[]): boolean {
  const fm = ctx.frontMatter;
  if (!fm || ctx.documentIndex !== 0) return false;
  // a value from HTML <meta> has no place in the text: no span, and no printed value has none
  return keys.some((k) => (k in fm.offsets ? sameSpan(span, ctx.locate(fm.offsets[k])) : k in fm.fields && !span));
}

const from = (metadata: boolean): Provenance[keyof Provenance] => (metadata ? 'metadata' : 'body');

/** The provenance of the header fields that have a value. */
export function provenanceOf(ctx: DocumentContext, r: Readonly<NoticeRecord>): Provenance {
  const out: Provenance = {};
  if (r.title) out.title = from(atMetadata(ctx, r.titleSpan, METADATA_KEYS.title));
  if (r.fileNumber) out.fileNumber = from(atMetadata(ctx, r.fileNumber.span, METADATA_KEYS.fileNumber));
  if (r.issuers.length) out.issuers = from(atMetadata(ctx, r.issuers[0].span, METADATA_KEYS.issuers));
  if (r.signedDate) out.signedDate = from(extractDates({ ...ctx, frontMatter: null }).signedDate === null);
  // the level is read from the issuers, the file number, the title or the addressees, else the page's 层级:
  // from the body only when one of those is printed
  const printedBasis = out.issuers === 'body' || out.fileNumber === 'body' || out.title === 'body' || r.addressees.length > 0;
  if (r.level) out.level = from(!printedBasis);
  return out;
}
