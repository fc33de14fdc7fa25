import { Worker } from 'node:worker_threads';
import type { Result } from '../model/result.ts';
import type { DocumentTask, TaskReply } from './document-task.ts';

/**
 * How a document ended in the pool: its result, or the worker had to be stopped — over the time
 * budget (a synchronous parse that never returns cannot be aborted, only terminated), over the
 * memory budget, or it died of an error the use case did not catch.
 */
export type PoolOutcome =
  | { kind: 'done'; skipped: boolean; result: Result }
  | { kind: 'stopped'; why: 'time' | 'memory' | 'crash'; detail: string };

export interface PoolOptions {
  /** worker threads, at most one per document */
  size: number;
  /** a document's wall-clock budget; its worker is terminated GRACE_MS after it */
  timeoutMs: number;
  /** a worker's JavaScript heap budget (a process-wide V8 flag such as --max-old-space-size overrides it) */
  memoryMb: number;
  /** how long after the budget a worker that has not answered is terminated (default GRACE_MS) */
  graceMs?: number;
  /** the worker module (default: the document worker); it answers `DocumentTask`s with `TaskReply`s */
  workerUrl?: URL;
}

/** The worker answers its own budget first (AbortSignal): the watchdog only ends what cannot. */
const GRACE_MS = 5_000;

// Compiled (dist/*.js) the worker sits beside this code as .js. In development both are .ts, and a
// worker thread does not inherit the tsx loader of `node --import tsx`: it registers its own.
const DEVELOPMENT = import.meta.url.endsWith('.ts');
const DOCUMENT_WORKER = new URL(DEVELOPMENT ? './document-worker.ts' : './document-worker.js', import.meta.url);

/** A failure the worker reported (a store error): the batch stops, as it did in one process. */
export class WorkerTaskError extends Error {
  override readonly name = 'WorkerTaskError';
}

/** A worker that could not start (its code failed to load): no document's fault, the batch stops. */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
}

/**
 * Runs every task in a pool of worker threads, calling `onOutcome` as each ends (in the order they
 * end). A worker that is stopped is replaced; a machinery failure rejects after the running tasks end.
 */
export async function runPool(
  tasks: readonly DocumentTask[],
  options: PoolOptions,
  onOutcome: (task: DocumentTask, outcome: PoolOutcome) => Promise<void>,
  onStart?: (task: DocumentTask) => void,
): Promise<void> {
  let next = 0;
  let failure: Error | undefined;
  const slot = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      while (next < tasks.length && failure === undefined) {
        const task = tasks[next++]!;
        worker ??= await spawn(options.workerUrl ?? DOCUMENT_WORKER, options.memoryMb);
        onStart?.(task);
        const outcome = await runOn(worker, task, options.timeoutMs + (options.graceMs ?? GRACE_MS));
        if (outcome instanceof Error) {
          failure ??= outcome;
          break;
        }
        if (outcome.kind === 'stopped') {
          await worker.terminate();
          worker = undefined;
        }
        await onOutcome(task, outcome);
      }
    } catch (error) {
      failure ??= error as Error;
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.size, tasks.length)) }, slot));
  if (failure !== undefined) throw failure;
}

/** A worker that has loaded its code (it says `ready`), unref'd so that an idle one never keeps the batch alive. */
function spawn(url: URL, memoryMb: number): Promise<Worker> {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  const worker = DEVELOPMENT
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
          `.then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`,
        { eval: true, resourceLimits },
      )
    : new Worker(url, { resourceLimits });
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if ((message as { ready?: boolean } | null)?.ready !== true) return;
      done();
      worker.unref();
      resolve(worker);
    };
    const onError = (error: Error) => {
      done();
      reject(new WorkerStartError(`document worker failed to start: ${error.message}`, { cause: error }));
    };
    const onExit = (code: number) => onError(new Error(`exited with code ${code}`));
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

function runOn(worker: Worker, task: DocumentTask, limitMs: number): Promise<PoolOutcome | Error> {
  return new Promise((resolve) => {
    const finish = (value: PoolOutcome | Error) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(value);
    };
    const onMessage = (reply: TaskReply) => {
      if (reply.id !== task.id) return;
      if (reply.ok) finish({ kind: 'done', skipped: reply.skipped, result: reply.result });
      else {
        const error = new WorkerTaskError(`${reply.failure.name}: ${reply.failure.message}`);
        if (reply.failure.stack !== undefined) error.stack = reply.failure.stack;
        finish(error);
      }
    };
    const onError = (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish({ kind: 'stopped', why: 'memory', detail: error.message });
      else finish({ kind: 'stopped', why: 'crash', detail: `${error.name}: ${error.message}` });
    };
    const onExit = (code: number) => finish({ kind: 'stopped', why: 'crash', detail: `worker exited with code ${code}` });
    const timer = setTimeout(() => finish({ kind: 'stopped', why: 'time', detail: `over ${limitMs} ms` }), limitMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.ref();
    worker.postMessage(task);
  }).finally(() => worker.unref()) as Promise<PoolOutcome | Error>;
}
