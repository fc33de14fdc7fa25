import { z } from 'zod';
import { ApplicantRowSchema, TablesSchema } from './tables.ts';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const StatusSchema = z.enum(['valid', 'invalid', 'unreadable']);
export type Status = z.infer<typeof StatusSchema>;

/** A problem in a document: data, never thrown (like a zod issue). */
export const FindingSchema = z.object({
  rule: z.string().min(1),
  severity: SeveritySchema,
  message: z.string().min(1),
  /** dotted cell paths, e.g. `applications.newlyReceived.total` */
  cells: z.array(z.string()),
  /** cells most likely misread when an OCR'd table breaks a rule */
  suspectCells: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const BoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Box = z.infer<typeof BoxSchema>;

/**
 * How a value was obtained: `text` — read from a text layer, markup or plain text; `ocr` — read
 * from a page image by the OCR engine; `arithmetic` — the digits were printed run together and the
 * form's sums allow exactly one way to split them; `corrected` — a reviewer's correction.
 */
export const CellMethodSchema = z.enum(['text', 'ocr', 'arithmetic', 'corrected']);
export type CellMethod = z.infer<typeof CellMethodSchema>;

export const CellSourceSchema = z.object({
  method: CellMethodSchema,
  page: z.number().int().positive().optional(),
  bbox: BoxSchema.optional(),
  text: z.string(),
  confidence: z.number().min(0).max(1).optional(),
  /** when `method` is `corrected`: the value as read and how it was read — nothing read is overwritten */
  read: z.object({ value: z.number().nullable(), method: CellMethodSchema.exclude(['corrected']) }).optional(),
});
export type CellSource = z.infer<typeof CellSourceSchema>;

/**
 * Form rows a publisher printed as one row (（六）其他处理 as one row in a 2021 report): keyed by
 * the group's dotted path (`applications.results.otherHandling`); the members stay null in
 * `tables`, the printed figures are here and count in every sum.
 */
export const MergedRowSchema = z.object({
  /** the label as printed */
  label: z.string(),
  /** dotted paths of the form rows it stands for */
  members: z.array(z.string()).min(2),
  values: ApplicantRowSchema,
});
export const MergedRowsSchema = z.record(z.string(), MergedRowSchema);
export type MergedRows = z.infer<typeof MergedRowsSchema>;

export const SourceSchema = z.object({
  uri: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  mediaType: z.string(),
  /** S3 ETag / version of the object that was read, when the store has them */
  etag: z.string().optional(),
  versionId: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ReportInfoSchema = z.object({
  agency: z.string().nullable(),
  /**
   * The agency's name normalised so that the variants one agency prints across years meet
   * (淮安市洪泽区人民政府 / 洪泽区人民政府 → 洪泽区人民政府): see lib/model/agency-key.ts.
   */
  agencyKey: z.string().nullable().default(null),
  year: z.number().int().nullable(),
  formatVersion: z.enum(['2019', '2021']).nullable(),
  title: z.string().nullable(),
});
export type ReportInfo = z.infer<typeof ReportInfoSchema>;

export const ExtractionSchema = z.object({
  /** text: a text layer or markup; ocr: every page OCR'd; mixed: some pages OCR'd */
  method: z.enum(['text', 'ocr', 'mixed', 'none']),
  reader: z.enum(['text', 'html', 'docx', 'doc', 'pdf', 'image', 'none']),
  ocrEngine: z.string().optional(),
  pages: z.number().int().nonnegative().optional(),
  /** 1-based page numbers that were OCR'd */
  ocrPages: z.array(z.number().int().positive()).optional(),
  meanConfidence: z.number().min(0).max(1).optional(),
  encoding: z.string().optional(),
  durationMs: z.number().nonnegative().optional(),
});
export type Extraction = z.infer<typeof ExtractionSchema>;

/**
 * A rule the result was checked against: `pass`, `fail` (its findings say where) or `skipped`
 * (the reason says why: a table not found, cells not read, no report of the year before…).
 */
export const CheckSchema = z.object({
  rule: z.string().min(1),
  outcome: z.enum(['pass', 'fail', 'skipped']),
  reason: z.string().optional(),
  /** the other report a rule across years compared against (its source URI) */
  against: z.string().optional(),
  /** how many sums (columns, rows, groups) were checked, and how many of them failed */
  checked: z.number().int().nonnegative().optional(),
  failed: z.number().int().nonnegative().optional(),
});
export type Check = z.infer<typeof CheckSchema>;

/** Figures stated in the text of 一、总体情况, kept so the tables can be checked against them again. */
export const NarrativeSchema = z.object({
  applicationsReceived: z.number().int().nonnegative().optional(),
  reviewCases: z.number().int().nonnegative().optional(),
});
export type Narrative = z.infer<typeof NarrativeSchema>;

/** A reviewer's correction of one cell, as applied to the result. */
export const AppliedCorrectionSchema = z.object({
  cell: z.string().min(1),
  value: z.number().nullable(),
  reason: z.string(),
  reviewer: z.string(),
  time: z.string(),
});
export type AppliedCorrection = z.infer<typeof AppliedCorrectionSchema>;

/**
 * The page image behind one OCR'd cell a finding flags: a small grey PNG of the cell and its
 * surroundings, so a reviewer checks the figure without opening the PDF.
 */
export const CellEvidenceSchema = z.object({
  page: z.number().int().positive(),
  /** the cell's box on the page image, pixels, as in `cells` */
  bbox: BoxSchema,
  /** `data:image/png;base64,…`, at most EVIDENCE_MAX_WIDTH × EVIDENCE_MAX_HEIGHT pixels */
  image: z.string().regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/),
});
export type CellEvidence = z.infer<typeof CellEvidenceSchema>;

export const ResultSchema = z.object({
  schemaVersion: z.literal(1),
  /** the gouji version that made this result: a result of another version is redone */
  goujiVersion: z.string().min(1),
  /** 1 as read; each application of a reviewer's corrections makes a new version */
  version: z.number().int().positive().default(1),
  status: StatusSchema,
  source: SourceSchema,
  report: ReportInfoSchema,
  extraction: ExtractionSchema,
  tables: TablesSchema,
  /** rows printed merged, when the publisher did so */
  mergedRows: MergedRowsSchema.optional(),
  cells: z.record(z.string(), CellSourceSchema),
  /** crops of the page image behind flagged OCR'd cells, by cell path (only when a local OCR engine read the page) */
  evidence: z.record(z.string(), CellEvidenceSchema).optional(),
  findings: z.array(FindingSchema),
  /** every rule the result was checked against, passed and skipped ones too */
  checks: z.array(CheckSchema).default([]),
  narrative: NarrativeSchema.default({}),
  /** the reviewer's corrections applied to this version (empty when nothing was corrected) */
  corrections: z.array(AppliedCorrectionSchema).default([]),
});
export type Result = z.infer<typeof ResultSchema>;
