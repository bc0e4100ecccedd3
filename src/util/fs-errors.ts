/**
 * One wording per file-system failure, whichever verb meets it (`extract` walking its paths, `diff`
 * reading its two files): `no such file or directory`, never `cannot read: ENOENT` in one verb and
 * the words in another. Codes outside the table keep their code, so nothing is hidden.
 */
const WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'no such file or directory (a part of the path is not a folder)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links (a link loop?)',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error while reading',
};

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && WORDS[code]) return WORDS[code];
  return `cannot read: ${code ?? (e as Error)?.message ?? String(e)}`;
}
