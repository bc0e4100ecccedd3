/**
 * A JSON array written one element at a time, byte for byte what `JSON.stringify(items, null, 2)`
 * prints, so a batch can stream its output instead of holding it.
 */
export interface JsonArrayWriter {
  write(item: unknown): Promise<void>;
  /** an element already made by `jsonArrayElement` (a worker serialises its records itself: see src/batch/worker.ts) */
  writeElement(element: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * One element as it sits inside the array: indented one level. JSON.stringify escapes newlines
 * inside strings, so every raw newline is a line of the layout.
 */
export const jsonArrayElement = (item: unknown): string => '  ' + JSON.stringify(item, null, 2).replace(/\n/g, '\n  ');

export function jsonArrayWriter(stream: NodeJS.WritableStream): JsonArrayWriter {
  let count = 0;
  const put = (s: string) => (stream.write(s) ? Promise.resolve() : new Promise<void>((resolve) => stream.once('drain', () => resolve())));
  const writeElement = (element: string) => put((count++ === 0 ? '[\n' : ',\n') + element);
  return {
    write: (item) => writeElement(jsonArrayElement(item)),
    writeElement,
    close() {
      return put(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}
