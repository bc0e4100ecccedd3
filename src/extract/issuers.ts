import type { Span } from '../../schemas/common.js';
import { nthNonSpace } from '../util/trim.js';
import type { FileNumber } from '../../schemas/notice.js';
import { HEAD_OF_STATE, isCentralAgency, splitAgencies } from '../lexicon/agencies.js';
import { GLUED_CLOSING, isAgencyLine, isOrderMark, SEAL, SEAL_MARKS } from '../segment/classify.js';
import type { ClassifiedLine } from '../segment/documents.js';
import { lineText } from '../segment/lines.js';
import { metadataSpan, spanAt, type DocumentContext } from './context.js';

export interface Issuer {
  name: string;
  span: Span | null;
}

const NOT_ISSUER = /^(\d{6}|.*(绝密|机密|秘密)(★.*)?|特急|加急|特提|平急|签发人.*)$/;

/**
 * 发文机关: the 发文机关标志 lines above the title (`广东省财政厅 文件` is 广东省财政厅), else the
 * signature block, else the agencies the title starts with, else the front matter's 发布单位.
 */
export function extractIssuers(ctx: DocumentContext, title: string | null, fileNumber: FileNumber | null = null): Issuer[] {
  // a copy that prints its 版头 twice (a site's heading, then the notice) names its bodies once
  const header = ctx.zones.header.filter((l, i, all) => !(l.kind === 'issuerMark' && all.slice(0, i).some((p) => p.kind === 'issuerMark' && p.flat === l.flat)));
  const order = orderIssuers(ctx, fileNumber);
  if (order.length) return order;
  const fromHeader = fromLines(ctx, header.filter((l) => l.kind !== 'fileNumber' && l.kind !== 'blank' && !NOT_ISSUER.test(l.flat)), true).map((h) => ({ ...h, name: asTitleNames(h.name, title) }));
  const fromSignature = signedAboveList(ctx, fromLines(ctx, ctx.zones.signature.filter((l) => !SEAL.test(l.flat)), false), title);
  // A joint notice may print only the lead body in its 版头 (GB/T 9704 7.2.2) and sign with all
  if (fromSignature.length > fromHeader.length && fromHeader.every((h) => fromSignature.some((s) => s.name === h.name))) return fromSignature;
  const page = pageIssuers(ctx);
  const named = titleNames(title).map((name) => withPlaceFromPage(name, page?.names ?? []));
  if (fromHeader.length && !(fromSignature.length === 0 && isPageHeading(fromHeader, named))) return fromHeader;
  if (named.length) return named.map((name) => ({ name, span: ctx.zones.title.length ? spanAt(ctx, lineText(ctx.text, ctx.zones.title[0])) : null }));
  // an order's number printed with its mark (上海市人民政府令第25号): the mark names the issuer
  if (fileNumber && isOrderMark(fileNumber.prefix)) return [{ name: fileNumber.prefix.replace(/(命令|令)$/, ''), span: fileNumber.span }];
  if (page) return page.names.map((name) => ({ name, span: metadataSpan(ctx, page.key) }));
  return [];
}

/**
 * One body above a notice that neither signs it nor is named by its title, whose title names another
 * body (遂宁市水利局 over 遂宁市人民政府防汛抗旱指挥部办公室关于…的函): the heading of the site that
 * carries the page, not a 版头 — a 版头 is the issuer's own name (GB/T 9704-2012 7.2.2), which the
 * title, naming its issuer, repeats.
 */
function isPageHeading(header: Issuer[], named: string[]): boolean {
  if (header.length !== 1 || !named.length) return false;
  const h = header[0].name;
  return !named.some((n) => n === h || n.endsWith(h) || h.endsWith(n));
}

/** The bodies the page's metadata names (发文机关, 发文单位, 发布单位, 发布机构), with the key it gives them under. */
function pageIssuers(ctx: DocumentContext): { names: string[]; key: string } | null {
  const fm = ctx.frontMatter;
  const key = ['发文机关', '发文单位', '发布单位', '发布机构'].find((k) => fm?.fields[k]);
  if (!fm || !key || ctx.documentIndex !== 0) return null;
  const names = fm.fields[key].split(/[\s、，,；;]+/).flatMap((n) => splitAgencies(n)).filter((n) => isAgencyLine(n));
  return names.length ? { names, key } : null;
}

/**
 * A body names itself without its place in its own title (县人民政府关于…, 市政府办公室关于…): the page's
 * metadata field that names it in full (嘉鱼县人民政府) gives the place — only a full name ending with
 * the very words the title uses.
 */
function withPlaceFromPage(name: string, page: string[]): string {
  if (!PLACELESS.test(name)) return name;
  return page.find((full) => full.length > name.length && full.endsWith(name)) ?? name;
}
const PLACELESS = /^(省|市|县|区|镇|乡|街道)/;

/**
 * An order (命令/令) is issued by the body or office its mark names (GB/T 9704-2012 10.2 命令（令）格式: 发文机关
 * 全称加"令"): 河北省人民政府令 is 河北省人民政府's, 中华人民共和国国务院令 the 国务院's. The 主席令 is
 * the head of state's (宪法 第八十条), named 中华人民共和国主席 — not the standing committee whose
 * decision it promulgates, nor the body a law database files the law under.
 */
