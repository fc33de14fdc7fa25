import type { FormatVersion } from '../model/form.ts';
import type { Result, Status } from '../model/result.ts';
import { REPORT_APP } from './browser/bundles.generated.ts';
import { cellMarker, LOW_CONFIDENCE } from './cell-marks.ts';
import { escapeHtml } from './escape-html.ts';
import { checksSection } from './report-checks.ts';
import { countsLine, findingsSection, STATUS_HINTS } from './report-findings.ts';
import { formatOf } from './report-format.ts';
import { REPORT_CSS } from './report-style.ts';
import { applicationsTable, proactiveTable, reviewTable } from './report-tables.ts';
import { scriptPage } from './script-page.ts';

export const STATUS_WORDS: Record<Status, string> = { valid: '通过', invalid: '不通过', unreadable: '无法读取' };
const FORMAT_NAMES: Record<FormatVersion, string> = {
  '2021': '2021 版（国办公开办函〔2021〕30号）',
  '2019': '2019 版试行（国办公开办函〔2019〕60号）',
};
const METHODS: Record<Result['extraction']['method'], string> = {
  text: '文本层 / 标记（未经 OCR）',
  ocr: 'OCR 识别',
  mixed: '部分页面 OCR 识别',
  none: '未提取',
};
const READERS: Record<Result['extraction']['reader'], string> = {
  text: '纯文本',
  html: '网页（HTML）',
  docx: 'Word（.docx）',
  doc: 'Word 97–2003（.doc/.wps）',
  pdf: 'PDF',
  image: '图片',
  none: '无',
};

function row(term: string, value: string | undefined): string {
  return value === undefined ? '' : `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`;
}

function text(value: string | number | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : escapeHtml(String(value));
}

function headline(result: Result): string {
  const { agency, year, title } = result.report;
  if (title) return title;
  if (agency || year) return `${agency ?? '（机关未识别）'}${year ? ` ${year} 年` : ''}政府信息公开工作年度报告`;
  return result.source.uri.split('/').pop() || result.source.uri;
}

function metaSection(result: Result): string {
  const { source, report, extraction } = result;
  const confidence = extraction.meanConfidence === undefined ? undefined : extraction.meanConfidence.toFixed(2);
  return `<h2>文件与报告</h2><dl class="meta">${[
    row('机关', text(report.agency) ?? '未识别'),
    row('年度', text(report.year) ?? '未识别'),
    row('表格格式', report.formatVersion ? FORMAT_NAMES[report.formatVersion] : '未识别'),
    row('标题', text(report.title)),
    row('来源', `<code>${escapeHtml(source.uri)}</code>`),
    row('大小', `${source.bytes.toLocaleString('en-US')} 字节 · ${escapeHtml(source.mediaType)}`),
    row('SHA-256', `<code>${escapeHtml(source.sha256)}</code>`),
    row(
      '版本',
      text([source.etag && `ETag ${source.etag}`, source.versionId && `版本 ${source.versionId}`].filter(Boolean).join(' · ') || undefined),
    ),
    row('读取方式', `${escapeHtml(READERS[extraction.reader])} · ${escapeHtml(METHODS[extraction.method])}`),
    row('OCR 引擎', text(extraction.ocrEngine)),
    row('页数', text(extraction.pages)),
    row('OCR 页', text(extraction.ocrPages?.join('、'))),
    row('平均置信度', confidence),
    row('编码', text(extraction.encoding)),
    row('耗时', extraction.durationMs === undefined ? undefined : `${Math.round(extraction.durationMs)} 毫秒`),
  ].join('')}</dl>`;
}

function legend(): string {
  const item = (cls: string, words: string, sample: string): string => `<span><i class="${cls}">${sample}</i>${words}</span>`;
  return `<div class="legend">${[
    item('sev-error', '违反规则（错误）', '5'),
    item('sev-warning', '警告', '0'),
    item('suspect', '可能误读（OCR）', '8'),
    item('lowconf', `OCR 置信度低于 ${LOW_CONFIDENCE}`, '3'),
    item('arith', '由勾稽关系得出（原文数字连写或缺失）', '7'),
    item('unread', '无法读取', '？'),
  ].join('')}<span>鼠标停在单元格上可查看说明。</span></div>`;
}

/**
 * The result as a self-contained Chinese HTML page for a reviewer: status, source, every table
 * redrawn with the form's labels and the cells that break a rule or were read poorly marked,
 * then each finding explained. Every string from the document is escaped; no scripts.
 */
export function renderReportHtml(result: Result): string {
  const format = formatOf(result);
  const markOf = cellMarker(result);
  const title = headline(result);
  const { tables } = result;
  const anyTable = tables.proactive !== null || tables.applications !== null || tables.reviewLitigation !== null;
  const tablesHtml = `<h2>表二 主动公开政府信息情况</h2>
${anyTable ? legend() : ''}
${proactiveTable(tables, format, markOf)}
<h2>表三 收到和处理政府信息公开申请情况</h2>
${applicationsTable(tables, format, markOf, result.mergedRows)}
<h2>表四 政府信息公开行政复议、行政诉讼情况</h2>
${reviewTable(tables, markOf)}`;
  const findings = `<section id="findings">${findingsSection(result.findings, format)}</section>`;
  // when nothing could be read, the reasons matter more than three empty tables
  const body =
    result.status === 'unreadable' ? `${findings}\n${tablesHtml}` : `${tablesHtml}\n${checksSection(result.checks)}\n${findings}`;
  const review =
    result.status === 'unreadable'
      ? ''
      : `<div class="review"><button id="review-toggle" type="button">校对</button> <span class="review-tools" hidden>点击单元格输入原件上的数字，所有规则随即重新核对。 审核人 <input id="reviewer" size="8"> 理由 <input id="reason" size="12" value="对照原件"> <button id="export" type="button">导出更正</button> <span id="review-status"></span></span></div>`;
  return scriptPage(
    `${STATUS_WORDS[result.status]} · ${title}`,
    REPORT_CSS,
    `<header class="status status-${result.status}"><span class="badge">${STATUS_WORDS[result.status]}</span><div><h1>${escapeHtml(title)}</h1><p class="counts">${STATUS_HINTS[result.status]} ${countsLine(result.findings)}</p></div></header>
${review}
${metaSection(result)}
${body}
<footer>由 gouji 生成 · 结果格式版本 ${result.schemaVersion} · 结果版本 ${result.version}${result.corrections.length > 0 ? ` · 含 ${result.corrections.length} 处人工更正` : ''}</footer>`,
    result.status === 'unreadable' ? [] : [REPORT_APP],
    result.status === 'unreadable' ? [] : [{ id: 'gouji-result', value: withoutEvidence(result) }],
  );
}

/** The result the page's script re-checks: the crops are already in the tables, not twice in the page. */
function withoutEvidence(result: Result): Result {
  const { evidence: _evidence, ...rest } = result;
  return rest;
}
