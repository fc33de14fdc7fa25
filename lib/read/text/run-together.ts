import { APPLICATION_ROWS, SECTIONS } from '../../model/form.ts';
import type { LayoutLine } from '../../model/layout.ts';
import { containment, normalizeLabel } from '../../tables/normalize.ts';

/**
 * Web-page text whose table lost its cell boundaries: a row's label, its figures and the next
 * row's label run on (`一、本年新收政府信息公开申请数量640020470二、上年结转…`,
 * `1.属于国家秘密00000002.其他法律…`). The text is cut before every row marker (一、 （一） 1.) and
 * after every run of figures that a label follows; each row becomes its label and its digit runs,
 * marked `joined` — how many cells a run fills is for the form's sums to tell (lib/tables).
 */

/** Glued runs in a document from which on it is read as run-together text. */
export const MIN_GLUED_RUNS = 5;

/** Characters that follow a number in prose (a unit), not the next cell's label. */
const UNITS = new Set([...'年月日时分秒件个条项次人名家万亿元角份篇期批场号届位户座所类种余多天周岁倍层台辆套张页册幅枚宗起例笔']);
const HAN = /\p{Script=Han}/u;
const CLOSING = new Set([...'）)”」』》】]"\'']);
const NUMERAL_MARK = /[一二三四五六七八九十]+、/y;
const GROUP_MARK = /[（(][一二三四五六七八九十]+[）)]/y;
const ITEM_MARK = /\d[.、](?=\p{Script=Han})/uy;
const NUMBER = /\d+(?:\.\d+)?/y;

/** Full-width digits and the full-width stop as ASCII, so runs and markers read alike. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.');
}

interface Run {
  start: number;
  end: number;
  tokens: string[];
  /** the run touches the label before it: nothing between them */
  glued: boolean;
}

/** Runs of figures in a line that end a row: followed by the next label, a marker or the end. */
function rowRuns(line: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < line.length) {
    NUMBER.lastIndex = i;
    const first = /\d/.test(line[i]!) ? NUMBER.exec(line) : null;
    if (!first) {
      i++;
      continue;
    }
    const start = i;
    const tokens = [first[0]];
    const ends = [i + first[0].length];
    // figures separated by spaces belong to the same row
    for (;;) {
      const at = ends[ends.length - 1]!;
      const gap = /^[ \t\u3000]+/.exec(line.slice(at))?.[0].length ?? 0;
      NUMBER.lastIndex = at + gap;
      const next = gap > 0 ? NUMBER.exec(line) : null;
      if (!next) break;
      tokens.push(next[0]);
      ends.push(at + gap + next[0].length);
    }
    i = ends[ends.length - 1]!;
    const before = line[start - 1];
    if (before !== undefined && /[\d.]/.test(before)) continue;
    // “…00000002.其他”: the last digit is the next item's number, not a figure
    if (/^[.、]\p{Script=Han}/u.test(line.slice(i))) {
      const last = tokens[tokens.length - 1]!;
      if (last.length === 1 || last.includes('.')) {
        tokens.pop();
        ends.pop();
      } else {
        tokens[tokens.length - 1] = last.slice(0, -1);
        ends[ends.length - 1]! -= 1;
      }
      if (tokens.length === 0) continue;
    }
    let end = ends[ends.length - 1]!;
    // an amount printed with its unit (行政事业性收费35.68万元) ends its row when a row ends after the unit
    const unit = /^(万元|元)/.exec(line.slice(end))?.[0];
    const after = line.slice(end + (unit?.length ?? 0));
    if (unit && (after.trim() === '' || markerAt(after, 0) > 0 || /^\s+\D/.test(after))) {
      tokens[tokens.length - 1] += unit;
      end += unit.length;
    } else if (!endsRow(line, end)) continue;
    const glued = before !== undefined && (HAN.test(before) || CLOSING.has(before));
    if (before !== undefined && !glued && !/\s/.test(before)) continue;
    runs.push({ start, end, tokens, glued });
  }
  return runs;
}

/** What follows a run when it ends a row: nothing, a marker, or the next label (not a unit). */
function endsRow(line: string, end: number): boolean {
  const rest = line.slice(end).replace(/^[ \t\u3000]+/, '');
  if (rest === '') return true;
  if (markerAt(rest, 0) > 0 || /^[（(]/.test(rest)) return true;
  const next = rest[0]!;
  if (rest.length < line.length - end) return !/\d/.test(next);
  return HAN.test(next) && !UNITS.has(next);
}

/** Length of the row marker at `i` (一、 （一） 1.), or 0; “第（一）项” is no marker. */
function markerAt(text: string, i: number): number {
  if (text[i - 1] === '第') return 0;
  for (const re of [NUMERAL_MARK, GROUP_MARK, ITEM_MARK]) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) return m[0].length;
  }
  return 0;
}

