import { agencyName } from './agency-name.ts';
import { normalizeChars } from './normalize.ts';

/**
 * A report's title found in one piece of text — a line, a few lines joined, a page's <title> — and
 * the agency and year it names: “淮安市人民政府2024年政府信息公开工作年度报告”, “2024 年上海市科委
 * 政府信息公开工作年度报告”, “标题：平潭综合实验区2021年度政府信息公开工作年度报告 来源：…”. The
 * title must end its segment (end of text, a space, a site separator): a sentence that merely
 * mentions a report (“关于做好2023年政府信息公开工作年度报告编制发布工作的通知”) is not a title.
 */
export interface TitleParts {
  title: string;
  agency: string | null;
  year: number | null;
}

export const TITLE_KEYWORD = /政府信息公开(?:工作)?(?:情况)?(?:年度)?(?:工作)?(?:报告|年报)/gu;
/** the year a title names: “2023年”, “2023 年度”; never a date (“2024年1月20日”) */
const YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)\s*度?/gu;
/** what may follow a title: nothing, a space, a site separator; a bracketed note or year first */
const TITLE_END = /^(\s*[(（]([^()（）]{0,16})[)）])?(?:\s*$|\s|\s*[_|｜—–-])/u;
/** what ends page chrome before a title: breadcrumb arrows, a label's colon, brackets, bars */
const HARD_SEPARATOR = /[>›»→|｜/\\:：【】[\]]/gu;
/** words between the agency and the year or the keyword that are not part of the name */
const CONNECTIVES = /(?:关于|的)$|(?:政务公开|政务)(?:暨|和|及|与)$/u;
/** a bracketed note after a name: “宿迁市人民政府（全市汇总）”, “某某局（本级）” */
const NOTE = /[(（][^()（）]{1,8}[)）]$/u;
const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
/** the regulation's reports start with 2008 */
const FIRST_YEAR = 2008;
const LAST_YEAR = 2100;
/** a sentence may mention the keyword many times; a title is among its first mentions */
const MAX_MENTIONS = 4;

/** Full-width and traditional characters folded, “二〇二三年” written in digits. */
export function prepareTitleText(raw: string): string {
  return (
    normalizeChars(raw)
      // a centred title set with a space between every character: “淮 安 市 人 民 政 府 …”
      .replace(/(?<=^|\s)(?:[\p{Script=Han}\d][ \u3000]{1,3}){3,}[\p{Script=Han}\d](?=\s|$)/gu, (spaced) =>
        spaced.replace(/[ \u3000]/gu, ''),
      )
      .replace(/[〇零一二三四五六七八九]{4}(?=\s*年)/gu, (digits) => [...digits].map((d) => CHINESE_DIGITS[d] ?? d).join(''))
      .replace(/((?:19|20)\d{2})\s+(?=年)/gu, '$1')
      .replace(/年\s+(?=度)/gu, '年')
  );
}

/**
 * The title in `raw` and what it names, or null when `raw` holds no title. A breadcrumb may name
 * the column (“政府信息公开年报”) before the title itself: of several, the one naming most wins.
 */
export function parseTitle(raw: string): TitleParts | null {
  const text = prepareTitleText(raw);
  let best: TitleParts | null = null;
  let mentions = 0;
  for (const match of text.matchAll(TITLE_KEYWORD)) {
    if (++mentions > MAX_MENTIONS) break;
    const end = match.index + match[0].length;
    const after = TITLE_END.exec(text.slice(end));
    if (!after) continue;
    const before = text.slice(0, match.index);
    const note = after[1] ?? '';
    const parts = namedBy(before);
    const year = parts.year ?? yearIn(after[2] ?? '');
    const title = `${before.slice(parts.start)}${match[0]}${note.trim()}`;
    const found = { title: title.replace(/\s+/gu, ' ').trim(), agency: parts.agency, year };
    if (!best || score(found) > score(best)) best = found;
  }
  return best;
}

/** How much a title names: an agency counts more than a year. */
export function score(parts: TitleParts): number {
  return (parts.agency ? 2 : 0) + (parts.year ? 1 : 0);
}

/**
 * The agency and year printed before the keyword, after the last chrome separator: the longest
 * run of trailing space-separated tokens that reads as a name (“首页政务公开 平潭综合实验区” → the
 * second token alone; “淮安市人民政府 2024年” → both).
 */
function namedBy(before: string): { agency: string | null; year: number | null; start: number } {
  const tokens: { text: string; start: number }[] = [];
  let at = 0;
  for (const sep of before.matchAll(HARD_SEPARATOR)) at = sep.index + sep[0].length;
  for (const word of before.slice(at).matchAll(/\S+/gu)) tokens.push({ text: word[0], start: at + word.index });
  for (let k = 0; k < tokens.length; k++) {
    const joined = tokens
      .slice(k)
      .map((t) => t.text)
      .join('');
    const year = lastYear(joined);
    const name = nameAround(joined);
    const agency = agencyName(name);
    if (agency) return { agency, year: year?.value ?? null, start: titleStart(before, tokens[k]!.start, name) };
  }
  // no name: a year alone in the token before the keyword is still the report's year
  const last = tokens.at(-1);
  const year = last ? lastYear(last.text) : undefined;
  const yearOnly = last && year && last.text.replace(YEAR, '').replace(CONNECTIVES, '') === '';
  return { agency: null, year: yearOnly ? year.value : null, start: yearOnly ? last.start : before.length };
}

/**
 * The name beside the year: “2024年上海市科委” → 上海市科委, “洪泽区人民政府关于2023年度” → 洪泽区人民政府.
 * A name is whole on one side of the year, never the two sides joined.
 */
function nameAround(text: string): string {
  const years = [...text.matchAll(YEAR)];
  const last = years.at(-1);
  if (!last) return stripConnectives(text);
  const after = stripConnectives(text.slice(last.index + last[0].length));
  return after !== '' ? after : stripConnectives(text.slice(0, last.index).replace(YEAR, ''));
}

function stripConnectives(text: string): string {
  return text.replace(CONNECTIVES, '').replace(CONNECTIVES, '').replace(NOTE, '');
}

/** Where the title begins in `before`: at its name or its year, whichever comes first. */
function titleStart(before: string, from: number, name: string): number {
  const region = before.slice(from);
  const year = [...region.matchAll(YEAR)].at(-1)?.index;
  const at = region.indexOf(name);
  const starts = [year, at >= 0 ? at : undefined].filter((x): x is number => x !== undefined);
  return from + (starts.length > 0 && at >= 0 ? Math.min(...starts) : 0);
}

function lastYear(text: string): { value: number } | undefined {
  const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
  const value = years.at(-1);
  return value !== undefined && value >= FIRST_YEAR && value <= LAST_YEAR ? { value } : undefined;
}

function yearIn(note: string): number | null {
  return lastYear(note)?.value ?? null;
}
