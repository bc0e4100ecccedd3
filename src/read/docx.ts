import { htmlToText, loadHtmlParser } from './html.js';

/**
 * DOCX → text: one line per paragraph, one tab-joined line per table row. mammoth reads the
 * OOXML (runs, hyperlinks, tracked changes, fields, tables with merged cells) into HTML, and the
 * HTML walker turns that into lines, so a Word table comes out like a web-page table.
 *
 * A DOCX has no lines and columns of its own: spans point into the extracted text, whose line N
 * is the Nth paragraph of the body (empty ones included), a table row counting as one paragraph.
 */
export type DocxText = { ok: true; text: string } | { ok: false; reason: string };

const WORD_MAIN = /application\/vnd\.(openxmlformats-officedocument\.wordprocessingml\.(document|template)\.main|ms-word\.(document|template)\.macroEnabled(\.main)?)\+xml/;

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  let names: string[];
  let contentTypes = '';
  try {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    names = Object.keys(zip.files);
    contentTypes = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  } catch (e) {
    return { ok: false, reason: `corrupt DOCX (${firstLine(e)})` };
  }
  if (!WORD_MAIN.test(contentTypes) && !names.includes('word/document.xml')) {
    return { ok: false, reason: `not a Word document (a ZIP archive${zipKind(names, contentTypes)})` };
  }
  try {
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // images would come out as data: URIs; the text needs none of them
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: false },
    );
    // mammoth writes no whitespace of its own, so spaces and tabs in the runs are kept as typed;
    // empty paragraphs stay as blank lines, so line N of the text is the Nth paragraph
    await loadHtmlParser();
    const { text } = htmlToText(result.value, { whitespace: 'preserve', emptyParagraphs: true });
    if (text.trim() === '') return { ok: false, reason: 'Word document has no text' };
    return { ok: true, text: text.endsWith('\n') ? text : text + '\n' };
  } catch (e) {
    return { ok: false, reason: `corrupt DOCX (${firstLine(e)})` };
  }
}

/** What a ZIP that is not a Word document seems to be, for the failure message. */
function zipKind(names: string[], contentTypes: string): string {
  if (names.includes('xl/workbook.xml') || /spreadsheetml/.test(contentTypes)) return ': an Excel workbook';
  if (names.includes('ppt/presentation.xml') || /presentationml/.test(contentTypes)) return ': a PowerPoint presentation';
  if (names.includes('content.xml') && names.includes('mimetype')) return ': an OpenDocument file';
  return ' without word/document.xml';
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].replace(/\s+/g, ' ').trim() || 'unknown error';
}
