/**
 * A JSON array written one element at a time, byte for byte what `JSON.stringify(items, null, 2)`
 * prints, so a batch can stream its output instead of holding it.
 */
export interface JsonArrayWriter {
  write(item: unknown): Promise<void>;
  close(): Promise<void>;
}

export function jsonArrayWriter(stream: NodeJS.WritableStream): JsonArrayWriter {
  let count = 0;
  const put = (s: string) => (stream.write(s) ? Promise.resolve() : new Promise<void>((resolve) => stream.once('drain', () => resolve())));
  return {
    write(item) {
      // JSON.stringify escapes newlines inside strings, so every raw newline is a line of the layout
      const body = '  ' + JSON.stringify(item, null, 2).replace(/\n/g, '\n  ');
      return put((count++ === 0 ? '[\n' : ',\n') + body);
    },
    close() {
      return put(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}
