/**
 * Renders a synthetic report as converters and web pages publish it, for fuzzing the text
 * readers: Markdown pipe tables (whole tables, or one table per row as converters that lose the
 * grid write them), web text whose cells ran together, one cell per line and tab-separated
 * text, a Word file saved as plain text (every cell a line, a blank or covered cell an empty line)
 * — each with random quirks (headings, bold, page numbers between rows, rows split at a
 * page break, full-width figures, figures spaced apart now and then, one row per line) — and
 * `pdftotext -layout` text (layout-text.ts).
 */
import { layoutText } from './layout-text.ts';
import { renderText, rows, type SyntheticReport } from './synthetic-report.ts';

export const TEXT_STYLES = ['markdown', 'markdownRows', 'runTogether', 'cells', 'tabs', 'stacked', 'layout'] as const;
export type TextStyle = (typeof TEXT_STYLES)[number];

export interface TextQuirks {
  /** `#`/`##` before the title and section headings (Markdown) */
  headings?: boolean;
  /** `**` around row labels (Markdown) */
  bold?: boolean;
  /** page numbers (“— 4 —”, “第 4 页”) between table rows */
  footers?: boolean;
  /** rows cut at a page break: the label as a text line above a row of figures alone (Markdown) */
  splitRows?: boolean;
  /** a converter's `| 数据1 | … |` header above each one-row table (Markdown, one table per row) */
  dataHeaders?: boolean;
  /** figures printed with full-width digits */
  fullWidthFigures?: boolean;
  /** now and then a space left between two figures of a run-together row */
  spacedFigures?: boolean;
  /** run-together text with each row on its own line instead of one long line */
  linePerRow?: boolean;
  /** a Markdown table opened by an empty header row (`| | | … |`), as pandoc writes a table without one */
  blankHeaderRow?: boolean;
}

/** Draws from a seeded source: `pick(n)` is an integer in [0, n). */
export type Pick = (n: number) => number;

const isFigure = (cell: string) => /^[\d.]*$/.test(cell);

/** Value cells of a data row: table 3 has seven, table 4 fifteen; table 2 rows end in their figures. */
const WIDTHS = { t2: 0, t3: 7, t4: 15 } as const;

/** A row as its label cells and its trailing figure cells (blank figures included). */
function splitRow(row: string[], width: number): { labels: string[]; figures: string[] } {
  const tail = row.slice(Math.max(0, row.length - width));
  if (width > 0 && tail.length === width && tail.every(isFigure)) return { labels: row.slice(0, -width), figures: tail };
  let k = row.length;
  while (k > 0 && row[k - 1] !== '' && isFigure(row[k - 1]!)) k--;
  return { labels: row.slice(0, k), figures: row.slice(k) };
}

