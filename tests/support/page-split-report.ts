/**
 * Random page-split reports, replayable from one seed: a random consistent report
 * (random-report.ts) printed into a born-digital PDF whose tables run over pages — table 3 always
 * (page breaks at random rows: between a group label and its items, inside a wrapped row, next
 * to a blank row), tables 2 and 4 sometimes — with the header repeated in full, in part, with its
 * words split over lines, or not at all; page numbers and running headers between the rows;
 * ruled or unruled tables. `pageSplitScan` makes a scan of the same pages. With `secondTable`
 * table 3 goes on in a second table under its header printed again (see `SecondTable`).
 */
import { pageImage } from '../../lib/read/pdf/page-image.ts';
import { A4, drawPdf, measure } from './draw-pdf.ts';
import { Galley, type PlacedTable, type TableBreaks, type TableStyle } from './page-layout.ts';
import { Random } from './random.ts';
import { randomReport } from './random-report.ts';
import {
  applicationsGrid,
  applicationsRepeat,
  type Grid,
  type HeaderRepeat,
  proactiveGrid,
  reviewGrid,
  reviewRepeat,
  splitGrid,
} from './report-grids.ts';
import { imageOnlyPdf, type PdfImage, scanLike } from './scan-fixtures.ts';
import type { SyntheticReport } from './synthetic-report.ts';

export interface PageSplitDocument {
  seed: number;
  report: SyntheticReport;
  pdf: Uint8Array;
  pages: number;
  /** what was done to this document, for a failure message */
  notes: string[];
  /** tables drawn with rulings (else positioned text only) */
  ruled: boolean;
}

const FOOTERS: Record<string, (page: number, pages: number) => string> = {
  dash: (n) => `— ${n} —`,
  hyphen: (n) => `- ${n} -`,
  ofTotal: (n, total) => `第 ${n} 页 共 ${total} 页`,
  plain: (n) => String(n),
};

const FILLER = [
  '我单位坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于政务公开工作的决策部署。',
  '严格落实《中华人民共和国政府信息公开条例》，持续深化重点领域信息公开，提升政务公开标准化规范化水平。',
  '进一步健全依申请公开办理机制，规范答复文书格式，确保在法定期限内答复申请人。',
  '加强政府网站和政务新媒体管理，及时发布政策文件和解读材料，回应社会关切。',
];

/** Options of the generator; what they turn on is drawn from the seed like the rest. */
export interface PageSplitOptions {
  /** table 3 goes on in a second ruled table of its own (header rows repeated), on the same page or the next */
  secondTable?: boolean;
}

/**
 * Table 3 split by its publisher into two ruled tables: the second starts at row `at` under table
 * 3's three header rows printed again, the labels merged over the split going on in it as empty
 * merged cells, a label column left with no text squeezed to a few points; between the two
 * tables a line such as “— 3 —”, or only a gap; the second table's header sometimes cut by a page
 * break (`headerBreak`: before its row 1 or 2, or inside row 0).
 */
interface SecondTable {
  at: number;
  squeeze: number;
  between: 'gap' | 'pageNumber' | 'note';
  gap: number;
  headerBreak: { before?: number; inside?: number };
}

const NOTE_BETWEEN = '（续表）';

interface Plan {
  style: TableStyle;
  repeat3: HeaderRepeat;
  repeat4: HeaderRepeat;
  breaks3: { before: Set<number>; inside: Set<number> };
  breaks2: Set<number>;
  breaks4: Set<number>;
  fillerLines: number;
  footer: keyof typeof FOOTERS | 'none';
  runningHeader: boolean;
  titleSplit: boolean;
  splitHeaders: boolean;
  narrowResults: boolean;
  secondTable?: SecondTable;
}

function drawSecondTable(rng: Random, rows3: number): SecondTable {
  const cut = rng.pick(['none', 'none', 'before', 'inside'] as const);
  return {
    at: rng.int(4, rows3 - 2),
    squeeze: rng.float(3, 6),
    between: rng.pick(['gap', 'pageNumber', 'note'] as const),
    gap: rng.float(0, 14),
    headerBreak: cut === 'before' ? { before: rng.int(1, 2) } : cut === 'inside' ? { inside: 0 } : {},
  };
}

