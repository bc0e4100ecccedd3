/**
 * Whether bytes are an HTML page and what charset it declares: looked at for every text file, so
 * kept apart from the HTML reader (html.ts), whose parser loads only for a page that is HTML.
 */

/**
 * An HTML document: it opens with a doctype or `<html>` (after whitespace, an XML declaration or
 * comments such as `<!-- saved from url=… -->`), or it is an .html/.htm file with tags.
 */
export function looksLikeHtml(bytes: Uint8Array, path: string): boolean {
  if (/\.(md|markdown)$/i.test(path)) return false;
  const head = latin1(bytes.subarray(0, 4096)).replace(/^\xef\xbb\xbf/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(head)) return true;
  return /\.(x?html?|shtml)$/i.test(path) && /<(html|head|body|meta|title|p|div|br|table|span|h[1-6])[\s/>]/i.test(head);
}

/** The charset a page declares in its first 4 KB (`<meta charset=gbk>`, `content="text/html; charset=gb2312"`). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 4096));
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function latin1(bytes: Uint8Array): string {
  // each byte as the code point of the same value, decoded natively (a string built a character at
  // a time cost 1 % of the text path: every text file's first 4 KB are looked at)
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