function orderIssuers(ctx: DocumentContext, fileNumber: FileNumber | null): Issuer[] {
  const markLine = ctx.zones.header.find((l) => l.kind === 'issuerMark' && isOrderMark(l.flat));
  const mark = markLine?.flat ?? (fileNumber && isOrderMark(fileNumber.prefix) ? fileNumber.prefix : null);
  if (!mark) return [];
  const span = markLine ? spanAt(ctx, lineText(ctx.text, markLine)) : (fileNumber?.span ?? null);
  const body = mark.replace(/(命令|令)$/, '');
  if (/^(中华人民共和国)?主席$/.test(body)) return [{ name: HEAD_OF_STATE, span }];
  const names = splitAgencies(body).filter((n) => isAgencyLine(n));
  return names.map((name) => ({ name, span }));
}

/**
 * The bodies a title starts with (`上海市民政局关于…`), when its words before 关于/转发/印发 are only names.
 * A three-character name counts only as a central body's (国务院, 教育部): a local one that short is a
 * short form (市政府) that names no place.
 */
function titleNames(title: string | null): string[] {
  const prefix = /^(.{3,}?)(关于|转发|印发)/.exec(title ?? '')?.[1];
  if (!prefix || (prefix.length === 3 && !isCentralAgency(prefix))) return [];
  const names = splitAgencies(prefix).filter((n) => isAgencyLine(n));
  return names.length && names.join('') === prefix.replace(/[、，,\s]/g, '') ? names : [];
}

/**
 * A law database prints the issuing body with its province in front (山西省朔州市人民政府) where the
 * notice's own title names it as it calls itself (朔州市人民政府关于…): the title's form is the name.
 * Only a province (省, 自治区) before the very name the title starts with.
 */
function asTitleNames(name: string, title: string | null): string {
  const own = titleNames(title).find((t) => name.length > t.length && name.endsWith(t));
  return own && PROVINCE_WORD.test(name.slice(0, name.length - own.length)) ? own : name;
}
const PROVINCE_WORD = /^[\u4e00-\u9fa5]{2,8}(省|自治区)$/;

/**
 * Bodies printed below the 成文日期 sign only in copies that print the date first (GB/T 9704 puts
 * the 署名 above it): when they name none of the bodies the title names, they head what follows the
 * date (a list: 上海市社区建设模范居委会 / 1、…), and the notice is signed by date alone.
 */
function signedAboveList(ctx: DocumentContext, found: Issuer[], title: string | null): Issuer[] {
  const date = ctx.zones.closing.find((l) => l.kind === 'date');
  if (!found.length || !date || !ctx.zones.signature.every((l) => l.start > date.start)) return found;
  const named = titleNames(title);
  return named.length && !found.some((f) => named.some((n) => n.endsWith(f.name))) ? [] : found;
}

/**
 * Each header line is one agency (or several, separated or run together). A signature block puts
 * one body on each line, or wraps a run of names over lines: per line when every line reads as
 * agency names, else joined first.
 */
function fromLines(ctx: DocumentContext, lines: ClassifiedLine[], perLine: boolean): Issuer[] {
  if (!lines.length) return [];
  // a line's names are read once: the test below and its own group (one line) ask for the same
  const read = new Map<string, string[]>();
  const names = (text: string): string[] => {
    let found = read.get(text);
    if (!found) read.set(text, (found = namesOf(text)));
    return found;
  };
  const eachLineNames = lines.every((l) => names(l.text.trim()).every((n) => isAgencyLine(n)));
  const groups = perLine || eachLineNames ? lines.map((l) => [l]) : [lines];
  const out: Issuer[] = [];
  for (const group of groups) {
    const groupNames = names(group.map((l) => l.text.trim()).join(''));
    if (!groupNames.length) continue;
    if (!groupNames.every((n) => isAgencyLine(n))) {
      if (perLine) continue; // a header line that is not an agency (web-page noise) is skipped
      return [];
    }
    const flat = group.map((l) => l.flat).join('');
    let cursor = 0;
    for (const name of groupNames) {
      const at = flat.indexOf(name, cursor);
      if (at >= 0) cursor = at + name.length;
      out.push({ name, span: at >= 0 ? spanInGroup(ctx, group, at) : null });
    }
  }
  return out;
}

// an order's mark (河北省人民政府令) names its issuer as a 文件 mark does
const namesOf = (text: string) => splitAgencies(markless(text.trim().replace(GLUED_CLOSING, '').replace(SEAL_MARKS, ' ').trim()));
const markless = (text: string) => (isOrderMark(text.replace(/\s+/g, '')) ? text.replace(/(命令|令)$/, '') : text.replace(/文件\s*$/, ''));

/** The span of the n-th non-space character of a group of lines. */
function spanInGroup(ctx: DocumentContext, group: ClassifiedLine[], n: number): Span | null {
  let consumed = 0;
  for (const l of group) {
    if (n < consumed + l.flat.length) {
      const t = lineText(ctx.text, l);
      return spanAt(ctx, t, Math.max(0, nthNonSpace(t.value, n - consumed)));
    }
    consumed += l.flat.length;
  }
  return null;
}


/**
 * A signature may print a body by its short local form (`市交通委员会`) where the title prints it
 * whole (`上海市交通委员会`): the title's name stands for it. Only a name that starts with a region
 * word (省 市 区 县) and whose rest the title's name ends with.
 */
export function expandFromTitle(name: string, title: string | null): string {
  const word = /^(省|市|区|县|自治区|自治州|州|旗)/.test(name);
  const prefix = /^(.{4,}?)(关于|转发|印发)/.exec(title ?? '')?.[1];
  if (!word || !prefix) return name;
  return splitAgencies(prefix).find((t) => t.length > name.length && t.endsWith(name) && isAgencyLine(t)) ?? name;
}