function makePlan(rng: Random, rows3: number): Plan {
  const fontSize = rng.pick([9, 10, 10.5]);
  const style: TableStyle = {
    fontSize,
    leading: rng.float(1.15, 1.45),
    pad: rng.float(2, 5),
    minRow: rng.float(fontSize * 1.6, fontSize * 2.6),
    ruled: rng.chance(0.7),
    rule: rng.pick([0.5, 0.75, 1]),
    labelAlign: rng.chance(0.6) ? 'left' : 'center',
    valign: rng.chance(0.7) ? 'middle' : 'top',
  };
  const breaks3 = { before: new Set<number>(), inside: new Set<number>() };
  // a forced break at a random row of table 3 (its header rows included), sometimes a second one
  if (rng.chance(0.8)) {
    const k = rng.int(3, rows3 - 1);
    (rng.chance(0.3) ? breaks3.inside : breaks3.before).add(k);
    if (rng.chance(0.2) && k + 5 < rows3) breaks3.before.add(rng.int(k + 4, rows3 - 1));
  }
  return {
    style,
    repeat3: rng.pick<HeaderRepeat>(['full', 'partial', 'split', 'none']),
    repeat4: rng.pick<HeaderRepeat>(['full', 'split', 'none']),
    breaks3,
    breaks2: rng.chance(0.25) ? new Set([rng.int(1, 12)]) : new Set(),
    breaks4: rng.chance(0.25) ? new Set([rng.int(1, 3)]) : new Set(),
    fillerLines: rng.int(0, 8),
    footer: rng.pick(['dash', 'hyphen', 'ofTotal', 'plain', 'plain', 'none'] as const),
    runningHeader: rng.chance(0.2),
    titleSplit: rng.chance(0.3),
    splitHeaders: rng.chance(0.3),
    narrowResults: rng.chance(0.6),
  };
}

/** Lays the whole report out; with `table3OnNewPage` table 3's heading starts a page. */
function layOut(report: SyntheticReport, plan: Plan, rng: Random, table3OnNewPage: boolean) {
  const geometry = { ...A4, top: rng.float(50, 80), bottom: rng.float(50, 80), left: rng.float(50, 75), right: rng.float(50, 75) };
  const galley = new Galley(geometry, measure);
  const width = Math.min(geometry.width - geometry.left - geometry.right, rng.float(440, 500));
  const title = `${report.agency}${report.year}年政府信息公开工作年度报告`;
  const titleSize = rng.pick([16, 18, 22]);
  // a title too long for one line is broken after the agency, as publishers do
  const textWidth = geometry.width - geometry.left - geometry.right;
  if (plan.titleSplit || measure(title, titleSize) > textWidth) {
    galley.paragraph(report.agency, titleSize, { align: 'center' });
    galley.paragraph(`${report.year}年政府信息公开工作年度报告`, titleSize, { align: 'center' });
  } else galley.paragraph(title, titleSize, { align: 'center' });
  galley.space(12);
  const body = rng.pick([12, 14]);
  const heading = (text: string) => {
    galley.space(6);
    galley.paragraph(text, body + 2);
  };
  heading('一、总体情况');
  const received = report.values['applications.newlyReceived.total'] ?? 0;
  let overview = `本年度，我单位共收到政府信息公开申请${received}件，均已按时答复。`;
  for (let i = 0; i < plan.fillerLines; i++) overview += FILLER[i % FILLER.length];
  galley.paragraph(overview, body, { indent: 2 });
  heading('二、主动公开政府信息情况');
  const t2 = galley.table(proactiveGrid(report, width, plan.splitHeaders), plan.style, { before: plan.breaks2 });
  if (table3OnNewPage) galley.newPage();
  heading('三、收到和处理政府信息公开申请情况');
  const grid3 = applicationsGrid(report, {
    resultsColumn: plan.narrowResults ? plan.style.fontSize + 2 * plan.style.pad + 2 : rng.float(48, 64),
    groupColumn: rng.float(50, 84),
    itemColumn: rng.float(105, 150),
    tableWidth: width,
    splitHeaders: plan.splitHeaders,
  });
  const t3 = plan.secondTable
    ? twoTables(galley, grid3, plan, plan.secondTable)
    : galley.table(grid3, plan.style, tableBreaks(grid3, plan, plan.breaks3));
  heading('四、政府信息公开行政复议、行政诉讼情况');
  const grid4 = reviewGrid(report, width, plan.splitHeaders);
  const breaks4: TableBreaks = { before: plan.breaks4 };
  const repeat4 = reviewRepeat(grid4, plan.repeat4);
  if (repeat4) breaks4.repeat = repeat4;
  const t4 = galley.table(grid4, plan.style, breaks4);
  heading('五、存在的主要问题及改进情况');
  galley.paragraph('政务公开工作与公众期待相比仍有差距，信息发布的及时性和解读的针对性有待提高。', body, { indent: 2 });
  heading('六、其他需要报告的事项');
  galley.paragraph('本机关未收取信息处理费。', body, { indent: 2 });
  const pages = galley.pages.length;
  for (let p = 0; p < pages; p++) {
    if (plan.footer !== 'none') {
      const text = FOOTERS[plan.footer]!(p + 1, pages);
      const size = 10.5;
      const x = (geometry.width - measure(text, size)) / 2;
      galley.text(p, text, x, geometry.height - geometry.bottom / 2 - size / 2, size);
    }
    if (plan.runningHeader && p > 0) galley.text(p, title, geometry.left, geometry.top / 2 - 5, 9);
  }
  return { galley, title, t2, t3, t4, rows3: grid3.rows };
}

