import type { Element, Nodes, Root, Text as HastText } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { VFile } from 'vfile';
import { decode } from './detect.js';
import { declaredCharset } from './html-sniff.js';

// what a text file's first bytes say (read for every text file) lives apart from the parser, which
// loads only for a page that is HTML
export { declaredCharset, looksLikeHtml } from './html-sniff.js';

/**
 * HTML → the notice's text, the way a reader sees the page (a simplified `innerText`), with the
 * offset in the decoded HTML of every character, so spans can point into the .html file.
 *
 * Block elements end lines, `<br>` breaks one, table cells of a row are joined with a TAB (the
 * table extractor reads tab-separated rows; `colspan`/`rowspan` keep the columns aligned), and
 * script/style/head content and hidden elements are dropped. Whitespace collapses as in a browser;
 * `&nbsp;` and full-width spaces are kept (normalisation handles them later).
 */
export interface HtmlText {
  text: string;
  /** offsets[i] = offset in the HTML string of text[i]; offsets[text.length] = html.length */
  offsets: Int32Array;
}

export interface HtmlOptions {
  /** `preserve` keeps spaces and tabs inside text as they are (HTML generated from DOCX). */
  whitespace?: 'collapse' | 'preserve';
  /** An empty `<p>` is a blank line, so line N is the Nth paragraph (HTML generated from DOCX). */
  emptyParagraphs?: boolean;
}

export type HtmlRead = { ok: true; text: string; fileText: string; fileOffsets: Int32Array } | { ok: false; reason: string };

/** Decodes, parses and walks an HTML file. */
export function readHtml(bytes: Uint8Array): HtmlRead {
  const decoded = decodeHtml(bytes);
  if (!decoded) return { ok: false, reason: `HTML page is not valid UTF-8 or GB18030${declaredCharset(bytes) ? ` (declares ${declaredCharset(bytes)})` : ''}` };
  const walked = htmlToText(decoded);
  if (!walked.ok) return walked;
  if (walked.text.trim() === '') return { ok: false, reason: 'HTML page has no text' };
  return { ok: true, text: walked.text, fileText: decoded, fileOffsets: walked.offsets };
}

/**
 * UTF-8 wins when the bytes are valid UTF-8 (a page re-saved as UTF-8 often keeps its old
 * `charset=gb2312`); else the charset the page declares (`<meta charset>` or http-equiv), else
 * GB18030 (a superset of GBK and GB2312), else the declared charset with replacement characters.
 */
export function decodeHtml(bytes: Uint8Array): string | null {
  const charset = declaredCharset(bytes);
  const plain = decode(bytes);
  // clean UTF-8 (or UTF-16) wins; a repaired or line-by-line reading only after the declared charset
  if (plain && plain.encoding !== 'gb18030' && plain.repairs.length === 0) return plain.text;
  if (charset && !/^utf-?8$/i.test(charset)) {
    const strict = tryDecode(charset, bytes, true);
    if (strict !== null) return strict;
  }
  if (plain) return plain.text;
  return charset ? tryDecode(charset, bytes, false) : null;
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null; // unknown label or invalid bytes
  }
}

// ---------------------------------------------------------------------------------------------

/** Elements whose content is not part of the page's text. */
const DROPPED = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'select', 'datalist']);

/** Elements that begin and end a line (CSS `display: block` and friends). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'html',
  'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'summary', 'table',
  'caption', 'ul', 'xmp', 'tr',
]);

/**
 * Widest table written out. Browsers allow colspan=1000; a page of such cells would come out as
 * millions of tabs (a 100 KB page took 30 s and 440 MB). No notice table has 200 columns: cells
 * beyond that share the last one.
 */
export const MAX_TABLE_COLUMNS = 200;

const PREFORMATTED = new Set(['pre', 'listing', 'plaintext', 'xmp', 'textarea']);

/**
 * Deepest element nesting read. Real pages nest a few dozen levels; the tree conversion
 * (hast-util-from-parse5) and the walk below recurse once per level, so a page nested thousands
 * deep would overflow the stack: it is refused with its depth instead.
 */
export const MAX_HTML_DEPTH = 500;

/** Walks the parsed page (parse5, with positions, as hast) into text + offsets. */
export function htmlToText(html: string, options: HtmlOptions = {}): ({ ok: true } & HtmlText) | { ok: false; reason: string } {
  const parsed = parseHtml(html);
  if (!parsed.ok) return parsed;
  const out = new TextBuilder(html, options.whitespace === 'preserve', options.emptyParagraphs === true);
  out.visit(parsed.tree);
  return { ok: true, ...out.finish() };
}

