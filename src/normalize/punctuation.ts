import { CJK } from './cjk.js';
import { replaceAll, type Text } from './offsets.js';

/** Full-width digits, letters and % become ASCII so numbers parse; CRs go. */
export function halfWidthAlnum(text: Text): Text {
  let t = replaceAll(text, /\r/g, () => '');
  t = replaceAll(t, /[０-９Ａ-Ｚａ-ｚ％．]/g, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0));
  return t;
}

const cjkChar = new RegExp(`[${CJK}]`);
const ASCII_SEPARATOR = /[:;,]/;
const CJK_SEPARATOR = new RegExp(`([${CJK}0-9])[:;,](?=\\s|[${CJK}]|$)|([${CJK}])[:;,]`, 'gm');
const ASCII_STOP = /[.!?]/;
const CJK_STOP = new RegExp(`([${CJK}）”])([.!?])(?=\\s|[${CJK}“（]|$)`, 'gm');

/**
 * ASCII brackets, colons and full stops that enclose or follow Chinese text become their full-width
 * forms, so `(一)` reads as `（一）`, `附件 1:` as `附件1：` and `执行.各地` as `执行。各地`;
 * `(020)83193872` is left alone.
 */
export function fullWidthCjkPunctuation(text: Text): Text {
  // each pattern below needs an ASCII mark of its own: a text without one is not scanned for it
  // (most Chinese texts hold no ASCII bracket, colon, semicolon or comma)
  let t = text.value.includes('(') ? replaceAll(text, /\(([^()\n]{0,80})\)/g, (m) => (cjkChar.test(m[1]) ? `（${m[1]}）` : null)) : text;
  // after a Chinese character anything may follow (电话:020-…, 梁文嘉,(020)…); a digit on both sides (10:30, 3,000) stays
  if (ASCII_SEPARATOR.test(t.value)) t = replaceAll(t, CJK_SEPARATOR, (m) => {
    if (m[2] !== undefined) return m[2] + ({ ':': '：', ';': '；', ',': '，' } as Record<string, string>)[m[0].slice(-1)];
    const p = m[0].slice(-1);
    // a digit before ':' is only CJK context when something Chinese came right before (附件1:)
    if (/[0-9]/.test(m[1]) && !/[\u4e00-\u9fff][0-9]*$/.test(t.value.slice(Math.max(0, m.index - 6), m.index + 1))) return null;
    return m[1] + ({ ':': '：', ';': '；', ',': '，' } as Record<string, string>)[p];
  });
  // a full stop typed as '.' (or ! ?) after a Chinese character ends a sentence: 。！？ (after a digit,
  // 1. numbers an item and 3.5 is a decimal, so those stay)
  if (ASCII_STOP.test(t.value)) t = replaceAll(t, CJK_STOP, (m) => m[1] + ({ '.': '。', '!': '！', '?': '？' } as Record<string, string>)[m[2]]);
  return t;
}
