import type { FormatVersion } from '../model/form.ts';
import type { Finding, Result, Severity, Status } from '../model/result.ts';
import { REPORT_APP } from './browser/bundles.generated.ts';
import { describeCell } from './cell-labels.ts';
import { cellMarker, LOW_CONFIDENCE, SEVERITY_WORD } from './cell-marks.ts';
import { escapeHtml } from './escape-html.ts';
import { checksSection } from './report-checks.ts';
import { formatOf } from './report-format.ts';
import { REPORT_CSS } from './report-style.ts';
import { applicationsTable, proactiveTable, reviewTable } from './report-tables.ts';
import { explainRule } from './rule-explanations.ts';
import { scriptPage } from './script-page.ts';

export const STATUS_WORDS: Record<Status, string> = { valid: '通过', invalid: '不通过', unreadable: '无法读取' };
const STATUS_HINTS: Record<Status, string> = {
  valid: '未发现错误：表中各项勾稽关系成立。',
  invalid: '发现错误：至少一项勾稽关系不成立或数据不合规，详见下方问题清单。',
  unreadable: '无法读取此文件中的统计表，未能核对。',
};
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
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

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

function countsLine(findings: readonly Finding[]): string {
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  return `错误 ${count('error')} 项 · 警告 ${count('warning')} 项 · 提示 ${count('info')} 项`;
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

function findingsSection(findings: readonly Finding[], format: FormatVersion): string {
  if (findings.length === 0) return '<h2>问题清单</h2><p>没有发现问题。</p>';
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  const rows = sorted.map((f) => {
    const explanation = explainRule(f.rule);
    const cells = f.cells.map((c) => `<li>${escapeHtml(describeCell(c, format))}</li>`).join('');
    const suspects = (f.suspectCells ?? []).map((c) => `<li>${escapeHtml(describeCell(c, format))}</li>`).join('');
    return (
      `<tr><td class="sev ${f.severity}">${SEVERITY_WORD[f.severity]}</td>` +
      `<td><code>${escapeHtml(f.rule)}</code></td>` +
      `<td>${escapeHtml(f.message)}${explanation ? `<div class="explain">规则说明：${escapeHtml(explanation)}</div>` : ''}</td>` +
      `<td>${cells ? `<ul class="cells">${cells}</ul>` : '—'}${suspects ? `<div class="explain">可能误读：</div><ul class="cells">${suspects}</ul>` : ''}</td></tr>`
    );
  });
  return `<h2>问题清单（${findings.length} 项）</h2><table class="findings"><thead><tr><th>级别</th><th>规则</th><th>说明</th><th>涉及单元格</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
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
  const findings = findingsSection(result.findings, format);
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
    result.status === 'unreadable' ? [] : [{ id: 'gouji-result', value: result }],
  );
}