function tableBreaks(grid: Grid, plan: Plan, breaks: { before: Set<number>; inside: Set<number> }): TableBreaks {
  const out: TableBreaks = { ...breaks };
  const repeat = applicationsRepeat(grid, plan.repeat3);
  if (repeat) out.repeat = repeat;
  return out;
}

/** Table 3 laid out as two tables (`SecondTable`); where its rows fell, in table 3's own rows. */
function twoTables(galley: Galley, grid: Grid, plan: Plan, split: SecondTable): PlacedTable {
  const [first, second] = splitGrid(grid, split.at, split.squeeze);
  const shift = grid.headerRows - split.at;
  const part = (rows: (r: number) => boolean, map: (r: number) => number) => (set: Set<number>) => new Set([...set].filter(rows).map(map));
  const inFirst = part(
    (r) => r < split.at,
    (r) => r,
  );
  const inSecond = part(
    (r) => r >= split.at,
    (r) => r + shift,
  );
  const a = galley.table(
    first,
    plan.style,
    tableBreaks(first, plan, { before: inFirst(plan.breaks3.before), inside: inFirst(plan.breaks3.inside) }),
  );
  galley.space(split.gap);
  if (split.between === 'pageNumber') galley.paragraph(`— ${galley.page + 1} —`, 10.5, { align: 'center' });
  if (split.between === 'note') galley.paragraph(NOTE_BETWEEN, 10.5);
  const before = inSecond(plan.breaks3.before);
  const inside = inSecond(plan.breaks3.inside);
  if (split.headerBreak.before !== undefined) before.add(split.headerBreak.before);
  if (split.headerBreak.inside !== undefined) inside.add(split.headerBreak.inside);
  const b = galley.table(second, plan.style, tableBreaks(second, plan, { before, inside }));
  const back = (r: number) => Math.max(split.at, r - shift);
  return {
    rowPages: [...a.rowPages, ...b.rowPages.slice(grid.headerRows)],
    breaksBefore: [...a.breaksBefore, ...b.breaksBefore.map(back)],
    breaksInside: [...a.breaksInside, ...b.breaksInside.map(back)],
  };
}

/** The tables whose figures are all 0 (a year with no case, or no application). */
function quietTables(report: SyntheticReport): string[] {
  const zero = (prefix: string) => Object.entries(report.values).every(([path, v]) => !path.startsWith(prefix) || v === 0);
  return [
    ...(zero('applications.') ? ['table 3 all 0 (no application)'] : []),
    ...(zero('reviewLitigation.') ? ['table 4 all 0 (no case)'] : []),
  ];
}

