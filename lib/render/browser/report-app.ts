/**
 * The report page's script, bundled for the browser (npm run bundle): a reviewer clicks a cell,
 * types the figure printed on the page, and sees every rule checked again at once — by
 * `applyCorrections`, the same code the CLI and the Lambda run. Exports `<name>.corrections.json`.
 */
import type { Result } from '../../model/result.ts';
import { applyCorrections, type CellCorrection } from '../../rules/apply-corrections.ts';
import { checksHeadline } from '../report-checks.ts';
import { countsLine, findingsSection, STATUS_HINTS } from '../report-findings.ts';
import { formatOf } from '../report-format.ts';

const STATUS_WORDS: Record<Result['status'], string> = { valid: '通过', invalid: '不通过', unreadable: '无法读取' };
const OUTCOME_WORDS = { pass: '成立', fail: '不成立', skipped: '未核对' } as const;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const original = JSON.parse(byId('gouji-result')?.textContent ?? 'null') as Result | null;
/** corrections made in this page, on top of those the result already carries */
let corrections: CellCorrection[] = original ? [...original.corrections] : [];
let current: Result | null = original;

function parseFigure(text: string): number | null | undefined {
  const t = text
    .trim()
    .replace(/[，,]/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (t === '' || t === '？' || t === '?') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function render(): void {
  if (!original) return;
  current = corrections.length === 0 ? original : applyCorrections(original, corrections);
  const result = current;
  const severity = new Map<string, string>();
  const suspects = new Set<string>();
  for (const f of result.findings) {
    for (const cell of f.cells) if (f.severity !== 'info' && severity.get(cell) !== 'error') severity.set(cell, f.severity);
    for (const cell of f.suspectCells ?? []) suspects.add(cell);
  }
  for (const td of document.querySelectorAll<HTMLTableCellElement>('td.v[data-cell]')) {
    const path = td.dataset['cell']!;
    const source = result.cells[path];
    td.classList.remove('sev-error', 'sev-warning', 'suspect', 'corrected');
    const mark = severity.get(path);
    if (mark) td.classList.add(`sev-${mark}`);
    if (suspects.has(path)) td.classList.add('suspect');
    if (source?.method === 'corrected') {
      const value = valueAt(result.tables, path);
      td.classList.add('corrected');
      td.classList.toggle('unread', value === null);
      setShown(td, value === null ? '？' : String(value));
      td.title = `已更正：识别为 ${source.read?.value ?? '？'}，更正为 ${value ?? '？'}`;
    }
  }
  const header = document.querySelector('header.status');
  header?.classList.remove('status-valid', 'status-invalid', 'status-unreadable');
  header?.classList.add(`status-${result.status}`);
  const badge = document.querySelector('header.status .badge');
  if (badge) badge.textContent = STATUS_WORDS[result.status];
  for (const check of result.checks) {
    const row = document.querySelector(`table.checks tr[data-rule="${check.rule}"]`);
    const outcome = row?.querySelector('.outcome');
    if (outcome) {
      outcome.className = `outcome ${check.outcome}`;
      outcome.textContent = OUTCOME_WORDS[check.outcome];
    }
  }
  const counts = document.querySelector('header.status .counts');
  if (counts) counts.textContent = `${STATUS_HINTS[result.status]} ${countsLine(result.findings)}`;
  // the same markup as the page was written with, from the findings as corrected
  const findings = byId('findings');
  if (findings) findings.innerHTML = findingsSection(result.findings, formatOf(result));
  const headline = document.querySelector('.checks-headline');
  if (headline) headline.textContent = checksHeadline(result.checks);
  const status = byId('review-status');
  if (status) status.textContent = `已更正 ${corrections.length} 个单元格 · 重新核对：${STATUS_WORDS[result.status]}`;
}

function valueAt(tables: unknown, path: string): number | null | undefined {
  let node: unknown = tables;
  for (const key of path.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'number' || node === null ? node : undefined;
}

/** Sets a cell's figure, keeping the crop of the page image shown beside it. */
function setShown(td: HTMLTableCellElement, text: string): void {
  const evidence = td.querySelector('img.evidence');
  td.textContent = text;
  if (evidence) td.append(evidence);
}

function edit(td: HTMLTableCellElement): void {
  if (!document.body.classList.contains('reviewing') || td.querySelector('input')) return;
  const path = td.dataset['cell']!;
  const input = document.createElement('input');
  input.className = 'correction';
  input.value = td.textContent === '？' || td.textContent === '—' ? '' : (td.textContent ?? '');
  input.setAttribute('aria-label', `更正 ${path}`);
  const shown = td.textContent;
  setShown(td, '');
  td.append(input);
  input.focus();
  input.select();
  let finished = false;
  // Enter or Escape ends the edit, and removing the input then blurs it: only the first counts
  const done = (save: boolean) => {
    if (finished) return;
    finished = true;
    const value = parseFigure(input.value);
    input.remove();
    setShown(td, shown ?? '');
    if (save && value !== undefined && value !== valueAt(current?.tables, path)) {
      corrections = [
        ...corrections.filter((c) => c.cell !== path),
        {
          cell: path,
          value,
          reason: byId<HTMLInputElement>('reason')?.value ?? '',
          reviewer: byId<HTMLInputElement>('reviewer')?.value ?? '',
          time: new Date().toISOString(),
        },
      ];
    }
    render();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') done(true);
    if (event.key === 'Escape') done(false);
  });
  input.addEventListener('blur', () => done(true), { once: true });
}

function exportCorrections(): void {
  if (!original) return;
  const file = { schemaVersion: 1, document: { sha256: original.source.sha256, uri: original.source.uri }, corrections };
  const name = decodeURIComponent(location.pathname.split('/').pop() ?? 'report').replace(/\.report\.html$/, '');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
  link.download = `${name}.corrections.json`;
  document.body.append(link);
  link.click();
  link.remove();
}

byId('review-toggle')?.addEventListener('click', () => {
  const on = document.body.classList.toggle('reviewing');
  const tools = document.querySelector<HTMLElement>('.review-tools');
  if (tools) tools.hidden = !on;
});
byId('export')?.addEventListener('click', exportCorrections);
for (const td of document.querySelectorAll<HTMLTableCellElement>('td.v[data-cell]')) td.addEventListener('click', () => edit(td));
