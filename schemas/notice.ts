import { z } from 'zod';
import { SCHEMA_VERSION, Span } from './common.js';
import { Finding } from './finding.js';

export const FileNumber = z.object({
  raw: z.string().describe('as printed'),
  normalized: z.string().describe('no whitespace, 〔〕 brackets: 吉人社联〔2022〕81号'),
  prefix: z.string(),
  year: z.number().int(),
  serial: z.number().int(),
  span: Span.nullable(),
});

export const Region = z.object({ name: z.string(), code: z.string() });

export const Reference = z.object({
  fileNumber: z.string().nullable(),
  title: z.string().nullable(),
  relation: z.enum(['forwards', 'implements', 'cites']),
  span: Span.nullable(),
});

export const Item = z
  .object({
    number: z.string().describe('as printed without brackets or punctuation: 1, ①, 一'),
    ordinal: z.number().int().describe('the number as an integer (① is 1)'),
    path: z.string().describe('printed path from the top of the outline: 二（三）1, 二（三）1（2）, 第五条（一）'),
    depth: z.number().int().min(1).describe('1 for an item of the clause or section, 2 for its sub-item, …'),
    heading: z.string().nullable(),
    text: z.string().describe('the whole item, its sub-items included, hard line breaks joined'),
    span: Span,
  })
  .describe('An item (1. 1、), sub-item (（1） (1)) or further level (①) below a clause or section; in regulations also （一）/一、 inside an article');

export const Clause = z.object({
  number: z.string().describe('as printed without brackets: 十一'),
  ordinal: z.number().int().describe('the number as an integer'),
  heading: z.string().nullable(),
  path: z.string().describe('printed path: 二（三） (section and clause), （三） when the notice has no sections, 第二章第五条 or 第五条 in a regulation; what diff units and the store key a clause by'),
  text: z.string().describe('the whole clause, hard line breaks joined'),
  items: z.array(Item).describe('items and sub-items of the clause in document order (flattened: depth and path give the nesting)'),
  span: Span,
});

export const Section = z.object({
  number: z.string().nullable(),
  ordinal: z.number().int().nullable(),
  heading: z.string().nullable(),
  path: z.string().describe("printed path: 二, 第二章; '' for the unnumbered holder of clauses printed before any section"),
  text: z.string().describe('section text outside its clauses'),
  clauses: z.array(Clause),
  items: z.array(Item).describe('items printed in the section outside any clause (一、 followed directly by 1. 2.), flattened like Clause.items'),
  span: Span,
});

export const Target = z.object({
  metric: z.string(),
  comparator: z.enum(['>=', '<=', '=', '>', '<']),
  value: z.number(),
  max: z.number().nullable(),
  unit: z.string(),
  persons: z.number().nullable(),
  scope: z.string().nullable(),
  clause: z.string().nullable(),
  text: z.string().describe('the phrase the target was read from'),
  span: Span,
});

export const TableRow = z.object({
  seq: z.number().int().nullable(),
  region: z.string(),
  values: z.record(z.string(), z.number().nullable()),
  printed: z.record(z.string(), z.string().nullable()).describe('cells as printed, for rounding-aware checks'),
  inferred: z.array(z.string()).optional().describe('columns whose cells were placed by the table totals (a PDF text layer that lost blank cells), not read where printed'),
  span: Span,
});

export const Table = z.object({
  label: z.string().nullable(),
  title: z.string().nullable(),
  kind: z.enum(['target', 'form', 'other']),
  unit: z.string().nullable(),
  columns: z.array(z.string()),
  rows: z.array(TableRow),
  declaredTotal: z.record(z.string(), z.number().nullable()).nullable(),
  declaredTotalPrinted: z.record(z.string(), z.string().nullable()).nullable(),
  repairedFrom: z.enum(['totals']).optional().describe('the declared totals were used to put cells in their columns: the sums cannot check those columns'),
  span: Span,
});

export const Subsidy = z.object({
  name: z.string().nullable(),
  amount: z.number(),
  unit: z.string(),
  unitPrinted: z.boolean().describe('false when the amount was printed without 元'),
  per: z.string().nullable(),
  recipient: z.string().nullable(),
  condition: z.string().nullable(),
  fundingSource: z.string().nullable(),
  oneTime: z.boolean(),
  cap: z.boolean(),
  clause: z.string().nullable(),
  text: z.string(),
  span: Span,
});

export const KeyRegion = z.object({ kind: z.string(), count: z.number().int().nullable(), span: Span });

export const Contact = z.object({
  org: z.string().nullable(),
  person: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  span: Span.nullable(),
});

export const Attachment = z.object({
  label: z.string(),
  title: z.string(),
  name: z.string().describe('the same as title: the attachment named as readers cite it'),
});

export const NoticeRecord = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    path: z.string(),
    sha256: z.string(),
    format: z.enum(['text', 'markdown', 'pdf', 'docx', 'html', 'ofd', 'doc', 'image']),
    documentIndex: z.number().int().min(0),
    ocr: z.boolean().optional().describe('true when some of the text was read by OCR (a scan, a photo)'),
    ocrConfidence: z.number().min(0).max(1).optional().describe('mean confidence of the OCR\'d characters, 0..1'),
    ocrPages: z.array(z.number().int().min(1)).optional().describe('pages read by OCR'),
    ocrSkippedPages: z.array(z.number().int().min(1)).optional().describe('pages without text left unread (past --ocr-max-pages)'),
  }),
  fileNumber: FileNumber.nullable(),
  title: z.string().nullable().describe('null when the copy prints no title (a partial copy keeps its record, with a missing-field finding)'),
  titleSpan: Span.nullable(),
  docType: z.string().nullable(),
  level: z.enum(['national', 'provincial', 'municipal', 'county', 'township']).nullable(),
  region: Region.nullable(),
  issuers: z.array(
    z.object({
      name: z.string().describe('the full official name: 市交通委 in a Shanghai notice is 上海市交通委员会'),
      printed: z.string().describe('the name as the notice prints it'),
      span: Span.nullable(),
    }),
  ),
  addressees: z.array(z.string()),
  signedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  printedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  printedBy: z.string().nullable().describe('印发机关 in the 版记'),
  disclosure: z.string().nullable(),
  references: z.array(Reference),
  sections: z.array(Section),
  targets: z.array(Target),
  tables: z.array(Table),
  subsidies: z.array(Subsidy),
  policyMentions: z.array(z.string()),
  keyRegions: z.array(KeyRegion),
  contacts: z.array(Contact),
  copyNumber: z.string().nullable(),
  secrecy: z.string().nullable(),
  urgency: z.string().nullable(),
  signers: z.array(z.string()),
  copyTo: z.array(z.string()),
  attachments: z.array(Attachment),
  findings: z.array(Finding),
});
export type NoticeRecord = z.infer<typeof NoticeRecord>;
export type Clause = z.infer<typeof Clause>;
export type Item = z.infer<typeof Item>;
export type Section = z.infer<typeof Section>;
export type Table = z.infer<typeof Table>;
export type TableRow = z.infer<typeof TableRow>;
export type Target = z.infer<typeof Target>;
export type Subsidy = z.infer<typeof Subsidy>;
export type KeyRegion = z.infer<typeof KeyRegion>;
export type Contact = z.infer<typeof Contact>;
export type Reference = z.infer<typeof Reference>;
export type FileNumber = z.infer<typeof FileNumber>;
