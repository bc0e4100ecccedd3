import { z } from 'zod';
import { SCHEMA_VERSION, Span } from './common.js';
import { Finding } from './finding.js';

export const FileNumber = z.object({
  raw: z.string().describe('as printed'),
  normalized: z.string().describe('no whitespace, 〔〕 brackets: 吉人社联〔2022〕81号'),
  prefix: z.string().describe('the issuer abbreviation before the year: 吉人社联; for an order (令), its mark: 河北省人民政府令'),
  year: z.number().int().describe('the year in 〔〕; an order numbered without one (第15号 below its mark) takes the year it was signed'),
  serial: z.number().int().describe('the number before 号'),
  span: Span.nullable().describe('where the file number is printed; null when it comes from metadata'),
});

export const Region = z.object({
  name: z.string().describe('the division the notice is for, full official name: 吉林省'),
  code: z.string().describe('its GB/T 2260 code: 220000'),
});

export const Reference = z.object({
  fileNumber: z.string().nullable().describe('the cited 发文字号, normalized; null when only a title is cited'),
  title: z.string().nullable().describe('the cited title without 《》; null when only a file number is cited'),
  relation: z.enum(['forwards', 'implements', 'cites']).describe('forwards: 转发 the whole notice; implements: 贯彻落实 it; cites: mentions it'),
  span: Span.nullable().describe('where the reference is printed'),
});

export const Item = z
  .object({
    number: z.string().describe('as printed without brackets or punctuation: 1, ①, 一'),
    ordinal: z.number().int().describe('the number as an integer (① is 1)'),
    path: z.string().describe('printed path from the top of the outline: 二（三）1, 二（三）1（2）, 第五条（一）'),
    depth: z.number().int().min(1).describe('1 for an item of the clause or section, 2 for its sub-item, …'),
    heading: z.string().nullable().describe('the item heading up to its first 。 or ；, null when it has none'),
    text: z.string().describe('the whole item, its sub-items included, hard line breaks joined'),
    span: Span.describe('where the item starts'),
  })
  .describe('An item (1. 1、), sub-item (（1） (1)) or further level (①) below a clause or section; in regulations also （一）/一、 inside an article');

export const Clause = z.object({
  number: z.string().describe('as printed without brackets: 十一'),
  ordinal: z.number().int().describe('the number as an integer'),
  heading: z.string().nullable().describe('the clause heading ending in 。 or a bold lead-in, null when it has none'),
  path: z.string().describe('printed path: 二（三） (section and clause), （三） when the notice has no sections, 第二章第五条 or 第五条 in a regulation; what diff units and the store key a clause by'),
  text: z.string().describe('the whole clause, hard line breaks joined'),
  items: z.array(Item).describe('items and sub-items of the clause in document order (flattened: depth and path give the nesting)'),
  span: Span,
});

export const Section = z.object({
  number: z.string().nullable().describe('as printed without 、: 三; null for the text before the first numbered section'),
  ordinal: z.number().int().nullable().describe('the number as an integer'),
  heading: z.string().nullable().describe('the section heading: 强化就业帮扶'),
  path: z.string().describe("printed path: 二, 第二章; '' for the unnumbered holder of clauses printed before any section"),
  text: z.string().describe('section text outside its clauses'),
  clauses: z.array(Clause).describe('its numbered clauses （一）（二）…, in order'),
  items: z.array(Item).describe('items printed in the section outside any clause (一、 followed directly by 1. 2.), flattened like Clause.items'),
  span: Span,
});

export const Target = z.object({
  metric: z.string().describe('what is counted, in the notice\'s words: 脱贫人口务工规模'),
  comparator: z.enum(['>=', '<=', '=', '>', '<']).describe('how the value binds: >= for 不低于/以上/力争, <= for 不超过/以内, = for a plain figure (and 左右)'),
  value: z.number().describe('the figure in `unit` (the lower bound of a range)'),
  max: z.number().nullable().describe('the upper bound of a range (10万至12万人), else null'),
  unit: z.string().describe('the unit as printed: 万人, %, 个'),
  persons: z.number().nullable().describe('the value in persons when the unit counts people (11.29万人 → 112900), else null'),
  scope: z.string().nullable().describe('whom or where it applies to, when the text narrows it: 脱贫人口, 重点县'),
  clause: z.string().nullable().describe('the clause it is printed in: section and clause numbers, 一（一）'),
  text: z.string().describe('the phrase the target was read from'),
  span: Span,
  printed: z.string().optional().describe('the figure as printed, digits only (不低于40.60万人 → "40.60"): its decimals are the printed precision (src/util/precision.ts)'),
  maxPrinted: z.string().nullable().optional().describe('the upper end of a range as printed (1—2个 → "2"), null for a single figure'),
  year: z.number().int().nullable().optional().describe('the year the target is set for (到2025年, 2025年底前), null when the text names none'),
  approximate: z.boolean().optional().describe('true when the figure is approximate (左右, 上下, 约): comparator `=` within a tolerance'),
  cue: z.string().nullable().optional().describe('the comparator words as printed (不低于, 以上, 左右, 力争达到), null for a bare figure set by a target verb or a target year'),
});

