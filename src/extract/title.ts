import { DOC_TYPES } from '../lexicon/patterns.js';
import { joinTexts, lineText } from '../segment/lines.js';
import { spanAt, type DocumentContext } from './context.js';
import type { Span } from '../../schemas/common.js';

export interface TitleInfo {
  /** null when the copy prints none (a partial web copy that starts at the 主送机关) */
  title: string | null;
  span: Span | null;
  docType: string | null;
}

const DOC_TYPE_AT_END = new RegExp(`(${DOC_TYPES.join('|')})(（[^）]{1,20}）)?$`);

/** The 标题: the title lines joined (whitespace removed), else the front matter's 标题. */
export function extractTitle(ctx: DocumentContext): TitleInfo {
  if (ctx.zones.title.length) {
    const t = joinTexts(ctx.zones.title.map((l) => lineText(ctx.text, l)));
    const title = t.value.replace(/\s+/g, '');
    if (title) return { title, span: spanAt(ctx, t, 0), docType: docTypeOf(title) };
  }
  const fm = ctx.frontMatter;
  const key = ['标题', '名称'].find((k) => fm?.fields[k]);
  if (fm && key && ctx.documentIndex === 0) {
    const title = fm.fields[key].replace(/\s+/g, '');
    return { title, span: ctx.locate(fm.offsets[key]), docType: docTypeOf(title) };
  }
  return { title: null, span: null, docType: null };
}

/** `关于印发《…办法》的通知` is a 通知: the last document-type word outside 《》 wins. */
export function docTypeOf(title: string): string | null {
  const m = DOC_TYPE_AT_END.exec(title.replace(/《[^》]*》/g, '《》'));
  return m ? m[1] : null;
}
