/** Errors are values: a stage that cannot go on returns a Failure naming the path and the reason. */
export interface Failure {
  ok: false;
  path: string;
  reason: string;
}
export type Result<T> = ({ ok: true } & T) | Failure;

export const fail = (path: string, reason: string): Failure => ({ ok: false, path, reason });
