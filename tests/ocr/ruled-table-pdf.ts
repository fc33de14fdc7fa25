// Test helper: a one-page PDF holding a ruled table of short figures in a standard font, drawn
// like the tables of the annual reports (tall cells, thin rulings, one centred figure per cell).

import { writePdf } from '../support/tiny-pdf.ts';

export interface RuledTable {
  /** the text of each cell, row by row; '' leaves a cell blank */
  rows: string[][];
  /** cell size in points (default 54 × 40, the shape of a report's value cells) */
  cellWidth?: number;
  cellHeight?: number;
  /** font size in points (default 10.5, 五号) */
  fontSize?: number;
  /** a standard Type 1 font (default Times-Roman, whose "1" is a bare stroke) */
  font?: string;
}

/** Where each cell of the table lies on the page, in PDF points from the top left. */
export interface RuledTableLayout {
  pdf: Uint8Array;
  pageWidth: number;
  pageHeight: number;
  /** [x0, y0, x1, y1] of each cell, row by row */
  cells: [number, number, number, number][][];
}

/** Builds the PDF (A4, table at the top left margin) with a correct xref table. */
export function ruledTablePdf(table: RuledTable): RuledTableLayout {
  const pageWidth = 595.28;
  const pageHeight = 841.89;
  const cellWidth = table.cellWidth ?? 54;
  const cellHeight = table.cellHeight ?? 40;
  const fontSize = table.fontSize ?? 10.5;
  const left = 60;
  const top = 80;
  const columns = Math.max(...table.rows.map((r) => r.length));
  const ops: string[] = ['0.8 w'];
  for (let r = 0; r <= table.rows.length; r++) {
    const y = pageHeight - top - r * cellHeight;
    ops.push(`${left} ${y} m ${left + columns * cellWidth} ${y} l S`);
  }
  for (let c = 0; c <= columns; c++) {
    const x = left + c * cellWidth;
    ops.push(`${x} ${pageHeight - top} m ${x} ${pageHeight - top - table.rows.length * cellHeight} l S`);
  }
  const cells = table.rows.map((_, r) =>
    Array.from({ length: columns }, (_, c): [number, number, number, number] => [
      left + c * cellWidth,
      top + r * cellHeight,
      left + (c + 1) * cellWidth,
      top + (r + 1) * cellHeight,
    ]),
  );
  table.rows.forEach((row, r) => {
    row.forEach((text, c) => {
      if (text === '') return;
      // centred by an estimate of the advance (half an em per digit is right for Times and Helvetica)
      const x = left + c * cellWidth + (cellWidth - text.length * fontSize * 0.5) / 2;
      const y = pageHeight - top - r * cellHeight - cellHeight / 2 - fontSize * 0.35;
      ops.push(`BT /F1 ${fontSize} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td (${text.replace(/[()\\]/g, '')}) Tj ET`);
    });
  });
  const content = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /${table.font ?? 'Times-Roman'} >>`,
  ];
  return { pdf: writePdf(objects), pageWidth, pageHeight, cells };
}
