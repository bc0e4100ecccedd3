import { DOC_TYPES } from '../lexicon/patterns.js';
import { nthNonSpace } from '../util/trim.js';
import { endsTitle, isOrderMark, isOrderNumber } from '../segment/classify.js';
import { joinTexts, lineText } from '../segment/lines.js';
import { metadataSpan, spanAt, type DocumentContext } from './context.js';
import type { Span } from '../../schemas/common.js';

export interface TitleInfo {
  /** null when the copy prints none (a partial web copy that starts at the 主送机关) */
  title: string | null;
  span: Span | null;
  docType: string | null;
}

const DOC_TYPE_AT_END = new RegExp(`(${DOC_TYPES.join('|')})(（[^）]{1,20}）)?$`);

/**
 * What a web copy wraps a title in: a bullet and a field label before it (`•标题|…`, `标题：…`), or
 * the column it was posted under (`政务服务丨…`, `权威发布｜…`: 丨 is no character of an official title),
 * the site's name after it (`…的通知_中国政府网`, `…的通知 - 某某市人民政府门户网站`).
 */
const WEB_LABEL = /^[•·●▪■◆◇○★☆\s]*(?:(?:标\s*题|题\s*目|名\s*称|文件名称)\s*[|｜:：]\s*|[\u4e00-\u9fa5]{2,8}\s*[丨｜|]\s*)?/;
const SITE_SUFFIX = /\s*[_|｜]\s*[^_|｜]{2,20}(网|网站|门户)$|\s+[-—]\s+[^-—]{2,20}(网|网站|门户)$/;

/** The title without the web page's wrapping; `start` is where the title itself begins. */
export function cleanTitle(raw: string): { start: number; value: string } {
  const start = WEB_LABEL.exec(raw)?.[0].length ?? 0;
  // a title printed as a book title on its own line, 《…的通知》, is the title inside the marks
  // a scraped table's right border after the title (…的通知 |) is no part of it
  const value = raw.slice(start).replace(/(?:\s[|｜])+\s*$/, '').replace(SITE_SUFFIX, '').replace(/\s+/g, '').replace(/^《(.+)》$/, '$1');
  if (!value) return { start: 0, value: raw.replace(/\s+/g, '') };
  const headline = repeatedHeadline(value);
  if (!headline) return { start, value };
  // the title's span skips the dropped headline
  const at = nthNonSpace(raw.slice(start), headline);
  return { start: start + (at < 0 ? raw.length - start : at), value: value.slice(headline) };
}

/**
 * A news page runs its own headline into the title: `通告!台儿庄…交通管制关于台儿庄…交通管制的通告`. The
 * words before 关于 then end with the title's 事由 (what comes after 关于, up to 的 and the document
 * type) instead of naming the issuing bodies: they are dropped. Returns their length, or 0.
 */
function repeatedHeadline(title: string): number {
  const m = /^(.+?)关于(.{4,})$/.exec(title.replace(DOC_TYPE_AT_END, '').replace(/的$/, ''));
  return m && m[1].endsWith(m[2]) ? m[1].length : 0;
}


/** The 标题: the title lines joined (whitespace removed, web labels dropped), else the front matter's 标题. */
export function extractTitle(ctx: DocumentContext): TitleInfo {
  if (ctx.zones.title.length) {
    const t = joinTexts(ctx.zones.title.map((l) => lineText(ctx.text, l)));
    const { start, value: title } = cleanTitle(t.value);
    if (title) return { title, span: spanAt(ctx, t, start), docType: isOrder(ctx) ? '令' : docTypeOf(title) };
  }
  const order = orderTitle(ctx);
  if (order) return order;
  const fm = ctx.frontMatter;
  const key = ['标题', '名称'].find((k) => fm?.fields[k]);
  if (fm && key && ctx.documentIndex === 0) {
    const title = cleanTitle(fm.fields[key]).value;
    return { title, span: metadataSpan(ctx, key), docType: docTypeOf(title) };
  }
  return { title: null, span: null, docType: null };
}

/**
 * An order (河北省人民政府令 / 第15号) prints no title of its own (GB/T 9704-2012 10.2): it is known by
 * the regulation it promulgates — the title printed above that regulation's text right after the
 * order's date, else the 《…》 its first sentence names (《…》已经…通过，现予公布).
 */
function orderTitle(ctx: DocumentContext): TitleInfo | null {
  if (!isOrder(ctx)) return null;
  const heading = ctx.zones.annexes[0]?.heading;
  if (heading && endsTitle(heading.flat)) {
    const t = lineText(ctx.text, heading);
    const { start, value } = cleanTitle(t.value);
    return { title: value, span: spanAt(ctx, t, start), docType: '令' };
  }
  const first = ctx.zones.body.find((l) => l.kind !== 'blank');
  const named = first && /^《([^》]{2,80})》/.exec(first.flat);
  if (!first || !named) return null;
  const t = lineText(ctx.text, first);
  return { title: named[1], span: spanAt(ctx, t, t.value.indexOf('《') + 1), docType: '令' };
}

/** An order's header: its mark (河北省人民政府令), or its number run together with the mark (上海市人民政府令第25号). */
const isOrder = (ctx: DocumentContext): boolean =>
  ctx.zones.header.some((l) => (l.kind === 'issuerMark' && isOrderMark(l.flat)) || (l.kind === 'fileNumber' && l.flat.includes('令') && isOrderNumber(l.flat)));

/** `关于印发《…办法》的通知` is a 通知: the last document-type word outside 《》 wins. */
export function docTypeOf(title: string): string | null {
  const m = DOC_TYPE_AT_END.exec(title.replace(/《[^》]*》/g, '《》'));
  return m ? m[1] : null;
}
