/**
 * `s` without whitespace (what /\s/ matches), as table cells and lines are compared. Most cells hold
 * none: they are returned as they are, after one scan by character code, without a regex replace.
 */
export function flat(s: string): string {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return s.replace(/\s+/g, '');
  return s;
}

/** The characters of /\s/: ASCII tab to carriage return and space, and the Unicode spaces. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
