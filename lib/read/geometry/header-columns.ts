import type { Box } from '../../model/result.ts';
import { cx, cy, type GeoWord, height, median, overlap } from './geo-word.ts';

/** Numeric columns of an unruled table: x intervals, left to right. */
export type Columns = [number, number][];

/**
 * Only a wide grid of figures (tables 3 and 4) takes its columns from its header: there a blank
 * column is otherwise invisible, while in a narrow table the label column's own header (信息内容)
 * is hard to tell from a column of figures.
 */
const MIN_COLUMNS = 5;

/** How far the spacing of header columns may stray from the typical one (as a ratio). */
const REGULAR = 0.6;

/** A head this many times wider than the usual one is two heads run together. */
const MERGED_HEADS = 1.6;

/** Header words whose centres lie this close (in text heights) head the same column. */
const SAME_COLUMN = 0.6;

/**
 * The columns an unruled table's header names, where its figures alone do not show them all (a
 * column printed blank in every row, as table 4 often is). The lowest header words head one
 * column each; a word over the centres of several words below it (法人或其他组织, 行政诉讼) heads
 * a group and is left out; a word split over lines (结果 / 维持) is one column. Used only when it
 * agrees with the figures: every column they fill is headed by exactly one word column, and there
 * are more word columns than filled ones, about evenly spaced. `labels` are the x spans of the row labels (the header's
 * label cell lies over them).
 */
export function headerColumns(words: readonly GeoWord[], own: Columns, labels: readonly [number, number][]): Columns | undefined {
  if (own.length === 0) return undefined;
  const labelRight = Math.max(-Infinity, ...labels.map(([, x1]) => x1));
  // the label column's own header (信息内容, 项目) lies over the labels
  const inZone = words.filter(
    (w) => cx(w.box) > labelRight && !labels.some(([x0, x1]) => overlap(x0, x1, w.box[0], w.box[2]) > 0) && w.text.trim() !== '',
  );
  // a word inside a larger one is a piece OCR read twice (a stray “1” in 其他), no column of its own
  const zone = inZone.filter((w) => !inZone.some((v) => v !== w && wider(v, w) && centredIn(w.box, v.box)));
  const lowest = zone.filter((w) => {
    const width = w.box[2] - w.box[0];
    return !zone.some(
      (v) =>
        v !== w &&
        cy(v.box) > cy(w.box) + height(w.box) / 2 &&
        cx(v.box) > w.box[0] &&
        cx(v.box) < w.box[2] &&
        Math.abs(cx(v.box) - cx(w.box)) > width / 4,
    );
  });
  // a head twice as wide as the others is two heads OCR read as one word (纠正结果): no column's
  const usual = median(
    lowest.map((w) => w.box[2] - w.box[0]),
    Infinity,
  );
  const heads = lowest.filter((w) => w.box[2] - w.box[0] <= MERGED_HEADS * usual);
  heads.sort((a, b) => cx(a.box) - cx(b.box));
  const clusters: { centre: number; n: number; span: [number, number] }[] = [];
  for (const w of heads) {
    const last = clusters.at(-1);
    if (last && Math.abs(cx(w.box) - last.centre) <= SAME_COLUMN * charSize(w)) {
      last.centre = (last.centre * last.n + cx(w.box)) / (last.n + 1);
      last.n++;
      last.span = [Math.min(last.span[0], w.box[0]), Math.max(last.span[1], w.box[2])];
    } else clusters.push({ centre: cx(w.box), n: 1, span: [w.box[0], w.box[2]] });
  }
  if (clusters.length <= own.length || clusters.length < MIN_COLUMNS) return undefined;
  // a grid of figures has columns of about one width: a caption over the table breaks the rhythm
  const gaps = clusters.slice(1).map((c, i) => c.centre - clusters[i]!.centre);
  const typical = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
  if (Math.min(...gaps) < REGULAR * typical || Math.max(...gaps) > typical / REGULAR) return undefined;
  // each filled column under the nearest header column, no two under the same one, none far off
  const pitch = Math.min(...clusters.slice(1).map((c, i) => c.centre - clusters[i]!.centre));
  const matched = clusters.map(() => -1);
  for (const [k, [a, b]] of own.entries()) {
    const centre = (a + b) / 2;
    let best = 0;
    clusters.forEach((c, i) => {
      if (Math.abs(c.centre - centre) < Math.abs(clusters[best]!.centre - centre)) best = i;
    });
    if (Math.abs(clusters[best]!.centre - centre) > pitch / 2 || matched[best] !== -1) return undefined;
    matched[best] = k;
  }
  return clusters.map((c, i) => {
    const k = matched[i]!;
    return k < 0 ? c.span : [Math.min(c.span[0], own[k]![0]), Math.max(c.span[1], own[k]![1])];
  });
}

/** The size of a word's characters: its height, or its width when it is set one character a line (结 / 果 / 维 / 持). */
function charSize(w: GeoWord): number {
  return Math.min(height(w.box), w.box[2] - w.box[0]);
}

const wider = (v: GeoWord, w: GeoWord): boolean => v.box[2] - v.box[0] > w.box[2] - w.box[0];

function centredIn(inner: Box, outer: Box): boolean {
  const x = cx(inner);
  const y = cy(inner);
  return x > outer[0] && x < outer[2] && y > outer[1] && y < outer[3];
}
