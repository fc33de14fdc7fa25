/**
 * Random consistent reports: a random agency, year and format, figures that satisfy every rule of
 * docs/format.md (row totals, （七）总计, the balance, table 4 totals), and random label quirks.
 */
import { APPLICATION_ROWS, DECIMAL_COLUMNS, type FormatVersion, PROACTIVE_ROWS, SIGNED_COLUMNS } from '../../lib/model/form.ts';
import type { Random } from './random.ts';
import { applicationPaths, makeConsistent, reviewPaths, type SyntheticReport, type Values } from './synthetic-report.ts';

const PLACES = [
  '淮安市',
  '淮安市洪泽区',
  '绍兴市',
  '郑州市金水区',
  '鹤岗市',
  '宿迁市',
  '南京市江宁区',
  '杭州市西湖区',
  '成都市武侯区',
  '广州市天河区',
  '哈尔滨市道里区',
  '济南市历下区',
  '平潭综合实验区',
  '福建省',
  '江苏省',
  '上海市',
];
const BODIES = [
  '人民政府',
  '人民政府办公室',
  '商务局',
  '自然资源和规划局',
  '教育局',
  '卫生健康委员会',
  '市场监督管理局',
  '交通运输局',
  '财政局',
  '生态环境局',
  '住房和城乡建设局',
  '司法局',
  '科学技术局',
];

/** A figure as agencies report them: mostly 0 or small, now and then large. */
function figure(rng: Random, large: boolean): number {
  const r = rng.next();
  if (r < 0.55) return 0;
  if (r < 0.85) return rng.int(1, 9);
  if (r < 0.97 || !large) return rng.int(10, 99);
  return rng.int(100, large ? 4999 : 999);
}

/** Table 3 rows that usually carry most applications. */
const BUSY_ROWS = new Set([
  'newlyReceived',
  'carriedOver',
  'results.granted',
  'results.partiallyGranted',
  'results.unableToProvide.notHeld',
]);

/**
 * How often a year had no case (table 4 all 0) or no application at all (table 3 all 0): common
 * for a small agency, and printed all blank by one that leaves zeros blank.
 */
const NO_CASE_YEAR = 0.1;
const NO_APPLICATION_YEAR = 0.03;

function randomValues(rng: Random, format: FormatVersion): Values {
  const raw: Values = {};
  for (const row of PROACTIVE_ROWS[format]) {
    for (const col of row.columns) {
      const path = `proactive.${row.id}.${col.id}`;
      if (DECIMAL_COLUMNS.has(col.id)) raw[path] = rng.chance(0.3) ? 0 : rng.int(1, 999_999) / 100;
      else if (SIGNED_COLUMNS.has(col.id)) raw[path] = rng.int(-20, 40);
      else if (col.id === 'decisions') raw[path] = rng.chance(0.2) ? 0 : rng.int(1, rng.chance(0.2) ? 999_999 : 999);
      else raw[path] = figure(rng, true);
    }
  }
  for (const path of applicationPaths(format)) {
    const row = path.split('.').slice(1, -1).join('.');
    // only natural persons and companies apply often; the other columns are mostly 0
    const busyColumn = path.endsWith('.naturalPerson') || path.endsWith('.commercialEnterprise');
    raw[path] = busyColumn || rng.chance(0.3) ? figure(rng, BUSY_ROWS.has(row)) : 0;
  }
  for (const path of reviewPaths()) raw[path] = rng.chance(0.5) ? 0 : rng.int(1, 30);
  // drawn from a fork, so the figures of every other year stay what they were
  const quiet = rng.fork(11);
  if (quiet.chance(NO_CASE_YEAR)) for (const path of reviewPaths()) raw[path] = 0;
  if (quiet.chance(NO_APPLICATION_YEAR)) for (const path of applicationPaths(format)) raw[path] = 0;
  return makeConsistent(format, raw);
}

/** A random consistent report of either format, with random label quirks. */
export function randomReport(rng: Random): SyntheticReport {
  const format: FormatVersion = rng.chance(0.3) ? '2019' : '2021';
  const year = format === '2019' ? rng.int(2019, 2020) : rng.int(2021, 2025);
  const agency = `${rng.pick(PLACES)}${rng.pick(BODIES)}`;
  const values = randomValues(rng, format);
  // every row of table 3 must exist in the values, even when all its figures are 0
  for (const row of APPLICATION_ROWS[format]) values[`applications.${row.id}.total`] ??= 0;
  return {
    format,
    agency,
    year,
    values,
    quirks: {
      halfWidthBrackets: rng.chance(0.25),
      numberingComma: rng.chance(0.25),
      fullWidthDigits: rng.chance(0.1),
      blankZeros: rng.chance(0.4),
      subtotalRow: rng.chance(0.15),
    },
  };
}
