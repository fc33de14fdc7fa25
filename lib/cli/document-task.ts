import type { Config } from '../config.ts';
import type { Result } from '../model/result.ts';

// What the batch sends a document worker and what it sends back (structured-cloned messages).

/** One document to process: read from `root`/`key`, results written under `out`/`stem`. */
export interface DocumentTask {
  id: number;
  root: string;
  key: string;
  stem: string;
  out: string;
  config: Config;
  force: boolean;
  ocr: 'local' | 'none';
}

/** A failure of the machinery (a store error): it stops the batch, as it did in one process. */
export interface TaskFailure {
  name: string;
  message: string;
  stack?: string;
}

export type TaskReply = { id: number; ok: true; skipped: boolean; result: Result } | { id: number; ok: false; failure: TaskFailure };
