import { type CorrectionsFile, CorrectionsFileSchema } from '../model/corrections.ts';
import type { Result } from '../model/result.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { ObjectNotFoundError, ObjectTooLargeError } from '../ports/store-errors.ts';
import { jsonKeyOf } from '../result-keys.ts';
import { readResult, writeOutputs } from '../result-outputs.ts';
import { applyCorrections } from '../rules/apply-corrections.ts';
import { publishToDataset } from './bucket-dataset.ts';
import { correctionsKeyOf, outputKeyOfCorrections } from './corrections-layout.ts';

/** A corrections file is a few cells; anything larger under that name is not one. */
const MAX_CORRECTIONS_BYTES = 1024 * 1024;

/** The corrections file stored for a result: null when there is none; `{ invalid }` when it is not one. */
export async function readStoredCorrections(store: DocumentStore, key: string): Promise<CorrectionsFile | null | { invalid: string }> {
  let text: string;
  try {
    text = new TextDecoder().decode((await store.get(key, { maxBytes: MAX_CORRECTIONS_BYTES })).bytes);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return null;
    if (error instanceof ObjectTooLargeError) return { invalid: 'larger than a corrections file can be' };
    throw error;
  }
  try {
    const parsed = CorrectionsFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { invalid: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  } catch (error) {
    return { invalid: (error as Error).message };
  }
}

/** A result with the corrections stored for it applied, when they are for the same bytes; else as it is. */
export async function withStoredCorrections(store: DocumentStore, outputKey: string, result: Result): Promise<Result> {
  const file = await readStoredCorrections(store, correctionsKeyOf(outputKey));
  if (file === null || 'invalid' in file || file.document.sha256 !== result.source.sha256) return result;
  return applyCorrections(result, file.corrections);
}

export type CorrectionsOutcome =
  | { outcome: 'applied'; result: Result }
  | { outcome: 'current'; result: Result }
  | { outcome: 'skipped'; reason: string };

/**
 * A corrections file arrived under corrections/: its result gets them (values read kept, status
 * derived again, a new version), is rewritten, and the bucket's dataset follows. A file for a
 * result that is not there, or of other bytes, changes nothing and says why.
 */
export async function applyStoredCorrections(store: DocumentStore, key: string): Promise<CorrectionsOutcome> {
  const outputKey = outputKeyOfCorrections(key);
  if (outputKey === null) return { outcome: 'skipped', reason: `not a corrections file: ${key}` };
  const file = await readStoredCorrections(store, key);
  if (file === null) return { outcome: 'skipped', reason: 'the corrections file is gone' };
  if ('invalid' in file) return { outcome: 'skipped', reason: `not a corrections file: ${file.invalid}` };
  const result = await readResult(store, jsonKeyOf(outputKey));
  if (result === null)
    return { outcome: 'skipped', reason: `no result at ${jsonKeyOf(outputKey)} yet: applied when the document is processed` };
  if (result.source.sha256 !== file.document.sha256) {
    return { outcome: 'skipped', reason: `the corrections are for other bytes (sha256 ${file.document.sha256}) than ${result.source.uri}` };
  }
  const corrected = applyCorrections(result, file.corrections);
  if (corrected === result) return { outcome: 'current', result };
  await writeOutputs(store, outputKey, corrected);
  await publishToDataset(store, outputKey, corrected, result);
  return { outcome: 'applied', result: corrected };
}
