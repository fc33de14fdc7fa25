import type { Extraction, Result, Source } from './model/result.ts';
import type { UnreadableReason } from './read/read-result.ts';
import { GOUJI_VERSION } from './version.ts';

const NOT_READ: Extraction = { method: 'none', reader: 'none' };

/**
 * The one builder of an `unreadable` result: no tables, one `document.<reason>` error that says
 * why — a reader's reason, a reader that failed unexpectedly (internalError), or an OCR job that
 * failed (ocrJobFailed: a retry may work).
 */
export function unreadableResult(
  source: Source,
  reason: UnreadableReason | 'internalError' | 'ocrJobFailed',
  message: string,
  extraction: Extraction = NOT_READ,
): Result {
  return {
    schemaVersion: 1,
    goujiVersion: GOUJI_VERSION,
    version: 1,
    status: 'unreadable',
    source,
    report: { agency: null, agencyKey: null, year: null, formatVersion: null, title: null },
    extraction,
    tables: { proactive: null, applications: null, reviewLitigation: null },
    cells: {},
    findings: [{ rule: `document.${reason}`, severity: 'error', message, cells: [] }],
    checks: [],
    narrative: {},
    corrections: [],
  };
}

/** The message of `document.tooLarge`, the same wherever the size is found out. */
export function tooLargeMessage(bytes: number, maxBytes: number): string {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return `文件大小 ${mb(bytes)} MB，超过上限 ${mb(maxBytes)} MB，未读取。`;
}
