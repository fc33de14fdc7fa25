/**
 * SQS batch sizes of the event sources, shared by the stack and the local runs (drill, `npm run
 * local`). An OCR function takes one document at a time: one scan can use the whole invocation.
 */
export const BATCH_SIZE = { ocr: 1, text: 5, completions: 5 } as const;
/** At most this many invocations read one queue at once (the event source's maxConcurrency). */
export const MAX_CONCURRENCY = 5;
