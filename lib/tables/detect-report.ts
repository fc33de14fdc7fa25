import type { LayoutLine } from '../model/layout.ts';
import { agencyName } from './agency-name.ts';
import { normalizeText } from './normalize.ts';
import { parseTitle, prepareTitleText, score, TITLE_KEYWORD, type TitleParts } from './report-title.ts';

export interface ReportHeader {
  title: string | null;
  agency: string | null;
  year: number | null;
}

/** Where the title is looked for when 一、总体情况 was not found: web chrome can be long. */
const HEADER_LINES = 60;
/** Lines scanned when 一、总体情况 is found (the title is above it). */
const MAX_HEADER_LINES = 200;
/** A title broken over lines: each piece is short, and it takes at most three. */
const TITLE_PIECE_CHARS = 40;
const TITLE_PIECES = 3;
/** The statistics period 本报告所列数据的统计期限自2023年1月1日… names the report year. */
const PERIOD = /统计(?:期限|周期|时限|时间|区间|范围|期)?(?:为|是|自|从|:)?[^。；]{0,8}?((?:19|20)\d{2})年1月1日/u;
const PERIOD_LINES = 150;
/** 一、总体情况's first lines, where a year opening a sentence is the report year */
const OVERVIEW_LINES = 4;
const OVERVIEW_OPENING = /^((?:19|20)\d{2})年(?:度)?[,，]/u;
/** A level of government or a place in a name: 省, 市, 区, 县, 镇, 街道, 国家 … */
const PLACE = /省|市|区|县|州|盟|旗|镇|乡|街道|国家|中共|中国|自治/u;
/** A line that is only a year: “2023年度” between an agency line and the title. */
const YEAR_LINE = /^((?:19|20)\d{2})年度?$/u;
/** Labels a crawler or page puts before a title line. */
const LABEL = /^\s*(?:标题|题目|文章标题|名称|title)\s*[:：]\s*/iu;

/**
 * Title, agency and year of the report. The title is looked for in the lines above 一、总体情况
 * among page chrome (当前位置、来源、时间 …), one line or broken over up to three; an agency on its
 * own line above a title without one is taken when it reads as a name. Where the document's lines
 * do not say, the file's own title (an HTML page's <title> or meta tags, a PDF's metadata title)
 * fills in; the year last of all from the statistics period. Each is null when not found: an
 * agency is never taken from a fragment of a sentence, the year is never a publication date.
 */
export function detectHeader(lines: LayoutLine[], before: number, metadataTitle?: string): ReportHeader {
  const limit = before >= 0 ? Math.min(before, MAX_HEADER_LINES) : Math.min(lines.length, HEADER_LINES);
  const texts = lines.slice(0, limit).map((line) => line.cells.map((c) => c.text).join(' '));
  let best: TitleParts | null = null;
  for (let i = 0; i < texts.length; i++) {
    const found = titleAt(texts, i);
    if (found && (!best || score(found) > score(best))) best = found;
  }
  const fallback = metadataTitle ? metadataParts(metadataTitle) : null;
  const titled = fallback && (!best || score(fallback) > score(best)) ? fallback : best;
  return {
    title: titled?.title ?? null,
    agency: best?.agency ?? fallback?.agency ?? null,
    year: best?.year ?? fallback?.year ?? periodYear(lines) ?? overviewYear(lines, before),
  };
}

/**
 * The title starting on line i: the line alone, or the line and the next short lines when the
 * title's keyword begins on this line and ends on a later one (“2024 年上海市科委政府信息公开工作”
 * / “年度报告”). Lines above a title that names no agency may hold it, and its year.
 */
function titleAt(texts: string[], i: number): TitleParts | null {
  let found = parseTitle(texts[i]!);
  const first = texts[i]!.trim();
  for (let n = 2; !found && n <= TITLE_PIECES && i + n <= texts.length && first.length <= TITLE_PIECE_CHARS; n++) {
    const pieces = texts.slice(i, i + n).map((p) => p.trim());
    if (pieces.some((p) => p === '' || p.length > TITLE_PIECE_CHARS)) break;
    if (keywordAcross(first, pieces.join(''))) found = parseTitle(pieces.join(''));
  }
  if (!found || found.agency !== null) return found;
  return withLinesAbove(texts, i, found);
}

/** The title's keyword begins in the first piece and ends in a later one. */
function keywordAcross(first: string, joined: string): boolean {
  const cut = prepareTitleText(first).length;
  for (const m of prepareTitleText(joined).matchAll(TITLE_KEYWORD)) {
    if (m.index < cut && m.index + m[0].length > cut) return true;
  }
  return false;
}

/** “淮安市人民政府” / “2024 年政府信息公开工作年度报告”, or agency / “2023年度” / title. */
function withLinesAbove(texts: string[], i: number, found: TitleParts): TitleParts {
  let { year, title } = found;
  for (let k = i - 1, seen = 0; k >= 0 && seen < 2; k--) {
    const text = prepareTitleText(texts[k]!.replace(LABEL, '')).trim();
    if (text === '') continue;
    seen++;
    const yearOnly = YEAR_LINE.exec(text);
    if (yearOnly && year === null) {
      year = Number(yearOnly[1]);
      title = `${text}${title}`;
      continue;
    }
    const name = agencyName(text);
    // alone on a line, a name must say where it governs: “新闻中心” in a menu is not an agency
    if (name !== null && PLACE.test(name)) return { agency: name, year, title: `${text}${title}` };
    break;
  }
  return found;
}

/** A page's or file's own title: “…年度报告_某某市人民政府门户网站” — the best of its parts. */
function metadataParts(title: string): TitleParts | null {
  let best: TitleParts | null = null;
  for (const part of title.split(/\s*[_|｜]\s*|\s+[-—–]+\s+/u)) {
    const found = parseTitle(part);
    if (found && (!best || score(found) > score(best))) best = found;
  }
  return best;
}

/** 一、总体情况 conventionally opens on the report year: “2023年，我局坚持……”. */
function overviewYear(lines: LayoutLine[], overview: number): number | null {
  if (overview < 0) return null;
  for (const line of lines.slice(overview + 1, overview + OVERVIEW_LINES)) {
    const m = OVERVIEW_OPENING.exec(normalizeText(line.cells.map((c) => c.text).join('')));
    if (m) return Number(m[1]);
  }
  return null;
}

function periodYear(lines: LayoutLine[]): number | null {
  for (const line of lines.slice(0, PERIOD_LINES)) {
    const m = PERIOD.exec(normalizeText(line.cells.map((c) => c.text).join('')));
    if (m) return Number(m[1]);
  }
  return null;
}
