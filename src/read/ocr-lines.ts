/**
 * From recognised text boxes to lines, as @gutenye/ocr-common does it (its `calculateBox` and
 * `afAfRec`, which it does not export): boxes read with less than 0.5 confidence are dropped, the
 * rest join the first line whose midline lies within half the mean box height of theirs — taken
 * in the reverse of the box finder's contour order, which decides ties — then each line's boxes
 * go left to right, joined by a space, and the lines top to bottom. Kept the same so the text
 * reads as before; only how the boxes were recognised changed.
 */

/** Four corners, top-left, top-right, bottom-right, bottom-left (the box finder's order). */
export type Quad = number[][];

export interface BoxText {
  text: string;
  mean: number;
  box: Quad;
}

export interface GroupedLine {
  text: string;
  mean: number;
  box: Quad;
}

const MIN_CONFIDENCE = 0.5;

/** `boxes` in the box finder's order. */
export function groupIntoLines(boxes: readonly BoxText[]): GroupedLine[] {
  const kept = [...boxes].reverse().filter((b) => b.mean >= MIN_CONFIDENCE);
  if (kept.length === 0) return [];
  const halfHeight = kept.reduce((sum, b) => sum + height(b.box), 0) / kept.length / 2;
  const groups: BoxText[][] = [];
  for (const b of kept) {
    const group = groups.find((g) => Math.abs(midline(g[0].box) - midline(b.box)) < halfHeight);
    if (group) group.push(b);
    else groups.push([b]);
  }
  for (const g of groups) g.sort((a, b) => a.box[0][0] - b.box[0][0]);
  groups.sort((a, b) => a[0].box[0][1] - b[0].box[0][1]);
  return groups.map(joinGroup);
}

function joinGroup(group: BoxText[]): GroupedLine {
  const first = group[0].box;
  const last = group[group.length - 1].box;
  return {
    text: group.map((b) => b.text).join(' '),
    mean: group.reduce((sum, b) => sum + b.mean, 0) / group.length,
    box: [first[0], last[1], last[2], first[3]],
  };
}

const height = (q: Quad) => q[2][1] - q[0][1];
const midline = (q: Quad) => (q[0][1] + q[2][1]) / 2;
