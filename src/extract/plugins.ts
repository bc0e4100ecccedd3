import { SCHEMA_VERSION } from '../../schemas/version.js';
import type { Finding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import type { DocumentContext } from './context.js';
import { extractContacts } from './contacts.js';
import { extractDates } from './dates.js';
import { extractElements } from './elements.js';
import { extractFileNumber } from './file-number.js';
import { expandFromTitle, extractIssuers } from './issuers.js';
import { extractKeyRegions } from './key-regions.js';
import { extractPolicyMentions } from './policies.js';
import { extractReferences } from './references.js';
import { inferRegion, regionParts } from './region.js';
import { officialName } from '../lexicon/agency-names.js';
import { extractSections } from './sections.js';
import { extractSubsidies } from './subsidies.js';
import { extractTables } from './tables.js';
import { extractTargets } from './targets.js';
import { extractTitle } from './title.js';
import { levelFromMetadata, metadataIssuers, provenanceOf } from './provenance.js';
import { signalsOf, verdictOf } from './verdict.js';

type Field = keyof NoticeRecord;

/**
 * An extractor as a named plugin, in the manner of unified's attachers: it reads the document
 * context and the fields earlier plugins filled, and returns the fields it owns. Named, so a
 * benchmark can time each one and a failure can say which one failed.
 */
export interface Extractor<K extends Field = Field> {
  name: string;
  /** the record fields this plugin fills (they keep their empty values if it fails) */
  fields: readonly K[];
  run(ctx: DocumentContext, record: Readonly<NoticeRecord>): Pick<NoticeRecord, K>;
}

/** Any extractor, whatever fields it owns (what the registry holds). */
export interface NamedExtractor {
  name: string;
  fields: readonly Field[];
  run(ctx: DocumentContext, record: Readonly<NoticeRecord>): Partial<NoticeRecord>;
}

const extractor = <K extends Field>(e: Extractor<K>): NamedExtractor => e;

/** The extractors, in the order they run (a plugin may read what an earlier one filled). */
export const extractors: readonly NamedExtractor[] = [
  extractor({ name: 'file-number', fields: ['fileNumber'], run: (ctx) => ({ fileNumber: extractFileNumber(ctx) }) }),
  extractor({
    name: 'title',
    fields: ['title', 'titleSpan', 'docType'],
    run: (ctx) => {
      const t = extractTitle(ctx);
      return { title: t.title, titleSpan: t.span, docType: t.docType };
    },
  }),
  extractor({
    name: 'elements',
    fields: ['addressees', 'printedBy', 'disclosure', 'copyNumber', 'secrecy', 'urgency', 'signers', 'copyTo', 'attachments'],
    run: (ctx) => extractElements(ctx),
  }),
  // who issued it and where: the region comes from the names as printed, and the official names
  // from the region (省财政厅 in a Zhejiang notice is 浙江省财政厅)
  extractor({
    name: 'issuers',
    fields: ['issuers', 'level', 'region'],
    run: (ctx, r) => {
      const printed = extractIssuers(ctx, r.title, r.fileNumber);
      // 市交通委员会 in the 落款 is the 上海市交通委员会 the title prints
      const named = printed.map((i) => expandFromTitle(i.name, r.title));
      const { level: printedLevel, region } = inferRegion(named, r.fileNumber, r.title ?? '', r.addressees, metadataIssuers(ctx));
      const place = regionParts(region);
      // the page's 层级 only where nothing printed tells the level
      const level = printedLevel ?? levelFromMetadata(ctx);
      return { level, region, issuers: printed.map((i, k) => ({ name: officialName(named[k], place), printed: i.name, span: i.span })) };
    },
  }),
  extractor({ name: 'dates', fields: ['signedDate', 'printedDate'], run: (ctx) => extractDates(ctx) }),
  extractor({
    name: 'references',
    fields: ['references'],
    run: (ctx, r) => ({ references: extractReferences(ctx, { fileNumber: r.fileNumber?.normalized ?? null, title: r.title ?? '' }) }),
  }),
  extractor({ name: 'sections', fields: ['sections'], run: (ctx) => ({ sections: extractSections(ctx) }) }),
  extractor({ name: 'targets', fields: ['targets'], run: (ctx) => ({ targets: extractTargets(ctx) }) }),
  extractor({ name: 'tables', fields: ['tables'], run: (ctx) => ({ tables: extractTables(ctx) }) }),
  // amount-missing-unit findings come from the check stage (src/check), which sees unitPrinted
  extractor({ name: 'subsidies', fields: ['subsidies'], run: (ctx) => ({ subsidies: extractSubsidies(ctx).subsidies }) }),
  extractor({ name: 'policies', fields: ['policyMentions'], run: (ctx) => ({ policyMentions: extractPolicyMentions(ctx) }) }),
  extractor({ name: 'key-regions', fields: ['keyRegions'], run: (ctx) => ({ keyRegions: extractKeyRegions(ctx) }) }),
  extractor({ name: 'contacts', fields: ['contacts'], run: (ctx) => ({ contacts: extractContacts(ctx) }) }),
  // where each header value was read: the document or the page around it
  extractor({ name: 'provenance', fields: ['provenance'], run: (ctx, r) => ({ provenance: provenanceOf(ctx, r) }) }),
  // last: judged on what the others found
  extractor({ name: 'verdict', fields: ['verdict'], run: (ctx, r) => ({ verdict: verdictOf(signalsOf(ctx, r)) }) }),
];

/** Every field of a record with its empty value, in schema order (so output order never depends on which plugin ran). */
export function emptyRecord(ctx: DocumentContext): NoticeRecord {
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: ctx.source.path, sha256: ctx.source.sha256, format: ctx.source.format, documentIndex: ctx.documentIndex },
    fileNumber: null,
    title: null,
    titleSpan: null,
    docType: null,
    level: null,
    region: null,
    issuers: [],
    addressees: [],
    signedDate: null,
    printedDate: null,
    printedBy: null,
    disclosure: null,
    references: [],
    sections: [],
    targets: [],
    tables: [],
    subsidies: [],
    policyMentions: [],
    keyRegions: [],
    contacts: [],
    copyNumber: null,
    secrecy: null,
    urgency: null,
    signers: [],
    copyTo: [],
    attachments: [],
    findings: [],
    verdict: { kind: 'body', confidence: 0, signals: [], missing: [] },
    provenance: {},
  };
}

