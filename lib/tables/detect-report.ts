import type { LayoutLine } from '../model/layout.ts';
import { normalizeText } from './normalize.ts';
import { lineText } from './value-row.ts';

export interface ReportHeader {
  title: string | null;
  agency: string | null;
  year: number | null;
}

const TITLE = /政府信息公开.{0,6}报告/u;

/**
 * Title, agency and year from the lines above 一、总体情况. The title may be split over two lines
 * (agency / “2024 年政府信息公开工作年度报告”) or the agency printed alone above it.
 */
export function detectHeader(lines: LayoutLine[], before: number, metadataTitle?: string): ReportHeader {
  const limit = Math.min(before >= 0 ? before : 15, 15, lines.length);
  for (let i = 0; i < limit; i++) {
    const text = normalizeText(lineText(lines[i]!));
    if (!TITLE.test(text) || text.length > 80) continue;
    const year = yearOf(text);
    let agency = stripTitle(text);
    let title = rawText(lines[i]!);
    if (agency === '' && i > 0) {
      const previous = previousText(lines, i);
      if (previous && previous.length <= 40 && !TITLE.test(previous)) {
        agency = stripTitle(previous);
        title = `${previous}${rawText(lines[i]!)}`;
      }
    }
    return { title, agency: agency === '' ? null : agency, year };
  }
  if (metadataTitle) {
    const text = normalizeText(metadataTitle);
    const agency = stripTitle(text);
    return { title: metadataTitle, agency: agency === '' ? null : agency, year: yearOf(text) };
  }
  return { title: null, agency: null, year: null };
}

function previousText(lines: LayoutLine[], i: number): string | null {
  for (let k = i - 1; k >= 0; k--) {
    const text = normalizeText(lineText(lines[k]!));
    if (text !== '') return text;
  }
  return null;
}

function yearOf(text: string): number | null {
  const m = /(20\d{2})年/u.exec(text);
  return m ? Number(m[1]) : null;
}

function stripTitle(text: string): string {
  return text
    .replace(/(20\d{2})年度?/u, '')
    .replace(/(关于)?政府信息公开(工作)?(年度)?(工作)?报告.*$/u, '')
    .replace(/^[\s:：,，、]+|[\s:：,，、]+$/gu, '')
    .replace(/[（(]?$/u, '');
}

function rawText(line: LayoutLine): string {
  return lineText(line).trim().replace(/\s+/gu, ' ');
}
