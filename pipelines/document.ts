import { NoticeRecord } from '../schemas/notice.js';
import { checkDocument } from '../src/check/run.js';
import { contextsOf, extractRecord, isNotice, notANoticeReason, noticeSignals } from '../src/extract/document.js';
import { normalize } from '../src/normalize/index.js';
import { readSource, sourceFromBytes, type Source } from '../src/read/source.js';
import { segment } from '../src/segment/index.js';
import { fail, type Result } from '../src/util/result.js';

export type FileResult = Result<{ path: string; records: NoticeRecord[] }>;

/**
 * One file's lifecycle: read → normalize → segment → extract → check (per document) → validate.
 * Any stage may end it with a Failure (path + reason); nothing is thrown to the batch.
 */
export async function processFile(path: string, bytes?: Uint8Array): Promise<FileResult> {
  const read = bytes ? await sourceFromBytes(path, bytes) : await readSource(path);
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
  const drafts = contextsOf(source, normalized, layouts).map(extractRecord);
  const signals = drafts.map((d) => noticeSignals(d, normalized.text.value));
  if (!signals.some(isNotice)) return fail(source.path, notANoticeReason(signals[0] ?? []));
  const records: NoticeRecord[] = [];
  for (const draft of drafts) {
    draft.findings = checkDocument(draft);
    const parsed = NoticeRecord.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(source.path, `record ${draft.source.documentIndex} fails the schema at ${issue.path.join('.')}: ${issue.message}`);
    }
    records.push(parsed.data);
  }
  return { ok: true, path: source.path, records };
}
