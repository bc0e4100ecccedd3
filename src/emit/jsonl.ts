import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';

/** A JSON Lines sink: one record per line, written as it comes, so memory stays flat. */
export interface JsonlSink {
  write(record: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function jsonlFile(path: string): Promise<JsonlSink> {
  await mkdir(dirname(path), { recursive: true });
  return streamSink(createWriteStream(path));
}

export function jsonlStdout(): JsonlSink {
  return streamSink(process.stdout, false);
}

function streamSink(stream: NodeJS.WritableStream | WriteStream, closeAtEnd = true): JsonlSink {
  return {
    async write(record) {
      if (!stream.write(JSON.stringify(record) + '\n')) await once(stream, 'drain');
    },
    async close() {
      if (!closeAtEnd) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}
