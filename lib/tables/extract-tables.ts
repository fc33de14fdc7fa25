import { agencyKeyOf } from '../model/agency-key.ts';
import { APPLICATION_ROWS, type FormatVersion, PROACTIVE_ROWS } from '../model/form.ts';
import type { Layout, LayoutLine } from '../model/layout.ts';
import type { CellSource, Finding, MergedRows, ReportInfo } from '../model/result.ts';
import { type Tables, Tables2019Schema, Tables2021Schema } from '../model/tables.ts';
import { buildApplications, buildProactive, buildReviewLitigation } from './build-tables.ts';
import { CellReader } from './cell-values.ts';
import { chooseFormat } from './choose-format.ts';
import { detectHeader } from './detect-report.ts';
import { nonStandardLabels } from './label-check.ts';
import { recoverLostCell } from './lost-cells.ts';
import { mapApplications } from './map-applications.ts';
import { mapProactive } from './map-proactive.ts';
import { mapReview } from './map-review.ts';
import type { MappedRows } from './mapped-rows.ts';
import { normalizeText } from './normalize.ts';
import { resolveRuns } from './resolve-runs.ts';
import { rowLabelFindings } from './row-label-check.ts';
import { findSections, type SectionId } from './sections.ts';
import {
  blankCells,
  extraRows,
  mergedRowFindings,
  missingRows,
  missingSections,
  missingTables,
  splitRowFindings,
} from './structure-findings.ts';
import { lineText } from './value-row.ts';

export interface Extracted {
  report: ReportInfo;
  tables: Tables;
  /** groups the publisher printed as one row (their members are null in `tables`) */
  mergedRows: MergedRows;
  cells: Record<string, CellSource>;
  findings: Finding[];
  /** text of 一、总体情况, for the narrative rule */
  overview: string;
}

/** How far 一、总体情况 is taken to run when 二、 cannot be found. */
const OVERVIEW_FALLBACK_LINES = 30;

/** Finds tables 2, 3 and 4 in a layout and maps every cell to its id. Pure. */
/**
 * `ocrPages`: the pages OCR read, so that a blank cell there (no word, so no confidence) still
 * says its value was obtained by OCR.
 */
export function extractTables(layout: Layout, metadataTitle?: string, ocrPages: readonly number[] = []): Extracted {
  const { lines } = layout;
  const sections = findSections(lines);
  const header = detectHeader(lines, sections.overview ?? -1, metadataTitle);
  const regions = tableRegions(lines, sections);

  const t3 = {
    '2021': mapApplications(lines, regions.t3Start, regions.t4Start, '2021'),
    '2019': mapApplications(lines, regions.t3Start, regions.t4Start, '2019'),
  };
  const t2End = (format: FormatVersion) => sections.applications ?? firstLine(t3[format]) ?? lines.length;
  const t2 = {
    '2021': mapProactive(lines, regions.t2Start, t2End('2021'), '2021'),
    '2019': mapProactive(lines, regions.t2Start, t2End('2019'), '2019'),
  };
  const t2Text = normalizeText(lines.slice(regions.t2Start, regions.t2TextEnd).map(lineText).join(''));
  const format = chooseFormat(t3, t2, t2Text, header.year);
  const reviewStart = sections.reviewLitigation ?? lastLine(t3[format]) ?? lines.length;

  const reviewCells = mapReview(lines, reviewStart, regions.t4End);
  // rows whose figures ran together are split now that every table is placed
  const runs = resolveRuns({ format, proactive: t2[format].rows, applications: t3[format].rows, review: reviewCells });
  const reader = new CellReader(runs.resolve, new Set(ocrPages));
  const proactive = buildProactive(t2[format], format, reader);
  const applications = buildApplications(t3[format], format, reader);
  const reviewLitigation = buildReviewLitigation(reviewCells, reader);
  const plain = { proactive: proactive.table, applications: applications.table, reviewLitigation: reviewLitigation.table };
  // an empty cell a converter lost is taken from the sums when they all agree on it
  const lost = recoverLostCell(plain, format, reader);

  const findings: Finding[] = [
    ...missingTables({
      proactive: proactive.table !== null,
      applications: applications.table !== null,
      reviewLitigation: reviewLitigation.table !== null,
    }),
    ...missingRows('proactive', proactive.missing, format),
    ...missingRows('applications', applications.missing, format),
    ...runs.findings,
    ...lost,
    ...blankCells(reader.blank),
    ...extraRows(t3[format].extraRows),
    ...mergedRowFindings(t3[format].merged, format),
    ...splitRowFindings(t3[format].split, format),
    ...nonStandardLabels(lines, regions.t2Start, regions.t4End),
    ...(proactive.table ? rowLabelFindings('表二', PROACTIVE_ROWS[format], t2[format].labels) : []),
    ...(applications.table ? rowLabelFindings('表三', APPLICATION_ROWS[format], t3[format].labels) : []),
    ...missingSections(sections),
    ...reader.findings,
  ];
  const anyTable = proactive.table !== null || applications.table !== null || reviewLitigation.table !== null;
  return {
    report: {
      agency: header.agency,
      agencyKey: agencyKeyOf(header.agency),
      year: header.year,
      formatVersion: anyTable ? format : null,
      title: header.title,
    },
    // the builders give the plain shape of the format's schema; parsing checks and types it
    tables: format === '2021' ? Tables2021Schema.parse(plain) : Tables2019Schema.parse(plain),
    mergedRows: applications.mergedRows,
    cells: reader.cells,
    findings,
    overview: overviewText(lines, sections),
  };
}

/** Where each table's region starts and ends, from the section headings found (or the document's ends). */
function tableRegions(lines: LayoutLine[], sections: Partial<Record<SectionId, number>>) {
  const end = lines.length;
  const t2Start = sections.proactive ?? 0;
  const t3Start = sections.applications ?? t2Start;
  return {
    t2Start,
    t2TextEnd: t3Start === t2Start ? end : t3Start,
    t3Start,
    t4Start: sections.reviewLitigation ?? end,
    t4End: sections.problems ?? end,
  };
}

function overviewText(lines: LayoutLine[], sections: Partial<Record<SectionId, number>>): string {
  const start = sections.overview ?? 0;
  const end = sections.proactive ?? Math.min(lines.length, start + OVERVIEW_FALLBACK_LINES);
  return lines.slice(start, end).map(lineText).join('\n');
}

function firstLine(mapped: MappedRows): number | undefined {
  const lines = [...mapped.lines.values(), ...mapped.merged.map((m) => m.line)];
  return lines.length > 0 ? Math.min(...lines) : undefined;
}

function lastLine(mapped: MappedRows): number | undefined {
  const lines = [...mapped.lines.values(), ...mapped.merged.map((m) => m.line)];
  return lines.length > 0 ? Math.max(...lines) + 1 : undefined;
}