function wide(text: string): string {
  return text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

/** The report as the given style prints it. */
export function renderTextStyle(report: SyntheticReport, style: TextStyle, q: TextQuirks, pick: Pick): string {
  if (style === 'cells' || style === 'tabs') return withFooters(renderText(report, style), style, q, pick);
  if (style === 'layout') return layoutText(report, pick);
  const { title, t2, t3, t4 } = rows(report);
  const fig = (c: string) => (q.fullWidthFigures ? wide(c) : c);
  const received = report.values['applications.newlyReceived.total'] ?? 0;
  const overview = `本年度，我单位共收到政府信息公开申请${received}件，均已按时答复。`;
  const sections: [string, string[][], number][] = [
    ['二、主动公开政府信息情况', t2, WIDTHS.t2],
    ['三、收到和处理政府信息公开申请情况', t3, WIDTHS.t3],
    ['四、政府信息公开行政复议、行政诉讼情况', t4, WIDTHS.t4],
  ];
  const tail = ['五、存在的主要问题及改进情况', '信息公开工作仍有不足。', '六、其他需要报告的事项', '无。'];

  if (style === 'stacked') {
    // Word's “save as plain text”: every cell of a row on its own line, merged cells' covered
    // parts and blank cells as empty lines, nothing between rows but a page number now and then
    const out: string[] = [...title, '', '一、总体情况', overview];
    for (const [heading, table] of sections) {
      out.push(heading);
      for (const row of table) {
        if (q.footers && pick(10) === 0) out.push(pick(2) === 0 ? `— ${pick(9) + 2} —` : `第 ${pick(9) + 2} 页`);
        out.push(...row.map((c) => (isFigure(c) && c !== '' ? fig(c) : c)));
      }
    }
    return [...out, ...tail].join('\n');
  }

  if (style === 'runTogether') {
    const parts: string[] = ['一、总体情况', overview];
    for (const [heading, table, width] of sections) {
      parts.push(heading);
      for (const row of table) {
        const { labels, figures } = splitRow(row, width);
        const printed = figures.filter((c) => c !== '').map(fig);
        let run = '';
        printed.forEach((c, i) => {
          run += (i > 0 && q.spacedFigures && pick(4) === 0 ? ' ' : '') + c;
        });
        parts.push(labels.join('') + run);
      }
    }
    parts.push(...tail);
    return [...title, q.linePerRow ? parts.join('\n') : parts.join('')].join('\n');
  }

  const h = (level: number, text: string) => (q.headings ? `${'#'.repeat(level)} ${text}` : text);
  const out: string[] = [h(1, title[0]!), '', h(2, '一、总体情况'), overview, ''];
  let page = 1;
  for (const [heading, table, valueWidth] of sections) {
    out.push(h(2, heading));
    const width = Math.max(...table.map((r) => r.length));
    const pipe = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const separator = (n: number) => `|${'---|'.repeat(n)}`;
    if (style === 'markdown' && q.blankHeaderRow) out.push(pipe(new Array<string>(width).fill('')), separator(width));
    table.forEach((row, i) => {
      const { labels, figures } = splitRow(row, valueWidth);
      const label = labels.filter((c) => c !== '').join('');
      const shownLabel = q.bold && figures.length > 0 && label !== '' ? `**${label}**` : label;
      // a row of figures alone (table 4's) has no label cell
      const cells = labels.length === 0 ? figures.map(fig) : [shownLabel, ...figures.map(fig)];
      if (q.footers && pick(8) === 0) out.push(pick(2) === 0 ? `— ${++page} —` : `第 ${++page} 页`);
      // a row cut at a page break: its label at the foot of one page, its figures atop the next
      const split = q.splitRows && figures.length > 1 && label !== '' && pick(5) === 0;
      if (split) out.push(label);
      const printed = split ? figures.map(fig) : cells;
      if (style === 'markdownRows') {
        if (q.dataHeaders) out.push(pipe(printed.map((_, k) => `数据${k + 1}`)));
        out.push(pipe(printed), separator(printed.length));
      } else {
        out.push(pipe([...printed, ...new Array<string>(Math.max(0, width - row.length)).fill('')]));
        if (i === 0 && !q.blankHeaderRow) out.push(separator(width));
      }
    });
    out.push('');
  }
  out.push(...tail);
  return out.join('\n');
}

/** Page numbers between the rows of a tab or one-cell-per-line text. */
function withFooters(text: string, style: TextStyle, q: TextQuirks, pick: Pick): string {
  if (!q.footers) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  let page = 1;
  lines.forEach((line, i) => {
    // between rows only: before a line that starts a row (cells: a blank line ends the row before)
    const rowStart = style === 'tabs' ? line.includes('\t') : line === '' && i + 1 < lines.length;
    if (rowStart && pick(10) === 0) {
      const footer = pick(2) === 0 ? `— ${++page} —` : `第 ${++page} 页`;
      out.push(...(style === 'cells' ? ['', footer] : [footer]));
    }
    out.push(line);
  });
  return out.join('\n');
}
