import { SCHEMA_VERSION } from '../../schemas/common.js';
import { NoticeRecord } from '../../schemas/notice.js';
import type { Finding } from '../../schemas/finding.js';
import type { Normalized } from '../normalize/index.js';
import type { FrontMatter } from '../normalize/markdown.js';
import { META_KEY } from '../segment/classify.js';
import type { Source } from '../read/source.js';
import type { Layout } from '../segment/index.js';
import type { DocumentContext } from './context.js';
import { extractContacts } from './contacts.js';
import { extractDates } from './dates.js';
import { extractElements } from './elements.js';
import { extractFileNumber } from './file-number.js';
import { extractIssuers } from './issuers.js';
import { extractReferences } from './references.js';
import { inferRegion } from './region.js';
import { extractSections } from './sections.js';
import { extractTables } from './tables.js';
import { extractTargets } from './targets.js';
import { extractSubsidies } from './subsidies.js';
import { extractPolicyMentions } from './policies.js';
import { extractKeyRegions } from './key-regions.js';
import { extractTitle } from './title.js';

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

/**
 * Whether a document carries enough of a notice to be one: a title, and a file number, numbered
 * body, issuer, 主送机关 or 成文日期 besides it.
 */
export function looksLikeNotice(r: Pick<NoticeRecord, 'title' | 'fileNumber' | 'sections' | 'issuers' | 'addressees' | 'signedDate'>): boolean {
  return r.title !== '' && (r.fileNumber !== null || r.sections.length > 0 || r.issuers.length > 0 || r.addressees.length > 0 || r.signedDate !== null);
}

/** Runs every extractor over one document and assembles the record (unvalidated). */
export function extractRecord(ctx: DocumentContext): NoticeRecord {
  const fileNumber = extractFileNumber(ctx);
  const title = extractTitle(ctx);
  const issuers = extractIssuers(ctx, title.title);
  const { level, region } = inferRegion(issuers.map((i) => i.name), fileNumber, title.title);
  const elements = extractElements(ctx);
  const { signedDate, printedDate } = extractDates(ctx);
  const findings: Finding[] = [];
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: ctx.source.path, sha256: ctx.source.sha256, format: ctx.source.format, documentIndex: ctx.documentIndex },
    fileNumber,
    title: title.title,
    titleSpan: title.span,
    docType: title.docType,
    level,
    region,
    issuers,
    addressees: elements.addressees,
    signedDate,
    printedDate,
    printedBy: elements.printedBy,
    disclosure: elements.disclosure,
    references: extractReferences(ctx, { fileNumber: fileNumber?.normalized ?? null, title: title.title }),
    sections: extractSections(ctx),
    targets: extractTargets(ctx),
    tables: extractTables(ctx),
    // amount-missing-unit findings come from the check stage (src/check), which sees unitPrinted
    subsidies: extractSubsidies(ctx).subsidies,
    policyMentions: extractPolicyMentions(ctx),
    keyRegions: extractKeyRegions(ctx),
    contacts: extractContacts(ctx),
    copyNumber: elements.copyNumber,
    secrecy: elements.secrecy,
    urgency: elements.urgency,
    signers: elements.signers,
    copyTo: elements.copyTo,
    attachments: elements.attachments,
    findings,
  };
}
