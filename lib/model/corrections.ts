import { z } from 'zod';

/** One cell a reviewer read on the page: the value they read, why, who and when. */
export const CorrectionSchema = z.object({
  /** the cell's dotted path, e.g. `reviewLitigation.review.corrected` */
  cell: z.string().min(1),
  /** the value on the page; null: the reviewer could not read it either */
  value: z.number().nullable(),
  reason: z.string().default(''),
  reviewer: z.string().default(''),
  /** ISO 8601 */
  time: z.string().min(1),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/**
 * `<name>.corrections.json`, exported by the report page: the corrections of one document, which
 * `gouji process --corrections <dir>` (and `corrections/` in the bucket) apply to its result.
 */
export const CorrectionsFileSchema = z.object({
  schemaVersion: z.literal(1),
  /** the document corrected: applied only to a result of the same bytes */
  document: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), uri: z.string() }),
  corrections: z.array(CorrectionSchema),
});
export type CorrectionsFile = z.infer<typeof CorrectionsFileSchema>;
