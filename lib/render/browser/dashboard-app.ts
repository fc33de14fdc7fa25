/**
 * The dashboard's script, bundled for the browser (npm run bundle): filters and sorts the
 * documents table, and draws the charts with the inlined Observable Plot. Reads its data from
 * the page's JSON block; loads nothing.
 */
import type * as PlotModule from '@observablehq/plot';
import type { DashboardData, DashboardDocument } from '../dashboard/dashboard-data.ts';

declare const Plot: typeof PlotModule | undefined;

const STATUS_WORDS: Record<string, string> = { valid: '通过', invalid: '不通过', unreadable: '无法读取' };
const STATUS_COLORS = { domain: ['通过', '不通过', '无法读取'], range: ['#2e7d32', '#c62828', '#9e9e9e'] };

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const data = JSON.parse(byId('gouji-data')?.textContent ?? '{}') as DashboardData;

function filterDocuments(): void {
  const text = (byId<HTMLInputElement>('filter-text')?.value ?? '').trim();
  const year = byId<HTMLSelectElement>('filter-year')?.value ?? '';
  const status = byId<HTMLSelectElement>('filter-status')?.value ?? '';
  const rule = byId<HTMLSelectElement>('filter-rule')?.value ?? '';
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('#documents tbody tr')];
  let shown = 0;
  for (const row of rows) {
    const d = row.dataset;
    const match =
      (text === '' || (d['agency'] ?? '').includes(text)) &&
      (year === '' || d['year'] === year) &&
      (status === '' || d['status'] === status) &&
      (rule === '' || (d['rules'] ?? '').split(' ').includes(rule));
    row.hidden = !match;
    if (match) shown++;
  }
  const counter = byId('shown');
  if (counter) counter.textContent = `显示 ${shown} / ${rows.length} 份`;
}

function sortDocuments(header: HTMLTableCellElement): void {
  const table = header.closest('table');
  const body = table?.tBodies[0];
  if (!table || !body) return;
  const index = header.cellIndex;
  const ascending = header.dataset['order'] !== 'asc';
  for (const th of table.querySelectorAll<HTMLTableCellElement>('th')) delete th.dataset['order'];
  header.dataset['order'] = ascending ? 'asc' : 'desc';
  const key = (row: HTMLTableRowElement) => {
    const cell = row.cells[index];
    return cell?.dataset['sort'] ?? cell?.textContent?.trim() ?? '';
  };
  const rows = [...body.rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const numeric = x !== '' && y !== '' && !Number.isNaN(Number(x)) && !Number.isNaN(Number(y));
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN');
    return ascending ? order : -order;
  });
  body.append(...rows);
}

function chart(container: HTMLElement | null, title: string, figure: Element): void {
  if (!container) return;
  const box = document.createElement('figure');
  const h = document.createElement('h3');
  h.textContent = title;
  box.append(h, figure);
  container.append(box);
}

function drawOverview(plot: typeof PlotModule): void {
  const statusCounts = ['valid', 'invalid', 'unreadable'].map((s) => ({
    status: STATUS_WORDS[s],
    reports: data.documents.filter((d) => d.status === s).length,
  }));
  byId('chart-status')?.append(
    plot.plot({
      height: 160,
      marginLeft: 70,
      x: { label: '份数', grid: true },
      y: { label: null },
      color: STATUS_COLORS,
      marks: [
        plot.barX(statusCounts, { x: 'reports', y: 'status', fill: 'status' }),
        plot.text(statusCounts, { x: 'reports', y: 'status', text: 'reports', dx: 10 }),
      ],
    }),
  );
  const rules = data.rules.slice(0, 15);
  byId('chart-rules')?.append(
    plot.plot({
      height: Math.max(120, rules.length * 22 + 40),
      marginLeft: 250,
      x: { label: '份数', grid: true },
      y: { label: null, domain: rules.map((r) => r.rule) },
      marks: [plot.barX(rules, { x: 'reports', y: 'rule', fill: '#c62828' }), plot.ruleX([0])],
    }),
  );
}

