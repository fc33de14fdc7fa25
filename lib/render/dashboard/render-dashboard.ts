import type { Status } from '../../model/result.ts';
import { escapeHtml, hrefOf } from '../escape-html.ts';
import { STATUS_WORDS } from '../render-report-html.ts';
import { scriptPage } from '../script-page.ts';
import type { DashboardData, DashboardDocument } from './dashboard-data.ts';
import { DASHBOARD_CSS } from './dashboard-style.ts';

export interface DashboardScripts {
  /** the chart library (Observable Plot with d3, UMD), inlined; null: the page shows its tables only */
  chartLibrary: string | null;
  /** the dashboard's own script (filters, sorting, charts) */
  app: string;
}

const e = (value: string | number | null | undefined): string => escapeHtml(value === null || value === undefined ? '—' : String(value));

function documentRow(d: DashboardDocument): string {
  const rules = d.rules.map((r) => `<code>${escapeHtml(r)}</code>`).join(' ');
  return `<tr data-agency="${escapeHtml(`${d.agency ?? ''} ${d.agencyKey ?? ''} ${d.file}`)}" data-year="${d.year ?? ''}" data-status="${d.status}" data-rules="${escapeHtml(d.rules.join(' '))}">
<td><a href="${escapeHtml(hrefOf(d.html))}">${e(d.file)}</a></td><td>${e(d.agency)}</td><td class="n">${e(d.year)}</td><td>${e(d.format)}</td>
<td data-sort="${d.status}"><span class="status ${d.status}">${STATUS_WORDS[d.status]}</span>${d.breaks.length > 0 ? ' <span class="break" title="与上一年度报告不衔接">断档</span>' : ''}</td>
<td class="n">${d.errors}</td><td class="n">${d.warnings}</td><td>${rules}</td><td><a href="${escapeHtml(hrefOf(d.json))}">JSON</a></td></tr>`;
}

function options(values: readonly (string | number)[], all: string): string {
  return [
    `<option value="">${all}</option>`,
    ...values.map((v) => `<option value="${escapeHtml(String(v))}">${escapeHtml(String(v))}</option>`),
  ].join('');
}

/**
 * index.html of an archive: counts and failure reasons, every document in a filterable, sortable
 * table, per-agency trends, peer percentiles per year and year-over-year anomalies linking both
 * reports' cells. Self-contained: data, chart library and script inline, nothing loaded.
 */
export function renderDashboardHtml(data: DashboardData, scripts: DashboardScripts): string {
  const docs = data.documents;
  const statuses: Status[] = ['valid', 'invalid', 'unreadable'];
  const counts = statuses.map((s) => `<div class="count ${s}">${STATUS_WORDS[s]}<b>${docs.filter((d) => d.status === s).length}</b></div>`);
  const years = [...new Set(docs.map((d) => d.year).filter((y) => y !== null))].sort() as number[];
  const agencies = [...new Set(docs.filter((d) => d.agencyKey !== null).map((d) => d.agencyKey!))].sort();
  const label = (id: string) => data.figures.find((f) => f.id === id)?.label ?? id;
  const unit = (id: string) => data.figures.find((f) => f.id === id)?.unit ?? '';
  const percentileRows = data.percentiles.map(
    (p) =>
      `<tr data-year="${p.year}"><td class="n">${p.year}</td><td>${escapeHtml(label(p.figure))}</td><td class="n">${p.n}</td><td class="n">${p.p25}</td><td class="n">${p.p50}</td><td class="n">${p.p75}</td><td>${unit(p.figure)}</td></tr>`,
  );
  const anomalyRows = data.anomalies.map(
    (a) => `<tr><td>${e(a.agency)}</td><td>${escapeHtml(label(a.figure))}</td><td class="n">${a.fromYear} → ${a.toYear}</td>
<td class="n"><a class="from" href="${escapeHtml(hrefOf(a.fromHref.split('#')[0]!))}#${escapeHtml(a.fromHref.split('#')[1]!)}">${a.from}</a> → <a class="to" href="${escapeHtml(hrefOf(a.toHref.split('#')[0]!))}#${escapeHtml(a.toHref.split('#')[1]!)}">${a.to}</a></td><td class="n">×${a.factor}</td></tr>`,
  );
  const charts = scripts.chartLibrary === null ? '<p class="note">图表库未找到：仅显示表格。</p>' : '';
  const body = `<h1>政府信息公开工作年度报告核对结果</h1>
<div class="counts"><div class="count all">共<b>${docs.length}</b></div>${counts.join('')}</div>
${charts}
<section class="charts"><div><h2>核对结果</h2><div id="chart-status" class="chart"></div></div><div><h2>不通过和警告的原因（份数）</h2><div id="chart-rules" class="chart"></div></div></section>
<h2>文件列表</h2>
<div class="filters"><input id="filter-text" type="search" placeholder="机关或文件名" aria-label="机关或文件名">
<select id="filter-year" aria-label="年度">${options(years, '全部年度')}</select>
<select id="filter-status" aria-label="结果">${[`<option value="">全部结果</option>`, ...statuses.map((s) => `<option value="${s}">${STATUS_WORDS[s]}</option>`)].join('')}</select>
<select id="filter-rule" aria-label="规则">${options(
    data.rules.map((r) => r.rule),
    '全部规则',
  )}</select> <span id="shown">显示 ${docs.length} / ${docs.length} 份</span></div>
<table id="documents" class="sortable"><thead><tr><th data-key="file">文件</th><th data-key="agency">机关</th><th data-key="year">年度</th><th>格式</th><th data-key="status">结果</th><th data-key="errors">错误</th><th data-key="warnings">警告</th><th>违反的规则</th><th>数据</th></tr></thead>
<tbody>
${docs.map(documentRow).join('\n')}
</tbody></table>
<h2>机关历年趋势</h2>
<div class="filters"><select id="trend-agency" aria-label="机关">${options(agencies, '选择机关')}</select> <span class="note">红点：与上一年度报告不衔接（上年结转或现行有效件数）</span></div>
<div id="trends" class="chart-grid"></div>
<h2>同年度对比（P25 / P50 / P75）</h2>
<div class="filters"><select id="peer-year" aria-label="年度">${options(years, '选择年度')}</select> <span class="note">灰带：P25–P75；竖线：中位数；所选机关以红色标出</span></div>
<div id="peers" class="chart-grid"></div>
<table id="percentiles"><thead><tr><th>年度</th><th>指标</th><th>报告数</th><th>P25</th><th>P50</th><th>P75</th><th>单位</th></tr></thead><tbody>${percentileRows.join('\n')}</tbody></table>
<h2>同比异常（变化超过 ${data.anomalyRule.factor} 倍且较大值不少于 ${data.anomalyRule.minBase}）</h2>
${anomalyRows.length === 0 ? '<p id="anomalies-none">没有发现同比异常。</p>' : `<table id="anomalies"><thead><tr><th>机关</th><th>指标</th><th>年度</th><th>数值（链接到两份报告的单元格）</th><th>倍数</th></tr></thead><tbody>${anomalyRows.join('\n')}</tbody></table>`}`;
  return scriptPage(
    `政府信息公开工作年度报告核对结果（${docs.length} 份）`,
    DASHBOARD_CSS,
    body,
    [...(scripts.chartLibrary === null ? [] : [scripts.chartLibrary]), scripts.app],
    [{ id: 'gouji-data', value: data }],
  );
}
