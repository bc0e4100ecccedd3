import { renderCharts } from './charts.js';
import { reportHtml } from './html.js';
import { reportModel, type ReportInput } from './model.js';

export type { ReportInput } from './model.js';

/**
 * `out/report.html`: overview table, charts, clause adoption matrix and one section per notice
 * (findings with excerpts, embedded diff). A pure function of its input: the same records give
 * the same bytes (no clock, no randomness, notices in a fixed order).
 */
export async function renderReport(input: ReportInput): Promise<string> {
  const model = reportModel(input);
  return reportHtml(model, await renderCharts(model.entries));
}
