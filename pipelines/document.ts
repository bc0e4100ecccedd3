import type { NoticeRecord } from '../schemas/notice.js';
import { encodingRepaired, tableRepairFindings, unreadTableFindings } from '../src/check/reading-findings.js';
import { checkDocument } from '../src/check/document-rules.js';
import type { Finding } from '../schemas/finding.js';
import { contextsOf, extractRecord } from '../src/extract/document.js';
import { isPolicyText, notPolicyReason } from '../src/extract/verdict.js';
import { normalize } from '../src/normalize/index.js';
import type { SourceLocator } from '../src/normalize/offsets.js';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../src/read/options.js';
import { readSource, sourceFromBytes, type Source } from '../src/read/source.js';
import { segment } from '../src/segment/index.js';
import { fail, type Result } from '../src/util/result.js';
import type { ValidateMode } from '../src/read/options.js';
import { inSchemaOrder, loadSchemaCheck, schemaFindings, shouldValidate, validateMode } from '../src/check/validate.js';

export type FileResult = Result<{ path: string; records: NoticeRecord[] }>;

/**
 * One file's lifecycle: read → normalize → segment → extract → check (per document) → validate.
 * Any stage may end it with a Failure (path + reason); nothing is thrown to the batch.
 */
export async function processFile(path: string, bytes?: Uint8Array, options: ReadOptions = DEFAULT_READ_OPTIONS): Promise<FileResult> {
  let read: Awaited<ReturnType<typeof readSource>>;
  try {
    // reading parses PDF, DOCX, OFD, Word 97 and HTML with libraries that may throw (or overflow the stack) on hostile input
    read = bytes ? await sourceFromBytes(path, bytes, options) : await readSource(path, options);
  } catch (e) {
    return fail(path, `internal error while reading: ${errorText(e)}`);
  }
  if (!read.ok) return read;
  const validate = validateMode(options.validate);
  // zod loads with the first file that is validated, not with the worker (validate.ts)
  if (shouldValidate(validate, read.source.sha256)) await loadSchemaCheck();
  try {
    return processSource(read.source, validate);
  } catch (e) {
    return fail(path, `internal error while extracting: ${errorText(e)}`);
  }
}

/** One line, whatever was thrown (a RangeError from a stack overflow, a string, an object). */
const errorText = (e: unknown) => (e instanceof Error ? `${e.name === 'Error' ? '' : e.name + ': '}${e.message}` : String(e)).split('\n')[0];

/**
 * `validate`: which records are checked against the schema (src/check/validate.ts). Records are
 * emitted as built either way; a record that fails carries a `record-invalid` finding.
 */
export function processSource(source: Source, validate: ValidateMode = validateMode(undefined)): FileResult {
  const normalized = normalize(source);
  const layouts = segment(normalized);
  const contexts = contextsOf(source, normalized, layouts);
  const drafts = contexts.map((ctx) => extractRecord(ctx));
  // a verdict, not a gate: only text without any signal of a policy text is refused
  if (!drafts.some((d) => isPolicyText(d.verdict.signals))) return fail(source.path, notPolicyReason(drafts[0]?.verdict.signals ?? []));
  const records: NoticeRecord[] = [];
  const check = shouldValidate(validate, source.sha256);
  const repairs = repairFindings(source, normalized.locator);
  for (const [i, draft] of drafts.entries()) {
    Object.assign(draft.source, ocrProvenance(source));
    // a decoding repair concerns the file: every document read from it carries it; then extraction's
    // own findings (a failed extractor), then the document rules'
    draft.findings = [...repairs, ...tableRepairFindings(contexts[i], draft.tables), ...unreadTableFindings(contexts[i], draft.tables), ...draft.findings, ...checkDocument(draft)];
    if (check) draft.findings.push(...schemaFindings(draft));
    records.push(inSchemaOrder(draft));
  }
  return { ok: true, path: source.path, records };
}

/** What decoding repaired, as findings pointing at the place. */
function repairFindings(source: Source, locator: SourceLocator): Finding[] {
  return (source.repairs ?? []).map((r) => ({
    rule: encodingRepaired.id,
    severity: encodingRepaired.severity,
    message: r.message,
    span: locator.span(r.offset),
    data: r.data,
  }));
}

/** What a record says about OCR: only present when some page of its file was read by OCR. */
function ocrProvenance(source: Source): Partial<NoticeRecord['source']> {
  if (!source.ocr) return {};
  return {
    ocr: source.ocr.pages.length > 0,
    ocrConfidence: source.ocr.confidence,
    ocrPages: source.ocr.pages,
    ...(source.ocr.skippedPages.length ? { ocrSkippedPages: source.ocr.skippedPages } : {}),
  };
}
