import type { ClauseAlignment, DiffRecord } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { unitsOf } from '../diff/align.js';
import type { Pairing } from './national.js';
import { FIGURE_STATUS_LABEL } from '../diff/format/labels.js';

/** One notice in a family tree: how it was paired with its parent and how much of it it adopts. */
export interface FamilyNode {
  record: NoticeRecord;
  pairing: Pairing | null;
  /** share of the parent's units this notice adapts (unchanged or modified), 0–1; null for the root */
  adoption: number | null;
  /** figures that differ from the parent's: allocation rows and restated targets, as `metric: base → target` */
  changedFigures: string[];
  children: FamilyNode[];
}

/** How a member treats one unit of the family's root, through every level between them. */
export interface AdoptionCell {
  status: 'unchanged' | 'modified' | 'removed';
  /** the lowest similarity along the chain from the root to the member */
  similarity: number;
  /** the member's units that carry it (printed paths) */
  paths: string[];
}

/** A parent and every notice adapting it, recursively; the matrix rows are the root's units (items where clauses hold items). */
export interface Family {
  root: FamilyNode;
  /** every node below the root, depth first (the matrix columns) */
  members: FamilyNode[];
  rows: { path: string; heading: string | null; cells: (AdoptionCell | null)[] }[];
}

const kept = (c: ClauseAlignment) => c.status === 'unchanged' || c.status === 'modified';

/** Share of the base's units that the target adapts. */
export function adoptionShare(diff: DiffRecord): number {
  const base = new Set(diff.clauses.filter((c) => c.baseClause ?? c.base).map((c) => c.baseClause ?? c.base));
  const adopted = new Set(diff.clauses.filter(kept).map((c) => c.baseClause ?? c.base));
  return base.size ? Math.round((adopted.size / base.size) * 1000) / 1000 : 0;
}

interface FigureLike {
  metric: string;
  unit?: string;
  base: unknown;
  target: unknown;
  status: string;
  region?: string;
  targetUnit?: string | null;
}

const show = (v: unknown) => (v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : v === null || v === undefined ? '—' : String(v));

/** `1000 → 230座`, and `2000公里 → —` for a figure the target does not restate (the unit goes with a figure printed). */
const restated = (f: FigureLike) => {
  if (f.target === null || f.target === undefined) return `${show(f.base)}${f.unit ?? ''} → —`;
  // a share restated as a quantity (converted): each side in its own unit
  if (f.targetUnit && f.targetUnit !== f.unit) return `${show(f.base)}${f.unit ?? ''} → ${show(f.target)}${f.targetUnit}`;
  return `${show(f.base)} → ${show(f.target)}${f.unit ?? ''}`;
};

/** Figures the target changed (for the report's family tree): allocation rows that differ and, where the diff has them, restated targets that are not the same. */
export function changedFigures(diff: DiffRecord): string[] {
  const rows = diff.numbers.filter((n) => n.status === 'differs').map((n) => `${n.region} ${n.metric}: ${show(n.base)} → ${show(n.target)}`);
  const figures = ((diff as { figures?: FigureLike[] }).figures ?? []).filter((f) => f.status !== 'same');
  // shown in the report's family tree: the status in the report's words (src/diff/format/labels.ts)
  const label = (status: string) => (FIGURE_STATUS_LABEL as Record<string, string>)[status] ?? status;
  return [...rows, ...figures.map((f) => `${f.metric}: ${restated(f)}（${label(f.status)}）`)];
}

/**
 * The families of a corpus: each record without a parent among the inputs that is a parent itself
 * is a root; its children are the records paired with it (pairWithParents), and so on down. A
 * record is placed once (a citation loop cannot make a tree cycle).
 */
export function familiesOf(records: readonly NoticeRecord[], pairs: Map<NoticeRecord, Pairing>): Family[] {
  const childrenOf = new Map<NoticeRecord, NoticeRecord[]>();
  for (const r of records) {
    const p = pairs.get(r);
    if (p) childrenOf.set(p.parent, [...(childrenOf.get(p.parent) ?? []), r]);
  }
  const placed = new Set<NoticeRecord>();
  const node = (record: NoticeRecord): FamilyNode => {
    placed.add(record);
    const pairing = pairs.get(record) ?? null;
    return {
      record,
      pairing,
      adoption: pairing ? adoptionShare(pairing.diff) : null,
      changedFigures: pairing ? changedFigures(pairing.diff) : [],
      children: (childrenOf.get(record) ?? []).filter((c) => !placed.has(c)).map(node),
    };
  };
  const roots = records.filter((r) => childrenOf.has(r) && !(pairs.get(r) && records.includes(pairs.get(r)!.parent)));
  return roots.map((r) => {
    const root = node(r);
    const members = flatten(root).slice(1);
    return { root, members, rows: adoptionRows(root, members) };
  });
}

const flatten = (n: FamilyNode): FamilyNode[] => [n, ...n.children.flatMap(flatten)];

/**
 * The clause adoption matrix of a family at the level where the text lives: for every root unit,
 * which units of each member carry it. A grandchild carries a root unit when it adapts a unit of
 * its parent that carries it; the status is unchanged only when every step is.
 */
function adoptionRows(root: FamilyNode, members: FamilyNode[]): Family['rows'] {
  const carried = new Map<FamilyNode, Map<string, AdoptionCell>>();
  // identity for the root: each unit carries itself
  const rootUnits = unitsOf(root.record);
  carried.set(root, new Map(rootUnits.map((u) => [u.path, { status: 'unchanged' as const, similarity: 1, paths: [u.path] }])));
  const visit = (parent: FamilyNode) => {
    for (const child of parent.children) {
      const above = carried.get(parent)!;
      const mine = new Map<string, AdoptionCell>();
      for (const [rootPath, cell] of above) {
        const rows = child.pairing!.diff.clauses.filter((c) => kept(c) && cell.paths.includes(c.baseClause ?? ''));
        if (!rows.length) {
          mine.set(rootPath, { status: 'removed', similarity: 0, paths: [] });
          continue;
        }
        const unchanged = cell.status === 'unchanged' && rows.some((c) => c.status === 'unchanged');
        const best = Math.max(...rows.map((c) => c.similarity));
        mine.set(rootPath, { status: unchanged ? 'unchanged' : 'modified', similarity: Math.min(cell.similarity, best), paths: [...new Set(rows.map((c) => c.targetClause!))] });
      }
      carried.set(child, mine);
      visit(child);
    }
  };
  visit(root);
  return rootUnits.map((u) => ({ path: u.path, heading: u.heading, cells: members.map((m) => carried.get(m)?.get(u.path) ?? null) }));
}
