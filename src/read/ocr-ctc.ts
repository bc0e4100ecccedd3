/**
 * Greedy CTC decoding of the recogniser's output: at each time step the most probable class; the
 * blank (class 0) and repeats of the previous step are dropped; class k is the dictionary's entry
 * k − 1. The line's confidence is the mean probability of the characters kept. This is what
 * @gutenye/ocr-common's `decodeText` computes with a `slice`, `reduce` and `indexOf` per step
 * (6,625 classes × ~100–700 steps a line), here in one pass over the typed array.
 */
export interface DecodedLine {
  text: string;
  /** mean probability of the characters, 0 when there are none */
  mean: number;
}

const BLANK = 0;

/** `probabilities` holds `steps` rows of `classes` values (one batch item). */
export function decodeCtc(probabilities: Float32Array, steps: number, classes: number, dictionary: readonly string[]): DecodedLine {
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const best = argmax(probabilities, t * classes, classes);
    if (best !== BLANK && best !== previous) {
      text += dictionary[best - 1] ?? '';
      sum += probabilities[t * classes + best];
      kept++;
    }
    previous = best;
  }
  return { text, mean: kept ? sum / kept : 0 };
}

/** The index (from `start`) of the first largest of `length` values. */
function argmax(values: Float32Array, start: number, length: number): number {
  let best = 0;
  let max = values[start];
  for (let k = 1; k < length; k++) {
    if (values[start + k] > max) {
      max = values[start + k];
      best = k;
    }
  }
  return best;
}
