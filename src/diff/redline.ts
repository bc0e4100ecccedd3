import DiffMatchPatch from 'diff-match-patch';

/** One piece of an inline diff: text both share, text the target inserts, text it deletes. */
export interface Op {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 2;

/** Shared runs at least this long are passages the two texts really have in common. */
export const ANCHOR_RUN = 10;

/**
 * A character diff (diff-match-patch) cleaned up to read as phrases.
 *
 * `diff_cleanupSemantic` folds the short accidental equalities a character diff finds inside
 * rewritten passages (a 的, 和, 要 or 吸纳 shared by two different sentences) into the surrounding
 * edit, so that the redline shows replaced phrases, not confetti. On its own it also swallows whole
 * shared sentences when a province rewrote a lot around them (an equality shorter than the edits on
 * both sides is folded, and provincial insertions run to hundreds of characters). So the diff is cut
 * at shared runs of ANCHOR_RUN or more characters, semantic cleanup runs between those anchors, and
 * a final lossless pass slides edit boundaries to punctuation (Chinese has no spaces to slide to).
 */
export function redline(base: string, target: string): Op[] {
  if (base === target) return base ? [{ op: 'equal', text: base }] : [];
  const diffs = dmp.diff_main(base, target);
  const out: DiffMatchPatch.Diff[] = [];
  let chunk: DiffMatchPatch.Diff[] = [];
  const flush = () => {
    if (!chunk.length) return;
    dmp.diff_cleanupSemantic(chunk);
    out.push(...chunk);
    chunk = [];
  };
  for (const d of diffs) {
    if (d[0] === 0 && d[1].length >= ANCHOR_RUN) {
      flush();
      out.push(d);
    } else chunk.push(d);
  }
  flush();
  dmp.diff_cleanupMerge(out);
  dmp.diff_cleanupSemanticLossless(out);
  const ops: Op[] = [];
  for (const [kind, text] of out) {
    if (!text) continue;
    const op = kind === 0 ? 'equal' : kind > 0 ? 'insert' : 'delete';
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  }
  return ops;
}

/** The base side of a redline (equal + delete) and the target side (equal + insert). */
export const baseSide = (ops: Op[]): string => ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
export const targetSide = (ops: Op[]): string => ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');
export const inserted = (ops: Op[]): string => ops.filter((o) => o.op === 'insert').map((o) => o.text).join('\n');
