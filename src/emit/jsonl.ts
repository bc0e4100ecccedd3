import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';

/** A JSON Lines sink: one record per line, written as it comes, so memory stays flat. */
export interface JsonlSink {
  write(record: unknown): Promise<void>;
  /** a line already made by `jsonlLine` (a worker serialises its records itself: see src/batch/worker.ts) */
  writeLine(line: string): Promise<void>;
  close(): Promise<void>;
}

/** One record as its JSON Lines line, newline included: the one place the line is made. */
export const jsonlLine = (record: unknown): string => JSON.stringify(record) + '\n';

export async function jsonlFile(path: string): Promise<JsonlSink> {
  await mkdir(dirname(path), { recursive: true });
  return streamSink(createWriteStream(path));
}

export function jsonlStdout(): JsonlSink {
  return streamSink(process.stdout, false);
}

function streamSink(stream: NodeJS.WritableStream | WriteStream, closeAtEnd = true): JsonlSink {
  const writeLine = async (line: string) => {
    if (!stream.write(line)) await once(stream, 'drain');
  };
  return {
    write: (record) => writeLine(jsonlLine(record)),
    writeLine,
    async close() {
      if (!closeAtEnd) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}