/** parse5 builds the tree without recursion; its depth is measured before anything recurses into it. */
function parseHtml(html: string): { ok: true; tree: Root } | { ok: false; reason: string } {
  const document = parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const depth = nestingDepth(document);
  if (depth > MAX_HTML_DEPTH) return { ok: false, reason: `HTML nested ${depth} elements deep (at most ${MAX_HTML_DEPTH} are read)` };
  return { ok: true, tree: fromParse5(document, { file: new VFile(html) }) as Root };
}

type Parse5Node = DefaultTreeAdapterTypes.Node;

/** The deepest nesting in a parse5 tree, walked with an explicit stack. */
function nestingDepth(root: Parse5Node): number {
  let deepest = 0;
  const stack: [Parse5Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if ('childNodes' in node) for (const child of node.childNodes) stack.push([child, depth + 1]);
    if ('content' in node) stack.push([node.content, depth + 1]); // <template> keeps its children aside
  }
  return deepest;
}

interface TableState {
  /**
   * `data`: rows of tab-joined cells; `layout`: a table used for page layout, its rows and cells
   * are blocks; `keyValue`: a metadata table of label/value pairs (发文字号：｜国办发〔2022〕13号),
   * one `label value` line per pair.
   */
  kind: 'data' | 'layout' | 'keyValue';
  /** index of the next cell in the current row (keyValue tables) */
  cellIndex: number;
  /** rows each column is still covered for by a rowspan from a row above */
  covered: number[];
}

interface RowState {
  table: TableState;
  /** the coverage this row started with */
  cover: number[];
  /** the coverage for the next row */
  next: number[];
  column: number;
  tabs: number;
}

class TextBuilder {
  private readonly chars: string[] = [];
  private readonly offs: number[] = [];
  /** the last character is a collapsible space (removed at a line break or a cell end) */
  private lastSoft = false;
  private pending = 0;
  private pendingAt = 0;
  private cellDepth = 0;
  private pre = 0;
  private tables: TableState[] = [];
  private rows: RowState[] = [];
  private readonly decoded = new Map<string, string>();

  constructor(
    private readonly html: string,
    private readonly preserve: boolean,
    private readonly emptyParagraphs: boolean,
  ) {}

