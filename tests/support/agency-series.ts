/**
 * One agency over several years, as an archive holds it: the name printed differently from year
 * to year, 上年结转 carried on from last year's 结转下年度继续办理 and 现行有效件数 carried on, one
 * break injected where asked. Deterministic for a seed (a small LCG), so the tests can count.
 */
import type { FormatVersion } from '../../lib/model/form.ts';
import { applicationPaths, makeConsistent, proactivePaths, type Quirks, renderText, reviewPaths, type Values } from './synthetic-report.ts';

export interface SeriesYear {
  year: number;
  agency: string;
  format: FormatVersion;
  /** file name, e.g. `hongze-2022.txt` */
  name: string;
  text: string;
  values: Values;
}

export interface SeriesOptions {
  /** the name as printed, one per year, oldest first */
  names: readonly string[];
  firstYear: number;
  /** the year whose 上年结转 does not carry on last year's 结转下年度继续办理 (one column off) */
  breakYear?: number;
  seed?: number;
  /** file name prefix */
  slug: string;
  /** how a year is printed otherwise than the form (rows merged, labels wrapped…) */
  quirks?: (year: number) => Quirks | undefined;
  /** changes to a year's figures before the totals are made consistent */
  adjust?: (year: number, raw: Values) => void;
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The reports of one agency over `names.length` consecutive years (format 2019 before 2021). */
export function agencySeries(options: SeriesOptions): SeriesYear[] {
  const next = random(options.seed ?? 11);
  const int = (max: number) => Math.floor(next() * (max + 1));
  const series: SeriesYear[] = [];
  let previous: Values | null = null;
  options.names.forEach((agency, index) => {
    const year = options.firstYear + index;
    const format: FormatVersion = year >= 2021 ? '2021' : '2019';
    const raw: Values = {};
    for (const path of [...proactivePaths(format), ...applicationPaths(format), ...reviewPaths()]) raw[path] = int(3) === 0 ? 0 : int(40);
    for (const path of applicationPaths(format).filter((p) => p.startsWith('applications.carriedOver.'))) {
      const column = path.slice('applications.carriedOver.'.length);
      raw[path] = previous?.[`applications.carriedForward.${column}`] ?? int(5);
    }
    if (year === options.breakYear)
      raw['applications.carriedOver.naturalPerson'] = (raw['applications.carriedOver.naturalPerson'] ?? 0) + 2;
    if (format === '2021') {
      for (const row of ['regulations', 'normativeDocuments']) {
        const base = `proactive.${row}`;
        raw[`${base}.issued`] = int(6);
        raw[`${base}.repealed`] = int(2);
        const before = previous?.[`${base}.inForce`] ?? 20 + int(20);
        raw[`${base}.inForce`] = before + raw[`${base}.issued`]! - raw[`${base}.repealed`]!;
      }
    }
    options.adjust?.(year, raw);
    const values = makeConsistent(format, raw);
    const quirks = options.quirks?.(year);
    const text = renderText({ format, agency, year, values, ...(quirks === undefined ? {} : { quirks }) }, 'tabs');
    series.push({ year, agency, format, name: `${options.slug}-${year}.txt`, text, values });
    previous = values;
  });
  return series;
}

/** The series the tests use: 洪泽区 over 2020–2024 under five spellings of its name, 2023 broken. */
export const HONGZE_NAMES = [
  '淮安市洪泽区人民政府',
  '洪泽区人民政府',
  '洪泽区人民政府办公室',
  '江苏省淮安市洪泽区人民政府',
  '洪泽区政府',
] as const;
export const HONGZE_BREAK_YEAR = 2023;
export function hongzeSeries(): SeriesYear[] {
  return agencySeries({ names: HONGZE_NAMES, firstYear: 2020, breakYear: HONGZE_BREAK_YEAR, slug: 'hongze' });
}

/** A second agency over 2023–2024, its 2024 report printing （六）其他处理 as one merged row. */
export const SUYU_MERGED_YEAR = 2024;
export function suyuSeries(): SeriesYear[] {
  return agencySeries({
    names: ['宿迁市宿豫区商务局', '宿豫区商务局'],
    firstYear: 2023,
    slug: 'suyu',
    seed: 23,
    quirks: (year) => (year === SUYU_MERGED_YEAR ? { mergedOtherHandling: true } : undefined),
  });
}
