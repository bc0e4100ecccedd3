import type { PDFParse } from 'pdf-parse';

export type PdfText = { ok: true; text: string; pageStarts: number[] } | { ok: false; reason: string };

/** PDF → text, one page after another, remembering where each page starts for provenance. */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  let parser: PDFParse | undefined;
  try {
    // pdf.js is large: load it only when a PDF comes in, so text-only runs start fast
    const { PDFParse } = await import('pdf-parse');
    parser = new PDFParse({ data: bytes });
    const result = await parser.getText();
    let text = '';
    const pageStarts: number[] = [];
    for (const page of result.pages) {
      pageStarts.push(text.length);
      text += page.text.replace(/\r\n?/g, '\n') + '\n';
    }
    if (text.trim() === '') return { ok: false, reason: 'PDF has no text layer (scanned image?)' };
    return { ok: true, text, pageStarts };
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    return { ok: false, reason: `unreadable PDF (${msg.split('\n')[0]})` };
  } finally {
    await parser?.destroy().catch(() => undefined);
  }
}