/** Milliseconds spent in each extractor, summed over the documents it ran on. */
export type ExtractorTimings = Map<string, number>;

/**
 * Runs the plugins over one document. A plugin that throws leaves its fields empty and adds an
 * `extractor-failed` finding naming it; the other plugins still run.
 */
export function runExtractors(ctx: DocumentContext, plugins: readonly NamedExtractor[] = extractors, timings?: ExtractorTimings): NoticeRecord {
  const record = emptyRecord(ctx);
  const fill = record as unknown as Record<Field, unknown>;
  for (let p = 0; p < plugins.length; p++) {
    const plugin = plugins[p];
    const started = timings ? performance.now() : 0;
    try {
      const out = plugin.run(ctx, record) as Record<Field, unknown>;
      for (let k = 0; k < plugin.fields.length; k++) fill[plugin.fields[k]] = out[plugin.fields[k]];
    } catch (e) {
      record.findings.push(extractorFailed(plugin.name, e));
    }
    if (timings) timings.set(plugin.name, (timings.get(plugin.name) ?? 0) + performance.now() - started);
  }
  return record;
}

function extractorFailed(name: string, e: unknown): Finding {
  const reason = e instanceof Error ? e.message : String(e);
  return {
    rule: 'extractor-failed',
    severity: 'error',
    message: `extractor ${name} failed: ${reason.split('\n')[0]}; its fields are left empty`,
    span: null,
    data: { extractor: name, error: reason.split('\n')[0] },
  };
}
