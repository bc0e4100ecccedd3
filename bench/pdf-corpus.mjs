// The PDF bench's multi-page file: the given PDFs' pages copied, in order, `times` over, into one
// document with pdf-lib. Each copy keeps its source's embedded fonts (as a merged report does), so
// a reader parses every font program once per copy, not once for the whole file.
import { readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';

/** Writes the merged PDF to `out` and returns its page count. */
export async function mergePdfs(files, times, out) {
  const merged = await PDFDocument.create();
  merged.setProducer('policy-notices bench');
  // fixed dates: the same inputs give the same bytes
  merged.setCreationDate(new Date(0));
  merged.setModificationDate(new Date(0));
  for (let k = 0; k < times; k++) {
    for (const f of files) {
      const src = await PDFDocument.load(readFileSync(f));
      for (const page of await merged.copyPages(src, src.getPageIndices())) merged.addPage(page);
    }
  }
  writeFileSync(out, await merged.save());
  return merged.getPageCount();
}