/** How many runs of figures in the text are glued to the label before them. */
export function countGluedRuns(lines: string[]): number {
  return lines.reduce((n, line) => n + rowRuns(asciiDigits(line)).filter((r) => r.glued).length, 0);
}

/** One line of run-together text → its rows (label + joined runs) and its paragraphs. */
export function runTogetherLines(raw: string): LayoutLine[] {
  const line = asciiDigits(raw);
  const runs = rowRuns(line);
  const cuts = new Set<number>();
  for (const run of runs) {
    cuts.add(run.start);
    cuts.add(run.end);
  }
  for (let i = 1; i < line.length; i++) if (markerAt(line, i) > 0 && !/\d/.test(line[i - 1]!)) cuts.add(i);
  const runAt = new Map(runs.map((r) => [r.start, r]));
  const points = [0, ...[...cuts].filter((c) => c > 0 && c < line.length).sort((a, b) => a - b), line.length];
  const out: LayoutLine[] = [];
  let label = '';
  const flush = () => {
    for (const text of headingSplit(label.trim())) out.push(...(blankRow(text) ?? [{ cells: [{ text }] }]));
    label = '';
  };
  for (let k = 0; k + 1 < points.length; k++) {
    const [from, to] = [points[k]!, points[k + 1]!];
    const run = runAt.get(from);
    if (run && run.end === to) {
      const parts = headingSplit(label.trim());
      const rowLabel = parts.pop() ?? '';
      for (const text of parts) out.push({ cells: [{ text }] });
      label = '';
      const cells = run.tokens.map((text) => ({ text, joined: true }));
      out.push({ cells: rowLabel === '' ? cells : [{ text: rowLabel }, ...cells] });
      continue;
    }
    if (markerAt(line, from) > 0 || from === 0) flush();
    label += line.slice(from, to);
  }
  flush();
  return out;
}

const HEADING_KEYS = SECTIONS.flatMap((s) => s.keys);

/** “二、主动公开政府信息情况 第二十条…” → the section heading, then the rest. */
function headingSplit(text: string): string[] {
  if (text === '') return [];
  if (!/^[一二三四五六七八九十]+、/.test(text)) return [text];
  for (const key of HEADING_KEYS) {
    const at = text.indexOf(key);
    if (at < 0 || at > 12) continue;
    let end = at + key.length;
    const tail = /^(及改进)?情况/.exec(text.slice(end));
    if (tail) end += tail[0].length;
    const rest = text.slice(end).trim();
    return rest === '' ? [text] : [text.slice(0, end), rest];
  }
  return [text];
}

/** How closely a label without figures must match a row of table 3 to be read as that row printed blank. */
const BLANK_ROW_MATCH = 0.85;
/** How far into a text a blank row's label is looked for (the longest label is 43 characters). */
const LABEL_PREFIX_CHARS = 60;
const LEAF_LABELS = [...new Set(Object.values(APPLICATION_ROWS).flatMap((rows) => rows.map((r) => normalizeLabel(r.label))))];
const LEAF_SET = new Set(LEAF_LABELS);

/**
 * A row of table 3 whose cells were all printed blank leaves only its label in run-together text
 * (“1.属于国家秘密2.其他法律…”): it is that row with an empty run, not a heading. When text with no
 * row marker follows the label (a header repeated after a page break), the label is cut off it.
 */
function blankRow(text: string): LayoutLine[] | null {
  if (!/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d[.、])/.test(text)) return null;
  const row = (label: string): LayoutLine => ({ cells: [{ text: label }, { text: '', joined: true }] });
  const label = normalizeLabel(text);
  if (LEAF_LABELS.some((l) => containment(l, label) >= BLANK_ROW_MATCH && containment(label, l) >= BLANK_ROW_MATCH)) return [row(text)];
  for (let k = Math.min(text.length - 1, LABEL_PREFIX_CHARS); k > 1; k--) {
    if (LEAF_SET.has(normalizeLabel(text.slice(0, k)))) return [row(text.slice(0, k)), { cells: [{ text: text.slice(k) }] }];
  }
  return null;
}