function drawTrends(plot: typeof PlotModule): void {
  const container = byId('trends');
  const key = byId<HTMLSelectElement>('trend-agency')?.value ?? '';
  if (!container) return;
  container.replaceChildren();
  if (key === '') return;
  const series = data.documents
    .filter((d) => d.agencyKey === key && d.year !== null && d.status !== 'unreadable')
    .sort((a, b) => a.year! - b.year!);
  for (const figure of data.figures) {
    const points = series
      .filter((d) => d.figures[figure.id] !== null)
      .map((d) => ({ year: d.year!, value: d.figures[figure.id]!, broken: d.breaks.length > 0 }));
    chart(
      container,
      `${figure.label}（${figure.unit}）`,
      plot.plot({
        height: 180,
        x: { label: '年度', tickFormat: 'd', ticks: points.map((p) => p.year) },
        y: { label: figure.unit, grid: true, zero: true },
        marks: [
          plot.lineY(points, { x: 'year', y: 'value', stroke: '#283593' }),
          plot.dot(points, {
            x: 'year',
            y: 'value',
            fill: (p: { broken: boolean }) => (p.broken ? '#c62828' : '#283593'),
            r: 4,
            title: (p: { year: number; value: number; broken: boolean }) =>
              `${p.year}：${p.value}${p.broken ? '（与上一年度不衔接）' : ''}`,
          }),
        ],
      }),
    );
  }
}

function drawPeers(plot: typeof PlotModule): void {
  const container = byId('peers');
  const year = Number(byId<HTMLSelectElement>('peer-year')?.value ?? '');
  const agency = byId<HTMLSelectElement>('trend-agency')?.value ?? '';
  if (!container) return;
  container.replaceChildren();
  if (!year) return;
  for (const row of document.querySelectorAll<HTMLTableRowElement>('#percentiles tbody tr'))
    row.hidden = row.dataset['year'] !== String(year);
  const peers: DashboardDocument[] = data.documents.filter((d) => d.year === year && d.status !== 'unreadable');
  for (const figure of data.figures) {
    const p = data.percentiles.find((q) => q.year === year && q.figure === figure.id);
    if (!p) continue;
    const points = peers
      .filter((d) => d.figures[figure.id] !== null)
      .map((d) => ({ value: d.figures[figure.id]!, name: d.agency ?? d.file, mine: d.agencyKey === agency }));
    chart(
      container,
      `${figure.label}（${figure.unit}）P25 ${p.p25} · P50 ${p.p50} · P75 ${p.p75} · ${p.n} 份`,
      plot.plot({
        height: 90,
        x: { label: figure.unit, grid: true },
        marks: [
          plot.rectX([p], { x1: 'p25', x2: 'p75', fill: '#e0e0e0' }),
          plot.ruleX([p.p50], { stroke: '#212121', strokeWidth: 2 }),
          plot.dot(points, {
            x: 'value',
            fill: (d: { mine: boolean }) => (d.mine ? '#c62828' : '#5c6bc0'),
            r: (d: { mine: boolean }) => (d.mine ? 6 : 3),
            title: (d: { name: string; value: number }) => `${d.name}：${d.value}`,
          }),
        ],
      }),
    );
  }
}

function start(): void {
  for (const id of ['filter-text', 'filter-year', 'filter-status', 'filter-rule']) byId(id)?.addEventListener('input', filterDocuments);
  for (const th of document.querySelectorAll<HTMLTableCellElement>('table.sortable th[data-key]'))
    th.addEventListener('click', () => sortDocuments(th));
  if (typeof Plot === 'undefined') return;
  const plot = Plot;
  drawOverview(plot);
  const agencySelect = byId<HTMLSelectElement>('trend-agency');
  const yearSelect = byId<HTMLSelectElement>('peer-year');
  agencySelect?.addEventListener('input', () => {
    drawTrends(plot);
    drawPeers(plot);
  });
  yearSelect?.addEventListener('input', () => drawPeers(plot));
  // open on the agency with the most years and the latest year, so the page shows something at once
  const years = new Map<string, number>();
  for (const d of data.documents) if (d.agencyKey) years.set(d.agencyKey, (years.get(d.agencyKey) ?? 0) + 1);
  const busiest = [...years].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (agencySelect && busiest) agencySelect.value = busiest;
  // the latest year of that agency (else of the archive)
  const ownYears = data.documents.filter((d) => d.agencyKey === busiest && d.year !== null).map((d) => d.year!);
  const allYears = data.documents.map((d) => d.year).filter((y): y is number => y !== null);
  const latest = (ownYears.length > 0 ? ownYears : allYears).sort().at(-1);
  if (yearSelect && latest !== undefined) yearSelect.value = String(latest);
  drawTrends(plot);
  drawPeers(plot);
}

start();
