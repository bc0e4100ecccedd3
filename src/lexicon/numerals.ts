const DIGIT: Record<string, number> = { '零': 0, '〇': 0, '○': 0, 'Ｏ': 0, 'O': 0, 'o': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/** 十一 → 11, 二十 → 20, 一百零五 → 105; ASCII digits pass through. */
export function chineseToInt(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇○一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let current = 0;
  // every character is one UTF-16 unit (checked above): read by index, no string iterator
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = DIGIT[ch] ?? 0;
  }
  return total + current;
}

/** 二〇二二 → 2022 (digit by digit, as years are written). */
export function chineseDigitsToInt(s: string): number | null {
  let out = '';
  for (const ch of s) {
    if (/\d/.test(ch)) out += ch;
    else if (ch in DIGIT) out += String(DIGIT[ch]);
    else return null;
  }
  return out ? Number(out) : null;
}

export const CN_NUM = '零〇○一二两三四五六七八九十百';
