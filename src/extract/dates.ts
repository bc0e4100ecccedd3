import { DATE, DATE_LINE, parseDate } from '../lexicon/patterns.js';
import type { ClassifiedLine } from '../segment/documents.js';
import type { DocumentContext } from './context.js';

export interface Dates {
  signedDate: string | null;
  printedDate: string | null;
}

/** DATE read from lastIndex 0 to the end (compiled once; firstDate resets it). */
const DATES = new RegExp(DATE.source, 'g');

const firstDate = (s: string): string | null => {
  const re = DATES;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const d = parseDate(m);
    if (d) return d;
  }
  return null;
};

/**
 * 成文日期: the date line after the body (closing zone, or right after the signature); a date
 * broken over two lines (`2015` / `年5月21日`) is joined. 印发日期: the 版记 line ending in 印发.
 */
export function extractDates(ctx: DocumentContext): Dates {
  let dates = datesOfContext.get(ctx);
  if (!dates) datesOfContext.set(ctx, (dates = readDates(ctx)));
  return dates;
}

/** The dates plugin and the targets (the notice's year) both ask: read once per document context. */
const datesOfContext = new WeakMap<DocumentContext, Dates>();

function readDates(ctx: DocumentContext): Dates {
  const printedLine = [...ctx.zones.colophon, ...ctx.zones.closing].find((l) => l.kind === 'printed');
  const printedDate = printedLine ? firstDate(printedLine.flat) : null;
  let signedDate: string | null = null;
  const closing = ctx.zones.closing.filter((l) => l.kind !== 'blank');
  const dateLine = closing.find((l) => l.kind === 'date');
  if (dateLine) signedDate = firstDate(dateLine.flat);
  if (!signedDate) signedDate = splitDate([...closing, ...tail(ctx.zones.body, 4)]);
  // 批复/函 copies that print the date in the header, below the 发文字号
  const headerDate = ctx.zones.header.find((l) => l.kind === 'date');
  if (!signedDate && headerDate) signedDate = firstDate(headerDate.flat);
  // law databases print the 成文日期 in brackets right under the title: （一九八五年十一月二十五日）
  const underTitle = ctx.zones.body.find((l) => l.kind !== 'blank');
  if (!signedDate && underTitle?.kind === 'date' && underTitle.flat.startsWith('（')) signedDate = firstDate(underTitle.flat);
  // a policy page's metadata block states the 成文日期 outright (or as 发文日期); a 发布日期 is when
  // the page went up — days or years after the signing — and says nothing of the notice's own date
  const fields = ctx.documentIndex === 0 ? ctx.frontMatter?.fields : undefined;
  const declared = fields?.['成文日期'];
  if (!signedDate && declared) signedDate = firstDate(declared);
  return { signedDate, printedDate };
}

function tail(lines: ClassifiedLine[], n: number): ClassifiedLine[] {
  return lines.filter((l) => l.kind !== 'blank').slice(-n);
}

function splitDate(lines: ClassifiedLine[]): string | null {
  for (let i = 0; i + 1 < lines.length; i++) {
    const joined = lines[i].flat + lines[i + 1].flat;
    if (/^(\d{4}|[〇○零一二三四五六七八九]{4})$/.test(lines[i].flat) && DATE_LINE.test(joined)) return firstDate(joined);
  }
  return null;
}
