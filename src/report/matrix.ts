import type { ClauseAlignment } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { unitsOf } from '../diff/index.js';
import type { Unit } from '../diff/align.js';
import { forwardsInFull } from './labels.js';
import type { ReportEntry } from './model.js';

/** How one province treated one national clause. */
export interface MatrixCell {
  /** forwarded: the province forwards the national notice whole, so the clause is adopted as printed */
  status: 'unchanged' | 'modified' | 'removed' | 'forwarded';
  /** the best similarity among the province's clauses that adapt it (0 when removed) */
  similarity: number;
  /** the province's clause numbers that adapt it (several when it was split) */
  targets: string[];
  /** index of the best pair in the province's diff: the cell links there */
  pair: number;
}

export interface MatrixRow {
  /** clause number as printed: 三 */
  number: string;
  /** the unit's index in the national notice (its anchor in the report: `<national id>-clause-<index>`) */
  index: number;
  /** `二、（三）深化东西部劳务协作` */
  label: string;
  cells: (MatrixCell | null)[];
}

export interface AddedClause {
  number: string;
  words: string;
  pair: number;
}

/** Rows: the national notice's clauses; columns: the provinces diffed against it. */
export interface ClauseMatrix {
  national: ReportEntry;
  columns: ReportEntry[];
  rows: MatrixRow[];
  /** per column: the province's clauses with no national counterpart */
  added: AddedClause[][];
  /** per column: whether that notice forwards the national notice whole (转发…请一并贯彻落实) */
  forwards: boolean[];
}

const FIRST_WORDS = 14;
const firstWords = (heading: string | null, display: string) => heading ?? (display.length > FIRST_WORDS ? display.slice(0, FIRST_WORDS) + '…' : display);

/** `一、（一）` for a clause under a section, `一、` for a section compared as a whole. */
function numbering(national: NoticeRecord, number: string): string {
  for (const s of national.sections) {
    if (s.clauses.some((c) => c.number === number)) return `${s.number ? s.number + '、' : ''}（${number}）`;
  }
  return `${number}、`;
}

/** A diff row about a base unit: by its printed path (items share their clause's number), else by number. */
const about = (c: ClauseAlignment, u: Unit) => (c.baseClause ? c.baseClause === u.path : c.base === u.number);

/**
 * How a province treated one national clause. A notice that forwards the national one whole adopts
 * every clause (`forwarded`), not "removed" because its short cover text does not repeat them; the
 * sections of its own that restate a clause are listed as its additions on top.
 */
function cellFor(clauses: ClauseAlignment[], u: Unit, forwards: boolean): MatrixCell | null {
  const mine = clauses.map((c, pair) => ({ c, pair })).filter(({ c }) => about(c, u));
  const kept = mine.filter(({ c }) => c.status !== 'removed');
  // adopted whole; where its own sections restate the clause, they are listed (its additions on top)
  if (forwards) return { status: 'forwarded', similarity: 1, targets: kept.map(({ c }) => c.target!).filter(Boolean), pair: (kept[0] ?? mine[0])?.pair ?? -1 };
  if (!mine.length) return null;
  if (!kept.length) return { status: 'removed', similarity: 0, targets: [], pair: mine[0].pair };
  const best = kept.reduce((a, b) => (b.c.similarity > a.c.similarity ? b : a));
  return {
    status: best.c.status === 'unchanged' ? 'unchanged' : 'modified',
    similarity: best.c.similarity,
    // a clause by its number as before (rendered （三）), an item or lead by its printed path
    targets: kept.map(({ c }) => (c.unit === 'item' || c.unit === 'lead' ? c.targetClause : c.target)!).filter(Boolean),
    pair: best.pair,
  };
}

function addedClauses(e: ReportEntry): AddedClause[] {
  const units = unitsOf(e.record);
  return e.pairing!.diff.clauses
    .map((c, pair) => ({ c, pair }))
    .filter(({ c }) => c.status === 'added' && c.target)
    .map(({ c, pair }) => {
      const unit = units.find((u) => (c.targetClause ? u.path === c.targetClause : u.number === c.target));
      return { number: c.targetClause ?? c.target!, words: unit ? firstWords(unit.heading, unit.display) : '', pair };
    });
}

export function clauseMatrix(nationalEntry: ReportEntry, columns: ReportEntry[]): ClauseMatrix {
  const national = nationalEntry.record;
  const forwards = columns.map((e) => forwardsInFull(e.record, national));
  const rows = unitsOf(national).map((u) => ({
    number: u.number,
    index: u.index,
    label: `${u.kind === 'clause' || u.kind === 'section' ? numbering(national, u.number) : u.path + ' '}${firstWords(u.heading, u.display)}`,
    cells: columns.map((e, i) => cellFor(e.pairing!.diff.clauses, u, forwards[i])),
  }));
  return { national: nationalEntry, columns, rows, added: columns.map(addedClauses), forwards };
}
