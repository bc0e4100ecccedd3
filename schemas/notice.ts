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

export const Clause = z.object({
  number: z.string().describe('as printed without brackets: 十一'),
  ordinal: z.number().int().describe('the number as an integer'),
  heading: z.string().nullable(),
  text: z.string().describe('the whole clause, hard line breaks joined'),
  span: Span,
});

export const Section = z.object({
  number: z.string().nullable(),
  ordinal: z.number().int().nullable(),
  heading: z.string().nullable(),
  text: z.string().describe('section text outside its clauses'),
  clauses: z.array(Clause),
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

/** The signals a document was judged by (src/extract/verdict.ts). */
export const VerdictSignal = z
  .enum(['版头', '发文字号', '标题', '发文机关', '主送', '落款', '成文日期', '印发', '正文编号', '层次结构', '条款', '总则', '制定目的', '结束语', '政策用语'])
  .describe(
    '版头 (发文机关标志), 发文字号, 标题, 发文机关 (an issuer named: 版头, 落款 or the title), 主送 (主送机关), 落款 (signature), 成文日期, 印发 (印发日期 line): the frame of a notice; ' +
      '正文编号 (一、 numbering), 层次结构 (a clause tree: 一、 with （一）, or 第X条 articles), 条款 (第X条 articles), 总则 (第一章 总则), ' +
      '制定目的 (为…制定本办法, 为深入贯彻落实《…》), 结束语 (特此通知, 通知如下, 现将…印发给你们), 政策用语 (directive language: 各地要, 应当, 鼓励, 落实 …): signs of a policy text',
  );

export const Verdict = z
  .object({
    kind: z
      .enum(['notice', 'partial', 'body'])
      .describe('notice: title with 发文字号 or 落款, and a date or number; partial: a copy missing part of its frame (no title, no date …); body: a policy text without its frame (a spreadsheet cell, a pasted 办法)'),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .describe('how sure the reader is that this is a whole notice: notice 0.7–1 (1 when every frame element is there), partial 0.4–0.7, body 0.1–0.4, growing with the signals seen'),
    signals: z.array(VerdictSignal).describe('the signals seen, frame elements first'),
    missing: z.array(VerdictSignal).describe('the frame elements not seen'),
  })
  .describe('what the reader saw: a verdict instead of a refusal (only text with no policy signal at all is refused)');

/** Where a header value was read: printed in the document, or taken from the page around it. */
export const ValueSource = z
  .enum(['body', 'metadata'])
  .describe('body: printed in the document; metadata: taken from YAML front matter, a policy page\'s metadata table (发文字号：…) or HTML <meta> fields because the document does not print it');

export const Provenance = z
  .object({
    title: ValueSource.optional(),
    fileNumber: ValueSource.optional(),
    issuers: ValueSource.optional(),
    signedDate: ValueSource.optional(),
    level: ValueSource.optional(),
  })
  .describe('for each header field that has a value: where it was read (absent for an empty field)');

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
  verdict: Verdict,
  provenance: Provenance,
});
export type NoticeRecord = z.infer<typeof NoticeRecord>;
export type Clause = z.infer<typeof Clause>;
export type Section = z.infer<typeof Section>;
export type Table = z.infer<typeof Table>;
export type TableRow = z.infer<typeof TableRow>;
export type Target = z.infer<typeof Target>;
export type Subsidy = z.infer<typeof Subsidy>;
export type KeyRegion = z.infer<typeof KeyRegion>;
export type Contact = z.infer<typeof Contact>;
export type Reference = z.infer<typeof Reference>;
export type FileNumber = z.infer<typeof FileNumber>;
export type Verdict = z.infer<typeof Verdict>;
export type Provenance = z.infer<typeof Provenance>;
