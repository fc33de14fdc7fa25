/**
 * Draws laid-out pages into a born-digital PDF with pdfkit: text in Noto Sans Hans (from the
 * @embedpdf/fonts-sc npm package, subset-embedded as a CID font with a ToUnicode map, as Word and
 * WPS do) and rulings as stroked lines. No Debian package is needed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { DrawOp, Measure } from './page-layout.ts';

const FONT_FILE = fileURLToPath(new URL('../fonts/NotoSansHans-Regular.otf', import.meta.resolve('@embedpdf/fonts-sc')));
let fontBytes: Buffer | undefined;
const font = () => {
  fontBytes ??= readFileSync(FONT_FILE);
  return fontBytes;
};

/** A4 in points, as pdfkit names it. */
export const A4 = { width: 595.28, height: 841.89 } as const;

let measurer: PDFKit.PDFDocument | undefined;
/** Text widths from the same font the PDF embeds. */
export const measure: Measure = (text, size) => {
  measurer ??= new PDFDocument({ autoFirstPage: false }).registerFont('cjk', font()).font('cjk');
  return measurer.fontSize(size).widthOfString(text);
};

export async function drawPdf(pages: readonly DrawOp[][], title?: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: title ? { Title: title } : {} });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font());
  for (const ops of pages) {
    doc.addPage();
    doc.font('cjk');
    for (const op of ops) {
      if (op.kind === 'text') doc.fontSize(op.size).text(op.text, op.x, op.y, { lineBreak: false });
      else doc.moveTo(op.x0, op.y0).lineTo(op.x1, op.y1).lineWidth(op.width).stroke();
    }
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
