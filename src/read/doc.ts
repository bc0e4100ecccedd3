/**
 * Word 97–2003 `.doc` and WPS `.wps` → text. Both are OLE compound files holding a Word binary
 * stream (WPS writes a Word-compatible one); word-extractor reads the piece table, so text
 * written in several sessions (fast saves) comes out in document order, with the GB/Unicode
 * pieces decoded. Hand-writing that reader would mean the compound-file directory, the FIB and
 * the CLX piece table: a well-kept library is the better bet.
 *
 * Only the body is read: page headers and footers hold page numbers (`-- 2 --`), not the notice.
 * As for DOCX, spans point into the extracted text: line N is the Nth paragraph.
 */
export type DocText = { ok: true; text: string } | { ok: false; reason: string };

export async function readDoc(bytes: Uint8Array): Promise<DocText> {
  let body: string;
  try {
    const { default: WordExtractor } = await import('word-extractor');
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = document.getBody();
  } catch (e) {
    return { ok: false, reason: `not a readable Word 97 or WPS document (${firstLine(e)})` };
  }
  // Word ends paragraphs with \r and cells with \x07 (word-extractor turns cells into tabs)
  const text = body.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'Word document has no text' };
  return { ok: true, text: text.endsWith('\n') ? text : text + '\n' };
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].replace(/\s+/g, ' ').trim() || 'unknown error';
}
