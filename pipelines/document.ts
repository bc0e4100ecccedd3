import { NoticeRecord } from '../schemas/notice.js';
import { checkDocument } from '../src/check/run.js';
import { contextsOf, extractRecord, isNotice, notANoticeReason, noticeSignals } from '../src/extract/document.js';
import { normalize } from '../src/normalize/index.js';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../src/read/options.js';
import { readSource, sourceFromBytes, type Source } from '../src/read/source.js';
import { segment } from '../src/segment/index.js';
import { fail, type Result } from '../src/util/result.js';

export type FileResult = Result<{ path: string; records: NoticeRecord[] }>;

/**
 * One file's lifecycle: read → normalize → segment → extract → check (per document) → validate.
 * Any stage may end it with a Failure (path + reason); nothing is thrown to the batch.
 */
export async function processFile(path: string, bytes?: Uint8Array, options: ReadOptions = DEFAULT_READ_OPTIONS): Promise<FileResult> {
  const read = bytes ? await sourceFromBytes(path, bytes, options) : await readSource(path, options);
  if (!read.ok) return read;
  try {
    return processSource(read.source);
  } catch (e) {
    return fail(path, `internal error while extracting: ${(e as Error).message}`);
  }
}

export function processSource(source: Source): FileResult {
  const normalized = normalize(source);
  const layouts = segment(normalized);
  const drafts = contextsOf(source, normalized, layouts).map((ctx) => extractRecord(ctx));
  const signals = drafts.map((d) => noticeSignals(d, normalized.text.value));
  if (!signals.some(isNotice)) return fail(source.path, notANoticeReason(signals[0] ?? []));
  const records: NoticeRecord[] = [];
  for (const draft of drafts) {
    Object.assign(draft.source, ocrProvenance(source));
    // extraction's own findings (a failed extractor) first, then the document rules'
    draft.findings = [...draft.findings, ...checkDocument(draft)];
    const parsed = NoticeRecord.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(source.path, `record ${draft.source.documentIndex} fails the schema at ${issue.path.join('.')}: ${issue.message}`);
    }
    records.push(parsed.data);
  }
  return { ok: true, path: source.path, records };
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
