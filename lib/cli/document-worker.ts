import { parentPort } from 'node:worker_threads';
import { FsDocumentStore } from '../adapters/fs-document-store.ts';
import { lazyLocalOcrEngine } from '../adapters/ocr/paddle/lazy-local-ocr.ts';
import type { OcrEngine } from '../ports/ocr-engine.ts';
import { processStoredDocument } from '../process-stored-document.ts';
import type { DocumentTask, TaskReply } from './document-task.ts';

// A worker thread of `gouji process`: runs the same use case as the Lambda, one document at a
// time, and answers with the result. Wiring only.

let ocr: OcrEngine | undefined;

async function run(task: DocumentTask): Promise<TaskReply> {
  try {
    if (task.ocr === 'local') ocr ??= lazyLocalOcrEngine({ maxPixels: task.config.maxPixels });
    const outcome = await processStoredDocument(new FsDocumentStore(task.root), task.key, {
      outputKey: task.stem,
      outputStore: new FsDocumentStore(task.out),
      config: task.config,
      force: task.force,
      ...(task.ocr === 'local' && ocr ? { ocr } : {}),
    });
    if (outcome.outcome === 'deferred') throw new Error(`unexpected outcome deferred for ${task.key}`);
    return { id: task.id, ok: true, skipped: outcome.outcome === 'current', result: outcome.result };
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    return { id: task.id, ok: false, failure: { name, message, ...(stack === undefined ? {} : { stack }) } };
  }
}

parentPort?.on('message', (task: DocumentTask) => {
  run(task).then((reply) => parentPort?.postMessage(reply));
});
// the code has loaded: the pool may send documents
parentPort?.postMessage({ ready: true });
