import type { Layout } from '../model/layout.ts';

/**
 * Why a file could not be read at all. Each becomes a `document.<reason>` finding and the
 * result's status `unreadable`; messages are plain Chinese for the reviewer.
 */
export type UnreadableReason =
  | 'empty'
  | 'corrupt'
  | 'encrypted'
  | 'unsupported'
  | 'tooLarge'
  | 'tooManyPages'
  | 'imageTooLarge'
  | 'ocrRequired'
  | 'ocrFailed'
  | 'noTables'
  | 'timeout';

export type ReadOutcome =
  | { ok: true; layout: Layout; encoding?: string }
  | { ok: false; reason: UnreadableReason; message: string };

export function unreadable(reason: UnreadableReason, message: string): ReadOutcome {
  return { ok: false, reason, message };
}