export const TableRow = z.object({
  seq: z.number().int().nullable().describe('the row\'s 序号 as printed, null when the table has none'),
  region: z.string().describe('the row label as printed (a region, or 合计 for the totals row)'),
  values: z.record(z.string(), z.number().nullable()).describe('cell values by column name; null for a blank or unreadable cell'),
  printed: z.record(z.string(), z.string().nullable()).describe('cells as printed, for rounding-aware checks'),
  inferred: z.array(z.string()).optional().describe('columns whose cells were placed by the table totals (a PDF text layer that lost blank cells), not read where printed'),
  group: z.string().optional().describe('the group the row is printed under: a group row of its own (一、城区, 东部片区) or a label spanning rows (rowspan); absent in a table without groups'),
  span: Span,
});

export const TableSubtotal = z.object({
  group: z.string().nullable().describe('the group it closes (一、城区, 东部片区; 东部片区小计 names its own), null for a 小计 after rows without a group label'),
  from: z.number().int().min(0).describe('index in rows of the first row the 小计 adds up'),
  to: z.number().int().min(0).describe('index in rows after the last row it adds up (from = to: a 小计 over no row)'),
  values: z.record(z.string(), z.number().nullable()).describe('the 小计 by column, as tables[].declaredTotal'),
  printed: z.record(z.string(), z.string().nullable()).describe('the 小计 cells as printed, for rounding bounds'),
  span: Span,
});

export const Table = z.object({
  label: z.string().nullable().describe('the annex label it is printed under: 附件1'),
  title: z.string().nullable().describe('the table title: 2022年度各省（区、市）脱贫人口务工目标任务表'),
  kind: z.enum(['target', 'form', 'other']).describe('target: figures by region; form: a blank form to fill in; other'),
  unit: z.string().nullable().describe('the unit the table declares (单位：万人)'),
  columns: z.array(z.string()).describe('value column names, a two-row header joined with /: 目标任务/国定标准'),
  rows: z.array(TableRow).describe('the body rows in printed order, without the totals row'),
  declaredTotal: z.record(z.string(), z.number().nullable()).nullable().describe('the 合计 row as printed, by column; null when the table has none'),
  declaredTotalPrinted: z.record(z.string(), z.string().nullable()).nullable().describe('the 合计 cells as printed text, for rounding bounds'),
  subtotals: z.array(TableSubtotal).optional().describe('the 小计 rows in printed order, each with the rows it adds up (a group closed by its 小计, or opened by it); absent when the table has none'),
  repairedFrom: z.enum(['totals']).optional().describe('the declared totals were used to put cells in their columns: the sums cannot check those columns'),
  span: Span,
});

export const Subsidy = z.object({
  name: z.string().nullable().describe('the subsidy\'s name: 一次性求职创业补贴'),
  amount: z.number().describe('the amount in `unit`'),
  unit: z.string().describe('元, 万元 …'),
  unitPrinted: z.boolean().describe('false when the amount was printed without 元'),
  per: z.string().nullable().describe('what the amount is counted per: 人, 人·月, 户'),
  recipient: z.string().nullable().describe('who receives it: 脱贫劳动力, 企业'),
  condition: z.string().nullable().describe('the condition attached: 稳定就业3个月以上'),
  fundingSource: z.string().nullable().describe('the fund it is paid from: 就业补助资金'),
  oneTime: z.boolean().describe('true for a one-off payment (一次性)'),
  cap: z.boolean().describe('true when the amount is a ceiling (最高, 不超过)'),
  clause: z.string().nullable().describe('the clause it is printed in: section and clause numbers'),
  text: z.string().describe('the sentence it was read from'),
  span: Span,
});

export const KeyRegion = z.object({
  kind: z.string().describe('the kind of region the notice singles out, in its words: 国家乡村振兴重点帮扶县 (the store also has it as key_regions.name)'),
  count: z.number().int().nullable().describe('how many the notice says there are, null when it does not say'),
  span: Span,
});

export const Contact = z.object({
  org: z.string().nullable().describe('the office to contact: 农村劳动力就业处'),
  person: z.string().nullable().describe('the contact person'),
  phone: z.string().nullable().describe('the phone number as printed'),
  email: z.string().nullable().describe('the e-mail address'),
  span: Span.nullable().describe('where the contact line is printed'),
});

