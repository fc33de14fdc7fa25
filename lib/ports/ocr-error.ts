import { MachineryError } from './machinery-error.ts';
/** The OCR machinery failed (models missing, runtime error); not a problem of the document. */
export class OcrError extends MachineryError {
  override readonly name: string = 'OcrError';
}
