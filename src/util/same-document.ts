/** Where a document is: its file and its position in the file (a record's `source`, a located finding). */
export interface DocumentRef {
  path: string;
  documentIndex: number;
}

/** Whether two references name the same document: the one place that decides (report, compare, diff). */
export const sameDocument = (a: DocumentRef, b: DocumentRef): boolean => a.path === b.path && a.documentIndex === b.documentIndex;