export const Attachment = z.object({
  label: z.string().describe('附件1, or 附件 when unnumbered'),
  title: z.string().describe('the attachment\'s title as listed'),
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
  schemaVersion: z.literal(SCHEMA_VERSION).describe('the contract version; a field renamed or dropped bumps it'),
  source: z.object({
    path: z.string().describe('the input file as given (relative paths stay relative)'),
    sha256: z.string().describe('SHA-256 of the file\'s bytes'),
    format: z.enum(['text', 'markdown', 'pdf', 'docx', 'html', 'ofd', 'doc', 'image']).describe('how the file was read (from its content, then its extension)'),
    documentIndex: z.number().int().min(0).describe('which document of the file (0 first; a forwarding notice is 0, the notice it forwards 1)'),
    ocr: z.boolean().optional().describe('true when some of the text was read by OCR (a scan, a photo)'),
    ocrConfidence: z.number().min(0).max(1).optional().describe('mean confidence of the OCR\'d characters, 0..1'),
    ocrPages: z.array(z.number().int().min(1)).optional().describe('pages read by OCR'),
    ocrSkippedPages: z.array(z.number().int().min(1)).optional().describe('pages without text left unread (past --ocr-max-pages)'),
  }).describe('the file the record was read from'),
  fileNumber: FileNumber.nullable().describe('发文字号, null when none is printed'),
  title: z.string().nullable().describe('null when the copy prints no title (a partial copy keeps its record, with a missing-field finding)'),
  titleSpan: Span.nullable().describe('where the title starts'),
  docType: z.string().nullable().describe('文种 from the title: 通知, 意见, 办法; 令 for an order, whatever the regulation it promulgates is called'),
  level: z.enum(['national', 'provincial', 'municipal', 'county', 'township']).nullable().describe('the issuer\'s level of government'),
  region: Region.nullable().describe('the division the notice governs; null for a national notice'),
  issuers: z.array(
    z.object({
      name: z.string().describe('the full official name: 市交通委 in a Shanghai notice is 上海市交通委员会'),
      printed: z.string().describe('the name as the notice prints it'),
      span: Span.nullable().describe('where the name is printed'),
    }),
  ).describe('发文机关, in printed order (the lead issuer first)'),
  addressees: z.array(z.string()).describe('主送机关 as printed'),
  signedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('成文日期, YYYY-MM-DD'),
  printedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('印发日期 in the 版记, YYYY-MM-DD'),
  printedBy: z.string().nullable().describe('印发机关 in the 版记'),
  disclosure: z.string().nullable().describe('公开方式: 主动公开, 依申请公开'),
  references: z.array(Reference).describe('other notices this one forwards, implements or cites'),
  sections: z.array(Section).describe('the body: 一、二、 sections with their clauses'),
  targets: z.array(Target).describe('numeric targets in the text'),
  tables: z.array(Table).describe('annex tables'),
  subsidies: z.array(Subsidy).describe('subsidy amounts in the text'),
  policyMentions: z.array(z.string()).describe('named policies the text mentions: 以工代赈'),
  keyRegions: z.array(KeyRegion).describe('kinds of region the notice singles out'),
  contacts: z.array(Contact).describe('联系人 lines'),
  copyNumber: z.string().nullable().describe('份号'),
  secrecy: z.string().nullable().describe('密级和保密期限'),
  urgency: z.string().nullable().describe('紧急程度: 特急, 加急'),
  signers: z.array(z.string()).describe('签发人 (上行文)'),
  copyTo: z.array(z.string()).describe('抄送机关'),
  attachments: z.array(Attachment).describe('附件 as listed after the body'),
  findings: z.array(Finding).describe('what extracting and the document rules found (docs/rules/)'),
  verdict: Verdict,
  provenance: Provenance,
});
export type NoticeRecord = z.infer<typeof NoticeRecord>;
export type Clause = z.infer<typeof Clause>;
export type Item = z.infer<typeof Item>;
export type Section = z.infer<typeof Section>;
export type Table = z.infer<typeof Table>;
export type TableRow = z.infer<typeof TableRow>;
export type TableSubtotal = z.infer<typeof TableSubtotal>;
export type Target = z.infer<typeof Target>;
export type Subsidy = z.infer<typeof Subsidy>;
export type KeyRegion = z.infer<typeof KeyRegion>;
export type Contact = z.infer<typeof Contact>;
export type Reference = z.infer<typeof Reference>;
export type FileNumber = z.infer<typeof FileNumber>;
export type Verdict = z.infer<typeof Verdict>;
export type Provenance = z.infer<typeof Provenance>;