  visit(node: Nodes): void {
    if (node.type === 'text') return this.text(node);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'root') {
      for (const child of node.children) this.visit(child);
      return;
    }
    this.element(node);
  }

  finish(): HtmlText {
    if (this.lastSoft) this.pop();
    const offsets = new Int32Array(this.chars.length + 1);
    offsets.set(this.offs);
    offsets[this.chars.length] = this.html.length;
    return { text: this.chars.join(''), offsets };
  }

  private element(el: Element): void {
    const tag = el.tagName;
    if (DROPPED.has(tag) || isHidden(el)) return;
    const start = el.position?.start.offset ?? this.lastOffset();
    const end = el.position?.end.offset ?? start;
    if (tag === 'br') return this.hardBreak(start);
    if (tag === 'hr') return this.lineBreak(1, start);
    const table = this.tables[this.tables.length - 1];
    const kind = table && this.cellDepth === 0 ? table.kind : 'data';
    if (tag === 'td' || tag === 'th') {
      if (kind === 'data') return this.cell(el, start);
      if (kind === 'keyValue') return this.pairCell(el, table!, start);
    }
    if (tag === 'table') this.tables.push({ kind: tableKind(el), cellIndex: 0, covered: [] });
    if (tag === 'tr' && kind === 'data') this.rowStart();
    if (tag === 'tr' && kind === 'keyValue') table!.cellIndex = 0;
    const layout = kind === 'layout' && (tag === 'td' || tag === 'th');
    const block = BLOCK.has(tag) || layout;
    const pre = PREFORMATTED.has(tag);
    if (block) this.lineBreak(1, start);
    if (pre) this.pre++;
    const before = this.chars.length;
    for (const child of el.children) this.visit(child);
    if (pre) this.pre--;
    if (tag === 'p' && this.emptyParagraphs && this.cellDepth === 0 && this.chars.length === before) this.separator('\n', start);
    if (tag === 'tr' && kind === 'data') this.rowEnd(end);
    if (block) this.lineBreak(1, end);
    if (tag === 'table') this.tables.pop();
  }

  private rowStart(): void {
    const table = this.tables[this.tables.length - 1] ?? { kind: 'data', cellIndex: 0, covered: [] };
    const cover = table.covered.slice();
    this.rows.push({ table, cover, next: cover.map((n) => Math.max(0, n - 1)), column: 0, tabs: 0 });
  }

  private rowEnd(end: number): void {
    const row = this.rows.pop();
    if (!row) return;
    row.table.covered = row.next;
    // a last cell spanning columns keeps its empty columns, as Word copies a table as text
    if (this.cellDepth === 0 && row.tabs > 0) {
      while (row.tabs < Math.min(row.column, MAX_TABLE_COLUMNS) - 1) {
        this.separator('\t', end);
        row.tabs++;
      }
    }
  }

  private cell(el: Element, start: number): void {
    const row = this.rows[this.rows.length - 1];
    if (row && this.cellDepth === 0) {
      while ((row.cover[row.column] ?? 0) > 0) row.column++;
      while (row.tabs < Math.min(row.column, MAX_TABLE_COLUMNS - 1)) {
        this.separator('\t', start);
        row.tabs++;
      }
      const colspan = clampSpan(el.properties.colSpan, MAX_TABLE_COLUMNS);
      const rowspan = clampSpan(el.properties.rowSpan, 65534);
      for (let c = row.column; c < Math.min(row.column + colspan, MAX_TABLE_COLUMNS); c++) row.next[c] = rowspan - 1;
      for (let c = 0; c < row.next.length; c++) row.next[c] ??= 0;
      row.column += colspan;
    } else if (this.cellDepth > 0) {
      this.space(start); // a table inside a cell: its cells are words of the outer cell
    }
    this.cellDepth++;
    for (const child of el.children) this.visit(child);
    this.cellDepth--;
    if (this.lastSoft) this.pop();
  }

  /** A cell of a label/value table: a label starts a line, its value follows on it. */
  private pairCell(el: Element, table: TableState, start: number): void {
    if (table.cellIndex++ % 2 === 0) this.lineBreak(1, start);
    this.cellDepth++;
    for (const child of el.children) this.visit(child);
    this.cellDepth--;
    if (this.lastSoft) this.pop();
  }

  private text(node: HastText): void {
    const value = node.value;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const offsets = start === undefined || end === undefined ? null : this.align(start, end, value);
    for (let j = 0; j < value.length; j++) {
      const c = value[j];
      const o = offsets ? offsets[j] : this.lastOffset();
      if (this.pre > 0 || this.preserve) {
        if (c === '\n') this.hardBreak(o);
        else if (c !== '\r') this.visible(c, o);
      } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') this.space(o);
      else this.visible(c, o);
    }
  }

  /**
   * Offsets in the HTML of each character of a text node's value. The value is the source slice
   * with character references decoded (`&amp;` → `&`, `&#x4e00;` → `一`) and CRLF turned into LF,
   * so the two are walked side by side.
   */
  private align(start: number, end: number, value: string): number[] {
    const src = this.html;
    const out: number[] = new Array(value.length);
    let i = start;
    let j = 0;
    while (j < value.length) {
      if (i >= end) {
        out[j++] = Math.max(start, end - 1);
        continue;
      }
      const c = src[i];
      if (c === '&') {
        const step = this.reference(i, end, value, j);
        if (step) {
          for (let k = 0; k < step.decoded; k++) out[j + k] = i;
          for (let k = 0; k < step.tail; k++) out[j + step.decoded + k] = i + step.consumed + k;
          j += step.decoded + step.tail;
          i += step.consumed + step.tail;
          continue;
        }
      }
      if (c === '\r' && value[j] === '\n') {
        out[j++] = i;
        i += src[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      out[j++] = i++; // the same character (or one the parser replaced, like NUL)
    }
    return out;
  }

  /**
   * A character reference at html[i]: how many source characters it takes and how many value
   * characters it decodes to (`&copyright` decodes `&copy` and leaves `right`: that is the tail).
   */
  private reference(i: number, end: number, value: string, j: number): { consumed: number; decoded: number; tail: number } | null {
    const m = /^&(?:#[xX][0-9a-fA-F]*;?|#[0-9]*;?|[A-Za-z0-9]+;?)/.exec(this.html.slice(i, Math.min(end, i + 64)));
    if (!m) return null;
    for (let e = m[0].length; e >= 2; e--) {
      const token = m[0].slice(0, e);
      const decoded = this.decodeReference(token);
      if (decoded === token || decoded.length === 0 || !value.startsWith(decoded, j)) continue;
      let tail = 0;
      while (tail < decoded.length - 1 && tail < token.length - 2 && decoded[decoded.length - 1 - tail] === token[token.length - 1 - tail]) tail++;
      return { consumed: token.length - tail, decoded: decoded.length - tail, tail };
    }
    return null;
  }

  /** What the parser itself makes of a reference (cached: pages repeat `&nbsp;`). */
  private decodeReference(token: string): string {
    let d = this.decoded.get(token);
    if (d === undefined) {
      const root = fromHtml(token, { fragment: true });
      d = root.children.map((n) => (n.type === 'text' ? n.value : '')).join('');
      this.decoded.set(token, d);
    }
    return d;
  }

  // --- output ---------------------------------------------------------------------------------

  private push(c: string, o: number, soft = false): void {
    this.chars.push(c);
    this.offs.push(o);
    this.lastSoft = soft;
  }

  private pop(): void {
    this.chars.pop();
    this.offs.pop();
    this.lastSoft = false;
  }

  private last(): string | undefined {
    return this.chars[this.chars.length - 1];
  }

  private lastOffset(): number {
    return this.offs[this.offs.length - 1] ?? 0;
  }

  private flush(): void {
    if (this.pending > 0 && this.chars.length > 0) {
      let trailing = 0;
      while (trailing < this.pending && this.chars[this.chars.length - 1 - trailing] === '\n') trailing++;
      for (let k = trailing; k < this.pending; k++) this.push('\n', this.pendingAt);
    }
    this.pending = 0;
  }

  private visible(c: string, o: number): void {
    this.flush();
    this.push(c, o);
  }

  /** Collapsible whitespace: one space between words, none at the start or end of a line or cell. */
  private space(o: number): void {
    const last = this.last();
    if (last === undefined || this.pending > 0 || this.lastSoft || last === '\n' || last === '\t') return;
    this.push(' ', o, true);
  }

  private separator(c: string, o: number): void {
    if (this.lastSoft) this.pop();
    this.flush();
    this.push(c, o);
  }

  /** A block boundary: n line breaks, merged with the ones around it; a space inside a table cell. */
  private lineBreak(n: number, o: number): void {
    if (this.cellDepth > 0) return this.space(o);
    if (this.lastSoft) this.pop();
    if (n > this.pending) {
      if (this.pending === 0) this.pendingAt = o;
      this.pending = n;
    }
  }

  /** `<br>` or a newline in `<pre>`: always a line break of its own. */
  private hardBreak(o: number): void {
    if (this.cellDepth > 0) return this.space(o);
    this.separator('\n', o);
  }
}

/** A label cell of a metadata table: `发文字号：`, `索　引　号：`. */
const LABEL = /^[\p{Script=Han}\s]{1,12}[：:]$/u;

/**
 * Pages laid out with tables (one cell holding the whole notice, menus in another) are read as
 * blocks: a table whose rows have one cell, that holds another table, or whose cells hold long
 * multi-paragraph text. A table whose rows are label/value pairs is a page's metadata block.
 * Other tables (short cells, several per row) are data: tab-joined rows.
 */
function tableKind(table: Element): TableState['kind'] {
  const rows: Element[][] = [];
  const collect = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element' || child.tagName === 'table') continue;
      if (child.tagName === 'tr') rows.push(child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')));
      else collect(child);
    }
  };
  collect(table);
  if (rows.every((cells) => cells.length <= 1) || rows.some((cells) => cells.some(isLayoutCell))) return 'layout';
  const pairs = rows.filter((cells) => cells.length > 0);
  if (pairs.length > 0 && pairs.every((cells) => cells.length % 2 === 0 && cells.every((c, i) => i % 2 === 1 || LABEL.test(textOf(c).trim())))) return 'keyValue';
  return 'data';
}

function textOf(node: Element): string {
  let s = '';
  for (const child of node.children) {
    if (child.type === 'text') s += child.value;
    else if (child.type === 'element' && !DROPPED.has(child.tagName)) s += textOf(child);
  }
  return s;
}

function isLayoutCell(cell: Element): boolean {
  let blocks = 0;
  let length = 0;
  let nested = false;
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.type === 'text') length += child.value.trim().length;
      else if (child.type === 'element') {
        if (child.tagName === 'table') nested = true;
        if (child.tagName === 'br' || (BLOCK.has(child.tagName) && child.tagName !== 'tr')) blocks++;
        if (!DROPPED.has(child.tagName)) walk(child);
      }
    }
  };
  walk(cell);
  return nested || length > 600 || (blocks >= 6 && length > 200);
}

function isHidden(el: Element): boolean {
  if (el.properties.hidden !== undefined && el.properties.hidden !== false && el.properties.hidden !== null) return true;
  const style = el.properties.style;
  return typeof style === 'string' && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)/i.test(style);
}

function clampSpan(value: unknown, max: number): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), max) : 1;
}
