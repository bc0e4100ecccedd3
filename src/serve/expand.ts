/**
 * Spelling variants a search word is also looked for under, unless the request asks for `exact=1`.
 * Notices name one subsidy several ways — 交通补助, 交通费补助, 交通补贴, 交通费补贴 — and a reader
 * searching for one means them all. Kept to variants that do not change the meaning:
 * - 补助 and 补贴 are both money granted to a person or unit (《现代汉语词典》: 补助 "从经济上帮助",
 *   补贴 "贴补的费用"); 奖补, 津贴 or 贷款 are other things and are not swapped in.
 * - 费 between what is paid for and the grant word is optional (交通费补助 = 交通补助).
 */
const GRANT = /^(.+?)(费?)(补助|补贴)$/u;
const GRANT_WORDS = ['补助', '补贴'];

/** The word itself first, then its variants (none for a word without a grant ending). */
export function variantsOf(word: string): string[] {
  const m = GRANT.exec(word);
  if (!m || m[1].endsWith('费')) return [word];
  const stem = m[1];
  const all = ['', '费'].flatMap((fee) => GRANT_WORDS.map((g) => `${stem}${fee}${g}`));
  return [word, ...all.filter((v) => v !== word)];
}
