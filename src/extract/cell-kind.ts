import { chineseToInt } from '../lexicon/numerals.js';
import { flat } from './flat.js';

/**
 * What a table cell's printed text is: a figure, a placeholder dash, a 合计, a 序号 … Both table
 * readers (tables.ts for rows of tab-separated cells, table-stream.ts for one cell per line) ask
 * these questions of the same cell several times over (while finding the first data row, parsing
 * each row, cutting a stream of cells into rows, fitting rows to the columns), and before each
 * question the text was flattened again. A cell's kind flattens it once and answers each question
 * once, when first asked: `cellKind(text)` gives every reader the same kind for the same text.
 *
 * The two readers differ on purpose in two answers, kept apart here: what counts as an empty cell
 * (`placeholder` in rows: 、 and 空 too; `blank` in a stream) and whether 小计 is a total
 * (`total`: no, a 小计 sums a group; `totalLabel`, a stream's row label: yes).
 */
export class CellKind {
  /** the text without whitespace */
  readonly flat: string;
  private _numeric?: boolean;
  private _placeholder?: boolean;
  private _blank?: boolean;
  private _total?: boolean;
  private _totalLabel?: boolean;
  private _subtotal?: RegExpExecArray | null;
  private _seqLike?: boolean;
  private _seq?: number | null;
  private _seqHeader?: boolean;
  private _value?: number | null;

  constructor(readonly text: string) {
    this.flat = flat(text);
  }

  /** 1,234.5, -3, 12%: a figure */
  get numeric(): boolean {
    return (this._numeric ??= NUMERIC.test(this.flat));
  }

  /** —, /, 、, …, 无, 空: printed in place of a value (a row of cells) */
  get placeholder(): boolean {
    return (this._placeholder ??= PLACEHOLDER.test(this.flat));
  }

  /** nothing printed, or a dash, /, … or 无 (a stream of cells) */
  get blank(): boolean {
    return (this._blank ??= this.flat === '' || DASH.test(this.flat));
  }

  /** 合计, 总计, 全省合计, 全省: the table's total (not a 小计) */
  get total(): boolean {
    return (this._total ??= TOTAL.test(this.flat));
  }

  /** a total or a bare 小计 (全省小计): what labels a sum row in a stream of cells */
  get totalLabel(): boolean {
    return (this._totalLabel ??= TOTAL_LABEL.test(this.flat));
  }

  /** 小计 or 东部片区小计: the group it names ('' for a bare 小计), null when not a 小计 */
  get subtotalGroup(): string | null {
    if (this._subtotal === undefined) this._subtotal = SUBTOTAL.exec(this.flat);
    return this._subtotal ? this._subtotal[1] : null;
  }

  /** 1 to 9999 or 一 to 十…: printed like a 序号 */
  get seqLike(): boolean {
    return (this._seqLike ??= SEQ_DIGITS.test(this.flat) || CN_SEQ.test(this.flat));
  }

  /** the 序号's number; null when the text is not printed like one or reads as no number */
  get seq(): number | null {
    if (this._seq === undefined) this._seq = this.seqLike ? chineseToInt(this.flat) : null;
    return this._seq;
  }

  /** 序号, 序, 编号, No. */
  get seqHeader(): boolean {
    return (this._seqHeader ??= SEQ_HEADER.test(this.flat));
  }

  /** the figure a value cell holds (120（扩招） is 120, 12% is 12), null for anything else */
  get value(): number | null {
    if (this._value === undefined) this._value = parseValue(this.text, this.flat);
    return this._value;
  }
}

const NUMERIC = /^[-+]?\d+(?:,\d{3})*(?:\.\d+)?[%％]?$/;
const PLACEHOLDER = /^(?:[—–\-－/／\\、…·.。]+|无|空|\/)$/;
const DASH = /^(?:[—–\-－/／\\…·]+|无)$/;
const TOTAL = /^(?:全[省市区县州盟国])?(?:合计|总计|共计|总数)$|^全(?:省|市|区|县|国)$/;
const TOTAL_LABEL = /^(?:全[省市区县州盟国])?(?:合计|总计|共计|总数|小计)$|^全(?:省|市|区|县|国)$/;
const SUBTOTAL = /^(.{0,12}?)小计$/;
const SEQ_DIGITS = /^\d{1,4}$/;
const CN_SEQ = /^[一二三四五六七八九十]+$/;
const SEQ_HEADER = /^(?:序号|序|编号|No\.?)$/i;

function parseValue(printed: string, flatText: string): number | null {
  // most cells are bare digits: every rewrite below leaves those as they are
  if (allDigits(printed)) {
    const n = Number(printed);
    return Number.isFinite(n) ? n : null;
  }
  // 120（扩招）, 70（实招45）: the figure with a note in brackets after it
  const s = flatText.replace(/,/g, '').replace(/^(\d+(?:\.\d+)?)[（(][^（）()]*[）)]$/, '$1').replace(/[%％]$/, '');
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The kinds of the texts seen last: table cells repeat (—, 0, 合计, the same region names in every
 * table of a batch), and a text's kind never changes. Bounded: cleared when full.
 */
const seen = new Map<string, CellKind>();
const SEEN_LIMIT = 20_000;

/** The kind of a cell printed as `text` (the same object for the same text while it is remembered). */
export function cellKind(text: string): CellKind {
  let kind = seen.get(text);
  if (kind === undefined) {
    if (seen.size >= SEEN_LIMIT) seen.clear();
    kind = new CellKind(text);
    seen.set(text, kind);
  }
  return kind;
}
