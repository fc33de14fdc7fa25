/** The outputs of one result and of a batch: pure functions, strings in, strings out. */

export { describeCell } from './cell-labels.ts';
export { InvalidResultError, renderResultJson } from './render-json.ts';
export { renderReportHtml, STATUS_WORDS } from './render-report-html.ts';
export { renderSummaryCsv } from './render-summary.ts';
export { type SummaryRow, SummaryRowSchema, summaryRowFromResult } from './summary-row.ts';
