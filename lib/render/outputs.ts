/** The outputs of one result and of a batch: pure functions, strings in, strings out. */
export { InvalidResultError, renderResultJson } from './render-json.ts';
export { renderReportHtml, STATUS_WORDS } from './render-report-html.ts';
export { renderIndexHtml, renderSummaryCsv } from './render-summary.ts';
export { SummaryRowSchema, summaryRowFromResult, type SummaryRow } from './summary-row.ts';
export { describeCell } from './cell-labels.ts';
