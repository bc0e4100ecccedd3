import { htmlToText } from './html.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { openZip, type ZipArchive } from './zip.js';

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

export async function readDocx(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<DocxText> {
  // the archive is read once under the budget (zip.ts) before mammoth inflates anything: it would
  // hold a ZIP bomb's whole output in memory
  const opened = await openZip(bytes, limits);
  if (!opened.ok) return { ok: false, reason: opened.kind === 'damaged' ? `corrupt DOCX (${opened.reason})` : `DOCX ${opened.reason}` };
  const zip = opened.archive;
  const names = zip.names;
  const contentTypes = zip.text('[Content_Types].xml') ?? '';
  const headerLines = versionHeadElements(zip, names);
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
    const walked = htmlToText(result.value, { whitespace: 'preserve', emptyParagraphs: true });
    if (!walked.ok) return { ok: false, reason: `Word document: ${walked.reason}` };
    const { text } = walked;
    if (text.trim() === '') return { ok: false, reason: 'Word document has no text' };
    const body = text.endsWith('\n') ? text : text + '\n';
    return { ok: true, text: headerLines.length ? headerLines.join('\n') + '\n' + body : body };
  } catch (e) {
    return { ok: false, reason: `corrupt DOCX (${firstLine(e)})` };
  }
}

/** 份号, 密级和保密期限, 紧急程度: the 版头 elements a template may keep in the page header. */
const VERSION_HEAD = /(^|\s)\d{6}(\s|$)|绝密|机密|秘密|特急|加急|特提|平急/;

/**
 * The page-header paragraphs (word/header*.xml) that hold 版头 elements, which mammoth does not
 * read. They come first in the text, above the body's first paragraph; running headers without
 * such elements (a title repeated on every page) are left out.
 */
function versionHeadElements(zip: ZipArchive, names: string[]): string[] {
  const out: string[] = [];
  for (const name of names.filter((n) => /^word\/header\d*\.xml$/.test(n)).sort()) {
    const xml = zip.text(name) ?? '';
    for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      const line = p
        .replace(/<w:tab\/>/g, '\t')
        .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, '\u0000$1\u0000')
        .split('\u0000')
        .filter((_, i) => i % 2 === 1 || false)
        .join('');
      if (VERSION_HEAD.test(line)) out.push(decodeXml(line).trim());
    }
  }
  return out;
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

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