function describeBreaks(name: string, placed: PlacedTable): string[] {
  return [
    ...placed.breaksBefore.map((r) => `${name} page break before row ${r}`),
    ...placed.breaksInside.map((r) => `${name} row ${r} broken across pages`),
  ];
}

/** The born-digital PDF of the report drawn from `seed`. */
export async function pageSplitPdf(seed: number, options: PageSplitOptions = {}): Promise<PageSplitDocument> {
  const rng = new Random(seed);
  const report = randomReport(rng.fork(1));
  const rows3 = applicationsGrid(report, {
    resultsColumn: 20,
    groupColumn: 60,
    itemColumn: 120,
    tableWidth: 470,
    splitHeaders: false,
  }).rows;
  const plan = makePlan(rng.fork(2), rows3);
  if (options.secondTable) {
    // the case met in practice is ruled (a word processor's two tables); unruled, nothing marks where one ends
    plan.secondTable = drawSecondTable(rng.fork(6), rows3);
    plan.style.ruled = true;
  }
  let laid = layOut(report, plan, rng.fork(3), false);
  // when table 3 breaks by itself before the forced row, start it on a new page so the forced row decides
  const forced = Math.min(...plan.breaks3.before, ...plan.breaks3.inside);
  const natural = laid.t3.breaksBefore.filter((r) => !plan.breaks3.before.has(r));
  if (Number.isFinite(forced) && natural.some((r) => r < forced)) laid = layOut(report, plan, rng.fork(3), true);
  const notes = [
    `seed ${seed}: format ${report.format}, ${plan.style.ruled ? 'ruled' : 'unruled'}, header repeat ${plan.repeat3}/${plan.repeat4}, footer ${plan.footer}`,
    `quirks ${JSON.stringify(report.quirks)} splitHeaders=${plan.splitHeaders} narrowResults=${plan.narrowResults} valign=${plan.style.valign}`,
    ...(plan.secondTable ? [`table 3 goes on in a second table ${JSON.stringify(plan.secondTable)}`] : []),
    ...quietTables(report),
    ...describeBreaks('table 2', laid.t2),
    ...describeBreaks('table 3', laid.t3),
    ...describeBreaks('table 4', laid.t4),
  ];
  const pdf = await drawPdf(laid.galley.pages, rng.fork(4).chance(0.5) ? laid.title : undefined);
  return { seed, report, pdf, pages: laid.galley.pages.length, notes, ruled: plan.style.ruled };
}

const MAX_PIXELS = 40_000_000;

/** How a scanner treats the pages of the same report. */
export interface ScanSettings {
  dpi: number;
  angles: number[];
  blur: number;
  quality: number;
}

/** A scan (image-only PDF) of the PDF drawn from `seed`: grey, slightly turned, soft, JPEG. */
export async function pageSplitScan(
  seed: number,
  options: PageSplitOptions = {},
): Promise<PageSplitDocument & { scan: Uint8Array; settings: ScanSettings }> {
  const doc = await pageSplitPdf(seed, options);
  const rng = new Random(seed).fork(5);
  const settings: ScanSettings = {
    dpi: rng.pick([200, 300]),
    angles: Array.from({ length: doc.pages }, () => rng.float(-1, 1)),
    blur: rng.float(0.3, 0.8),
    quality: rng.int(70, 90),
  };
  const images: PdfImage[] = [];
  for (let n = 1; n <= doc.pages; n++) {
    const page = await pageImage(doc.pdf, n, { dpi: settings.dpi, maxPixels: MAX_PIXELS });
    if (page.kind !== 'encoded') throw new Error(`page ${n} was not rendered to an encoded image`);
    images.push(await scanLike(page.bytes, { angle: settings.angles[n - 1]!, blur: settings.blur, quality: settings.quality }));
  }
  const notes = [...doc.notes, `scan ${settings.dpi} dpi, blur ${settings.blur.toFixed(2)}, JPEG ${settings.quality}`];
  return { ...doc, notes, scan: imageOnlyPdf(images), settings };
}
